import { PASSWORD } from './fixtures.ts';

/** A response: status, body (parsed when JSON, else text; undefined when empty) and headers. */
export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered.
  readonly body: any;
  readonly headers: Headers;
}

// Strings and bytes go as they are (CSV, archives); anything else as JSON.
function encodeBody(body: unknown): string | Blob {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Blob([new Uint8Array(body)]);
  return JSON.stringify(body);
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

  /** The session cookie this client sends ("" when it has none). */
  get cookie(): string {
    return this.auth.cookie ?? '';
  }

  /** The CSRF token this client sends ("" when it has none). */
  get csrf(): string {
    return this.auth.csrf ?? '';
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

  /** The status of a streaming GET (e.g. Server-Sent Events): reads the headers, then hangs up. */
  async streamStatus(path: string): Promise<number> {
    const abort = new AbortController();
    const response = await fetch(new URL(path, this.baseUrl), {
      headers: {
        ...(this.auth.cookie ? { cookie: this.auth.cookie } : {}),
        ...(this.auth.token ? { authorization: `Bearer ${this.auth.token}` } : {}),
      },
      signal: abort.signal,
    });
    abort.abort();
    return response.status;
  }

  /** Sends a request; `body` is JSON-encoded unless it is already a string or bytes. */
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
      ...(body === undefined ? {} : { body: encodeBody(body) }),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return {
      status: response.status,
      body: json && text ? JSON.parse(text) : text || undefined,
      headers: response.headers,
    };
  }
}

/** An open Server-Sent Events stream: read events one by one. */
export class EventStream {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  /** Opens `path` as an event stream with the given client's credentials. */
  static async open(baseUrl: string, path: string, cookie: string): Promise<EventStream> {
    const abort = new AbortController();
    const response = await fetch(new URL(path, baseUrl), { headers: { cookie }, signal: abort.signal });
    if (response.status !== 200 || !response.body)
      throw new Error(`event stream answered ${response.status}`);
    return new EventStream(response.body.getReader(), abort);
  }

  /** The next event (comments skipped): its name and parsed data. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the server sent.
  async next(): Promise<{ event: string; data: any }> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  close(): void {
    this.abort.abort();
  }
}
