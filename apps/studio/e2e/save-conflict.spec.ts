import { expect, test } from '@playwright/test';
import { apiAs, signIn } from './support.ts';

// Two people edit one board: the second save is refused with what the first changed, and the
// second person keeps their work as a copy instead of overwriting.
test('a save over someone else’s newer version is refused, says what they changed, and can go to a copy', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, 'hr');
  await page.goto('/boards/weekly-progress/design');
  await expect(page.getByLabel('看板画布')).toBeVisible();

  // Meanwhile the admin renames the board through the API.
  const admin = await apiAs(String(baseURL), 'admin');
  const current = await (await admin.get('/api/definitions/weekly-progress')).json();
  const theirs = {
    ...current.version.content,
    title: { 'zh-CN': '一线周进展（管理员改）', en: 'Line progress' },
  };
  const saved = await admin.put('/api/definitions/weekly-progress', {
    definition: theirs,
    baseVersion: current.info.headVersion,
    message: '管理员改名',
  });
  expect(saved.status()).toBe(200);
  await admin.dispose();

  await page.getByLabel('说明', { exact: true }).fill('本周起按班组看');
  await page.getByLabel(/^修改说明/).fill('加说明');
  await page.getByRole('toolbar', { name: '看板设计器工具栏' }).getByRole('button', { name: '保存' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: '你编辑期间，有人保存了' });
  await expect(conflict).toContainText('标题');
  await conflict.getByRole('button', { name: '把我的版本另存为副本' }).click();
  await expect(page).toHaveURL(/\/boards\/weekly-progress-copy-[a-z0-9]+\/design$/);
  await expect(page.getByLabel('说明', { exact: true })).toHaveValue('本周起按班组看');
});
