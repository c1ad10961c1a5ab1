import { expect, test } from '@playwright/test';
import { apiAs, dragTo, signIn } from './support.ts';

// Journey 3: an admin builds a tracking board by dragging three widgets onto the grid, binds them to
// the weekly check-in form, publishes it, and watches it change when a record arrives from another
// browser context.
test('an admin drags three widgets onto a new board, binds them to a form, and sees live data', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '看板', exact: true }).click();
  await page.getByRole('button', { name: '新建看板' }).click();
  await page.getByLabel('看板名称').fill('一线周进度');
  await page.getByRole('button', { name: '创建并设计' }).click();
  const canvas = page.getByLabel('看板画布');
  await expect(canvas).toBeVisible();

  // Three drags from the palette to three places on the grid; each widget is then bound to the form.
  const drops = [
    { item: '添加 指标卡', at: { x: 40, y: 80 }, title: '本周提交数' },
    { item: '添加 折线图', at: { x: 300, y: 80 }, title: '每月提交数' },
    { item: '添加 表格', at: { x: 40, y: 420 }, title: '提交明细' },
  ];
  for (const [index, drop] of drops.entries()) {
    await dragTo(page, page.getByRole('button', { name: drop.item }), canvas, drop.at);
    await expect(page.locator('[data-widget-id]')).toHaveCount(index + 1);
    await page.getByLabel('来源表单').selectOption({ label: '每周进展' });
    await page.getByLabel('标题', { exact: true }).fill(drop.title);
    await expect(canvas.getByRole('button', { name: drop.title, exact: true })).toBeVisible();
  }
  await expect(page.getByText('没有问题')).toBeVisible();
  await page.getByRole('toolbar', { name: '看板设计器工具栏' }).getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存第 2 版')).toBeVisible();
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已保存第 2 版，已发布')).toBeVisible();

  await page.getByRole('link', { name: '查看看板' }).click();
  const kpi = page.getByRole('region', { name: '本周提交数' });
  await expect(kpi).toContainText(/\d/);
  await expect(page.getByRole('region', { name: '提交明细' })).toBeVisible();
  const count = async () =>
    Number(((await kpi.getByTestId('kpi-value').textContent()) ?? '').replace(/\D/g, ''));
  const before = await count();

  // Zhang San checks in from his phone (another browser context, through the API as the fill page sends it).
  const phone = await apiAs(String(baseURL), 'zhangsan');
  const sent = await phone.post('/api/forms/weekly-checkin/records', {
    data: { week: '2026-12-14', progress: 64, note: '新看板上线' },
  });
  expect(sent.status()).toBe(201);
  await phone.dispose();
  await expect.poll(count).toBe(before + 1);
  await page.screenshot({ path: '../../docs/screenshots/build-board.png', fullPage: true });
});
