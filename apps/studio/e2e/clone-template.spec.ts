import { expect, test } from '@playwright/test';
import { apiAs, signIn } from './support.ts';

test('HR finds the starter pack in the gallery and clones its objective form, keeping the lineage', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'hr');
  await page.getByRole('link', { name: '模板库' }).click();
  const starter = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '绩效管理' }) });
  await expect(starter).toContainText('已安装');
  await expect(starter.getByRole('button', { name: '卸载（记录保留）' })).toBeVisible();

  await page.getByRole('link', { name: '填报' }).click();
  const objective = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: '目标', exact: true }) });
  await objective.getByRole('button', { name: '复制' }).click();
  await objective.getByLabel(/新表单的标识/).fill('okr-objective');
  await objective.getByRole('button', { name: '复制' }).click();
  await expect(page).toHaveURL(/\/definitions\/okr-objective\/history$/);
  await expect(page.getByRole('heading', { name: /第 1 版/ })).toBeVisible();
  const upstream = page.getByRole('region', { name: '与来源模板比较' });
  await expect(upstream).toContainText('副本还和复制时的模板一样');
  await expect(upstream).toContainText('复制之后模板没有变化');

  // The consultant later improves the template; HR's copy shows what changed upstream since.
  const consultant = await apiAs(String(baseURL), 'admin');
  const template = await (await consultant.get('/api/definitions/objective')).json();
  const description = {
    'zh-CN': '每个周期的目标，对齐上级目标（2.0 版说明）',
    en: 'Objectives of a cycle (v2 notes)',
  };
  const saved = await consultant.put('/api/definitions/objective', {
    definition: { ...template.version.content, description },
    baseVersion: template.info.headVersion,
  });
  expect(saved.status()).toBe(200);
  await consultant.dispose();
  await page.reload();
  await expect(upstream.getByRole('listitem').first()).toBeVisible();
  await expect(upstream).not.toContainText('复制之后模板没有变化');

  await page.getByRole('link', { name: '填报' }).click();
  const copy = page.getByRole('listitem').filter({ hasText: '复制自 objective' });
  await expect(copy).toContainText('草稿');
  await page.screenshot({ path: '../../docs/screenshots/clone-template.png', fullPage: true });
});
