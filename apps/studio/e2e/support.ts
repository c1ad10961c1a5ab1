import { expect, type Page } from '@playwright/test';

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
