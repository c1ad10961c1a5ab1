import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('an employee on a phone fills a weekly check-in and finds it in the records', async ({ page }) => {
  await signIn(page, 'zhangsan');
  await page.getByRole('link', { name: '每周进展' }).click();
  await expect(page.getByRole('heading', { name: '每周进展' })).toBeVisible();
  await page.getByLabel('周', { exact: true }).fill('2026-11-30');
  await page.getByRole('textbox', { name: '目标完成度（%）' }).fill('77');
  await page.getByLabel('说明').fill('换线完成，良率回升');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();
  // The next check-in starts empty: the stored one does not come back as a draft, even after a reload.
  await expect(page.getByLabel('说明')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('说明')).toHaveValue('');

  await page.getByRole('link', { name: '查看记录' }).first().click();
  const row = page.getByRole('row').filter({ hasText: '换线完成，良率回升' });
  await expect(row).toContainText('77');
  await page.screenshot({ path: '../../docs/screenshots/fill-check-in-phone.png', fullPage: true });
});
