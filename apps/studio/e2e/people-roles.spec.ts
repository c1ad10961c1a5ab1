import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

// Roles are set per person in the admin area, and what a person can do follows at once.
test('an admin makes an operator a designer; the operator then sees the designer pages', async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin');
  await admin.goto('/admin/people');
  const row = admin.getByRole('row').filter({ hasText: '操作工 李四' });
  await row.getByRole('button', { name: '编辑 操作工 李四' }).click();
  const roles = row.getByRole('group', { name: '操作工 李四 的角色与权限' });
  await roles.getByLabel(/^设计者/).check();
  await roles.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('member, designer');

  const lisi = await (await browser.newContext()).newPage();
  await signIn(lisi, 'lisi');
  await expect(
    lisi.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '流程' }),
  ).toBeVisible();
  await lisi.getByRole('link', { name: '填报', exact: true }).click();
  await expect(lisi.getByRole('link', { name: '设计' }).first()).toBeVisible();

  // Back to an operator, as the other journeys expect.
  await row.getByRole('button', { name: '编辑 操作工 李四' }).click();
  await roles.getByLabel(/^设计者/).uncheck();
  await roles.getByRole('button', { name: '保存' }).click();
  await expect(row.getByRole('cell').nth(4)).toHaveText('member');
});
