import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

// An admin connects the weekly check-in form to another system's HTTP API (here a stand-in MES on
// 127.0.0.1): allows the host, maps the answer's fields, runs it; the bad row is named, the good
// rows become records.
let mes: Server;
let mesUrl: string;
test.beforeAll(async () => {
  mes = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        data: {
          items: [
            { wk: '2026-12-21', pct: 71, memo: '来自 MES 的周数据' },
            { wk: '2026-12-21', pct: 'n/a', memo: '坏数据' },
            { wk: '2026-12-28', pct: 74, memo: '来自 MES 的第二周' },
          ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => mes.listen(0, '127.0.0.1', resolve));
  mesUrl = `http://127.0.0.1:${(mes.address() as AddressInfo).port}/api/weekly`;
});
test.afterAll(() => new Promise<void>((resolve) => mes.close(() => resolve())));

test('an admin pulls rows from another system over HTTP; the bad row is named, the others become records', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '管理', exact: true }).click();
  await page.getByRole('link', { name: '数据连接' }).click();

  const hosts = page.getByRole('region', { name: '允许访问的外部地址' });
  await hosts.getByLabel(/^地址/).fill('127.0.0.1');
  await hosts.getByLabel('允许内网地址').check();
  await hosts.getByRole('button', { name: '添加' }).click();
  await expect(hosts.getByRole('button', { name: '移除 127.0.0.1' })).toBeVisible();

  await page.getByRole('button', { name: '新建数据连接' }).click();
  await page.getByLabel(/^标识/).fill('mes-weekly');
  await page.getByLabel('名称', { exact: true }).fill('MES 周数据');
  await page.getByLabel('写入哪个表单').selectOption({ label: '每周进展' });
  await page.getByLabel(/^接口地址/).fill(mesUrl);
  await page.getByLabel(/^数据行在返回结果中的位置/).fill('data.items');
  await page.getByLabel('周', { exact: true }).fill('wk');
  await page.getByLabel('目标完成度（%）').fill('pct');
  await page.getByLabel('说明').fill('memo');
  await page.getByLabel(/^记录归属于/).selectOption('zhangsan');
  await page.getByLabel('什么时候运行').selectOption({ label: '每天 09:00' });
  await expect(page.getByText(/^接下来：.*09:00/)).toBeVisible();
  await page.getByRole('button', { name: '保存连接' }).click();

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'MES 周数据' }) });
  await expect(card).toContainText('每天 09:00 自动运行');
  await card.getByRole('button', { name: '立即运行' }).click();
  const runs = card.getByRole('list', { name: 'MES 周数据 的运行记录' });
  await expect(runs).toContainText('取到 3 行：新增 2，更新 0，未变 0，出错 1');
  await expect(runs).toContainText('第 2 行：progress：');
  await page.screenshot({ path: '../../docs/screenshots/connector.png', fullPage: true });

  await page.goto('/forms/weekly-checkin/records');
  await expect(page.getByRole('row').filter({ hasText: '来自 MES 的第二周' })).toContainText('74');
});
