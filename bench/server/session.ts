/** A signed-in browser session: the cookie and the CSRF token every write sends. */
export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in through the API, as the studio does. */
export async function signIn(url: string, login: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.csrfToken };
}

/** The headers of a JSON write with that session. */
export const writeHeaders = (session: Session) => ({
  'content-type': 'application/json',
  cookie: session.cookie,
  'x-csrf-token': session.csrf,
});
