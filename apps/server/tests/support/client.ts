import { PASSWORD } from './fixtures.ts';

/** A response: status, parsed JSON body (or undefined) and headers. */
export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered.
  readonly body: any;
  readonly headers: Headers;
}

/** A caller of the API: anonymous, signed in with a session cookie (+ CSRF token), or with an API token. */
export class Client {
  constructor(
    private readonly baseUrl: string,
    private readonly auth: { cookie?: string; csrf?: string; token?: string } = {},
    private readonly language = 'zh-CN',
  ) {}

  /** Signs in as `login` and returns a client carrying the session. */
  static async signIn(baseUrl: string, login: string, password = PASSWORD): Promise<Client> {
    const answer = await new Client(baseUrl).call('POST', '/api/session', { login, password });
    if (answer.status !== 200) throw new Error(`sign-in of ${login} failed: ${answer.status}`);
    const cookie = answer.headers.get('set-cookie')?.split(';')[0] ?? '';
    return new Client(baseUrl, { cookie, csrf: answer.body.csrfToken });
  }

  /** The same caller with a token instead. */
  static withToken(baseUrl: string, token: string): Client {
    return new Client(baseUrl, { token });
  }

  /** The same caller, asking for answers in another language. */
  inLanguage(language: string): Client {
    return new Client(this.baseUrl, this.auth, language);
  }

  /** The same caller without its CSRF token (what a forged cross-site request looks like). */
  withoutCsrf(): Client {
    const { csrf: _dropped, ...rest } = this.auth;
    return new Client(this.baseUrl, rest, this.language);
  }

  /** Sends a request; `body` is JSON-encoded unless it is already a string. */
  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        'accept-language': this.language,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
        ...(this.auth.csrf ? { 'x-csrf-token': this.auth.csrf } : {}),
        ...(this.auth.token ? { authorization: `Bearer ${this.auth.token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }
}
