import { type APIResponse, expect, type Locator, type Page, request } from '@playwright/test';

/** The demo's shared password (`formboard serve --demo`). */
export const DEMO_PASSWORD = 'formboard-demo';

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, login: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('账号或邮箱').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

/** A signed-in API caller (its own cookie jar), for what a journey sets up without the UI. */
export interface ApiCaller {
  get(path: string): Promise<APIResponse>;
  post(path: string, data?: unknown): Promise<APIResponse>;
  put(path: string, data: unknown): Promise<APIResponse>;
  dispose(): Promise<void>;
}

/** Signs `login` in through the API; writes carry the session's CSRF token. */
export async function apiAs(baseURL: string, login: string): Promise<ApiCaller> {
  const context = await request.newContext({ baseURL });
  const signedIn = await context.post('/api/session', { data: { login, password: DEMO_PASSWORD } });
  expect(signedIn.status(), `sign-in of ${login}`).toBe(200);
  const headers = { 'x-csrf-token': (await signedIn.json()).csrfToken as string };
  return {
    get: (path) => context.get(path),
    post: (path, data) => context.post(path, { headers, ...(data === undefined ? {} : { data }) }),
    put: (path, data) => context.put(path, { headers, data }),
    dispose: () => context.dispose(),
  };
}

/** A real pointer drag in small steps (dnd-kit starts a drag after the pointer moved a few pixels). */
export async function dragTo(page: Page, from: Locator, to: Locator, offset: { x: number; y: number }) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('drag source or target is not on screen');
  const [x0, y0] = [start.x + start.width / 2, start.y + start.height / 2];
  const [x1, y1] = [end.x + offset.x, end.y + offset.y];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++)
    await page.mouse.move(x0 + ((x1 - x0) * step) / 12, y0 + ((y1 - y0) * step) / 12);
  await page.mouse.up();
}
