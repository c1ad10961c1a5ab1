import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

/** Saves a new head version of a definition through the API, as the designer's save button does. */
async function saveVersion(page: Page, id: string, change: (definition: Record<string, unknown>) => void) {
  const session = await (await page.request.get('/api/session')).json();
  const current = await (await page.request.get(`/api/definitions/${id}`)).json();
  const definition = structuredClone(current.version.content);
  change(definition);
  const saved = await page.request.put(`/api/definitions/${id}`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { definition, baseVersion: current.info.headVersion, message: '调整标题' },
  });
  expect(saved.status()).toBe(200);
}

test('a designer saves versions, reads the diff, restores version 1; the audit log verifies', async ({
  browser,
}) => {
  const designer = await (await browser.newContext()).newPage();
  await signIn(designer, 'hr');
  for (const title of ['周进展（第二版）', '周进展（第三版）'])
    await saveVersion(designer, 'weekly-checkin', (definition) => {
      definition.title = { 'zh-CN': title, en: 'Weekly check-in' };
    });

  await designer.goto('/definitions/weekly-checkin/history');
  const third = designer
    .getByRole('listitem')
    .filter({ has: designer.getByRole('heading', { name: /第 3 版/ }) });
  await third.getByRole('button', { name: '与上一版比较' }).click();
  await expect(third.getByRole('listitem').filter({ hasText: '修改 标题' })).toBeVisible();
  await third.getByText('逐项变更（JSON Patch）').click();
  await expect(third.getByText('周进展（第三版）')).toBeVisible();

  const first = designer
    .getByRole('listitem')
    .filter({ has: designer.getByRole('heading', { name: /第 1 版/ }) });
  await first.getByRole('button', { name: '恢复为最新版' }).click();
  await expect(designer.getByRole('heading', { name: /第 4 版/ })).toBeVisible();
  await expect(designer.getByText('恢复自第 1 版')).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin');
  await admin.getByRole('link', { name: '管理', exact: true }).click();
  await admin.getByRole('link', { name: '审计日志' }).click();
  const rows = admin.getByRole('row').filter({ hasText: 'weekly-checkin' });
  await expect(rows.filter({ hasText: '人事 李娜' }).first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(4); // created, published, two saves, the restore…
  await admin.getByRole('button', { name: '校验完整性' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '校验通过' })).toBeVisible();
  await admin.screenshot({ path: '../../docs/screenshots/audit-verified.png', fullPage: true });
});
