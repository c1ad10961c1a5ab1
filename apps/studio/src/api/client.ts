import type { Locale, Text } from '../i18n/locale.tsx';

/** One problem the server pointed at: `{ pointer, message }` or a validation issue. */
export interface ApiIssue {
  readonly pointer?: string;
  readonly path?: string;
  readonly message?: string | Text;
}

/** An error answer of the API (`{ error: { code, message, details, requestId } }`), or a network failure. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

// The session's CSRF token (the server hands it out at sign-in and on GET /api/session) and the language
// error messages should come back in; both are set by the session and locale providers.
let csrfToken = '';
let language: Locale = 'zh-CN';

/** Sets the token sent with every write. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Sets the Accept-Language of every request. */
export function setRequestLocale(locale: Locale): void {
  language = locale;
}

const NETWORK_DOWN: Text = {
  'zh-CN': '连不上服务器，请检查网络后重试',
  en: 'cannot reach the server; check the network and try again',
};

interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** A file sent as the body itself (imports), with its content type. */
  readonly file?: { readonly data: Blob; readonly type: string };
  readonly signal?: AbortSignal;
}

/** Calls the API with the session cookie, the CSRF token on writes and JSON both ways; throws ApiFailure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': language };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type;
  const body = options.file
    ? options.file.data
    : options.body === undefined
      ? undefined
      : JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiFailure(0, 'network', NETWORK_DOWN[language]);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const answer = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (
      answer as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } }
    )?.error;
    throw new ApiFailure(
      response.status,
      error?.code ?? `http${response.status}`,
      error?.message ?? `HTTP ${response.status}`,
      error?.details,
      error?.requestId,
    );
  }
  return answer as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from defined values: `?a=1&b=x`. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
