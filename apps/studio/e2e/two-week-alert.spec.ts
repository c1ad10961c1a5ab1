import { expect, test } from '@playwright/test';
import { apiAs, signIn } from './support.ts';

// The starter pack's signature rule: a KPI worse than its baseline two weeks in a row alerts the
// direct supervisor, and the time they take to respond shows on the three-dimension board. The
// server runs on a test clock (`serve --demo --test-clock`, refused in production) that the journey
// moves week by week, far from the sample data's weeks.
const MONDAY_1 = '2030-01-07';
const MONDAY_2 = '2030-01-14';

test.afterAll(async ({ baseURL }) => {
  const admin = await apiAs(String(baseURL), 'admin');
  await admin.put('/api/test/clock', { now: null });
  await admin.dispose();
});

/** Moves the server's clock and runs a workflow tick at the new time (a fresh admin session each time: a jump ends older ones). */
async function clockAt(baseURL: string, iso: string) {
  const admin = await apiAs(baseURL, 'admin');
  expect((await admin.put('/api/test/clock', { now: iso })).status()).toBe(200);
  await admin.dispose();
  const adminNow = await apiAs(baseURL, 'admin');
  expect((await adminNow.post('/api/test/workflows/tick')).status()).toBe(200);
  await adminNow.dispose();
}

/** Zhang San's weekly first-pass yield (higher is better, baseline 82), as the quality system sends it. */
async function sendWeeklyValue(baseURL: string, kpiId: string, week: string, value: number) {
  const mes = await apiAs(baseURL, 'zhangsan');
  const data = {
    kpi: kpiId,
    kpiCode: 'QUA-01',
    owner: 'zhangsan',
    orgUnit: 'ou-line1',
    week,
    direction: 'higherIsBetter',
    baseline: 82,
    target: 95,
    value,
    achievement: Math.round((value / 95) * 10_000) / 10_000,
    baselineShortfall: Math.round(((82 - value) / 82) * 10_000) / 10_000,
    source: 'connector',
  };
  const sent = await mes.post('/api/forms/kpi-measurement/records', { data });
  expect(sent.status(), await sent.text()).toBe(201);
  await mes.dispose();
}

test('two weeks below baseline alert the supervisor, who acknowledges; the response time shows on the board', async ({
  page,
  baseURL,
}) => {
  const base = String(baseURL);
  const reader = await apiAs(base, 'admin');
  const filter = encodeURIComponent('code = "QUA-01"');
  const [yieldKpi] = (await (await reader.get(`/api/forms/kpi/records?filter=${filter}`)).json()).records;
  await reader.dispose();
  expect(yieldKpi?.data.baseline).toBe(82);

  await clockAt(base, `${MONDAY_1}T02:00:00Z`); // Monday 10:00 in Shanghai
  await sendWeeklyValue(base, yieldKpi.id, MONDAY_1, 78);
  await clockAt(base, `${MONDAY_2}T02:00:00Z`); // the first bad week is judged: one is not a streak
  await sendWeeklyValue(base, yieldKpi.id, MONDAY_2, 75);
  await clockAt(base, '2030-01-21T01:00:00Z'); // the second bad week is judged: the supervisor is alerted
  await clockAt(base, '2030-01-21T04:00:00Z'); // three hours later Wang Qiang opens his inbox

  await signIn(page, 'manager');
  await page.getByRole('link', { name: '待办' }).click();
  const alerts = page.getByRole('region', { name: '预警' });
  const alert = alerts
    .getByRole('listitem')
    .filter({ hasText: `操作工 张三 · 自 ${MONDAY_1} 起连续低于基线` });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: '知道了，去跟进' }).click();
  await expect(alert).toHaveCount(0);

  await page.goto('/boards/three-dimension');
  const responses = page.getByRole('region', { name: '预警与主管响应' });
  await expect(responses).toContainText('操作工 张三');
  await expect(responses).toContainText(/3\s*小时后响应/);
  await responses.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '../../docs/screenshots/two-week-alert.png' });
});
