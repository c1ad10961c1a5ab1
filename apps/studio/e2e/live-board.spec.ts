import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

test('a board updates without a reload when a record is submitted from another browser', async ({
  browser,
}) => {
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, 'zhangsan');
  await viewer.goto('/boards/weekly-progress');
  const weeks = viewer.getByRole('region', { name: '按周汇总' });
  await expect(weeks.getByRole('row').filter({ hasText: '2026-11-23' })).toBeVisible();
  await expect(weeks.getByRole('row').filter({ hasText: '2026-12-07' })).toHaveCount(0);

  // The same person on their phone: a check-in through the API, as the fill-in page sends it.
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, 'zhangsan');
  const session = await (await phone.request.get('/api/session')).json();
  const sent = await phone.request.post('/api/forms/weekly-checkin/records', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { data: { week: '2026-12-07', progress: 88, note: '提前完成' } },
  });
  expect(sent.status()).toBe(201);

  await expect(weeks.getByRole('row').filter({ hasText: '2026-12-07' })).toContainText('88');
  await viewer.screenshot({ path: '../../docs/screenshots/live-board.png', fullPage: true });
});
