import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

// Journey 2: an employee on a 390-px-wide phone checks in on a key result through the fill page;
// the starter pack's workflow moves the key result, the server recomputes its progress, and the
// "My gap" board shows the new progress and gap. zhangsan's demo key result: rework rate from 4%
// down to 2%, at 3.5% after three weekly check-ins (progress 25%, gap −1.5).
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const KEY_RESULT = '工位返工率从 4% 降到 2%';

/** The row of the key result in the board's "key-result gaps" table. */
const gapRow = (page: Page) =>
  page.getByRole('region', { name: '关键结果差距' }).getByRole('row').filter({ hasText: KEY_RESULT });

/**
 * The value the board's average-progress gauge shows: drawn as SVG, its number is the last text of
 * the chart (after the axis labels 0%…100% and the expected 70%).
 */
const gaugeValue = (page: Page) =>
  page.getByRole('region', { name: '关键结果平均进度' }).locator('svg text').last();

/** Monday of this week in China time, as YYYY-MM-DD (the week the check-in is for). */
function thisMonday(): string {
  const local = new Date(Date.now() + 8 * 3600_000);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

test('an employee checks in on a phone and their gap board follows', async ({ page }) => {
  await signIn(page, 'zhangsan');
  await page.getByRole('link', { name: '我的差距' }).tap();
  await expect(gapRow(page).getByRole('cell')).toHaveText([KEY_RESULT, '3.5', '2', '-1.5', '25%']);
  // His two key results are 25% along each; the average is 25%.
  await expect(gaugeValue(page)).toHaveText('25%');

  await page.goto('/');
  await page.getByRole('link', { name: '进展', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '进展', exact: true })).toBeVisible();
  const keyResult = page.getByRole('combobox', { name: '关键结果' });
  await keyResult.tap();
  // Typing narrows the member's ~900 visible key results on the server, by the key result's title.
  await keyResult.fill('返工率');
  await page.getByRole('option', { name: KEY_RESULT }).tap();
  // The person and the week start as "me" and this Monday (the form's initial values).
  await expect(page.getByRole('combobox', { name: '填报人' })).toHaveValue(/张三/);
  await expect(page.getByLabel('所属周（周一）')).toHaveValue(thisMonday());
  await page.getByRole('textbox', { name: '本周数值' }).fill('3');
  await page.getByRole('radio', { name: '高：按计划推进' }).tap();
  await page.getByLabel('下周计划').fill('扭矩扳手全部校准，首件检验加一道');
  await page.getByRole('button', { name: '提交' }).tap();
  await expect(page.getByRole('status').filter({ hasText: '已提交' })).toBeVisible();

  await page.goto('/');
  await page.getByRole('link', { name: '我的差距' }).tap();
  // The pack's workflow moves the key result after the submit (the board also refreshes when the
  // server announces that change); the server computed its progress: (3 − 4) / (2 − 4) = 50%.
  await expect(gapRow(page).getByRole('cell')).toHaveText([KEY_RESULT, '3', '2', '-1', '50%'], {
    timeout: 20_000,
  });
  await expect(gaugeValue(page)).toHaveText('37.5%');
  await gapRow(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '../../docs/screenshots/kr-check-in-phone.png', fullPage: true });
});
