import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

/** Drags a palette item onto the end of the form with the mouse, as a person would. */
async function dragToEnd(page: Page, itemName: string) {
  const item = page.getByRole('button', { name: `添加 ${itemName}` });
  const from = await item.boundingBox();
  if (!from) throw new Error('the palette item is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 10, { steps: 5 });
  // The drop places open once a drag is under way; the last one at the top level ends the form.
  const slot = page.locator('[data-slot^="slot:#root:"]').last();
  await slot.scrollIntoViewIfNeeded();
  const to = await slot.boundingBox();
  if (!to) throw new Error('no drop place at the end of the form');
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

/**
 * Starts collecting the Content-Security-Policy violations of `page`: the `securitypolicyviolation`
 * events of each document it loads and Chromium's console reports. Returns a reader of those so far
 * (the events of the current document). The designers validate with precompiled validators, so the
 * strict policy (no eval) must never get in their way.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

test('HR clones the starter objective form, adds a field by dragging, publishes; an employee sees it', async ({
  browser,
}) => {
  const hr = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const cspViolations = await watchCsp(hr);
  await signIn(hr, 'hr');
  await hr.getByRole('link', { name: '填报' }).click();
  // The pack's own objective form, not a copy someone made earlier.
  const objective = hr
    .getByRole('listitem')
    .filter({ has: hr.getByRole('heading', { name: '目标', exact: true }) })
    .filter({ hasNotText: '复制自' });
  await objective.getByRole('button', { name: '复制' }).click();
  await objective.getByLabel(/新表单的标识/).fill('team-objective');
  await objective.getByRole('button', { name: '复制' }).click();
  await expect(hr).toHaveURL(/\/definitions\/team-objective\/history$/);

  await hr.goto('/forms/team-objective/design');
  await dragToEnd(hr, '单行文本');
  await expect(hr.getByText('已把 单行文本 放到 表单')).toBeVisible();
  // The new field is selected; its property panel names it in each language.
  const label = hr.getByRole('region', { name: '名称', exact: true }).getByRole('textbox', { name: '中文' });
  await label.fill('客户承诺');
  await label.blur();
  await hr.getByRole('button', { name: '保存' }).click();
  await expect(hr.getByText('已保存第 2 版')).toBeVisible();
  await hr.getByRole('button', { name: '发布' }).click();
  await expect(hr.getByText('已保存第 2 版，已发布')).toBeVisible();
  // The designer page is served with the same strict policy as every other page.
  expect(
    (await hr.request.get('/forms/team-objective/design')).headers()['content-security-policy'],
  ).toContain("script-src 'self';");
  expect(await cspViolations()).toEqual([]);
  await hr.screenshot({ path: '../../docs/screenshots/design-form.png' });

  const employee = await (await browser.newContext()).newPage();
  await signIn(employee, 'zhangsan');
  await employee.goto('/forms/team-objective/fill');
  await expect(employee.getByRole('textbox', { name: '客户承诺' })).toBeVisible();
});
