import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

test('HR finds the starter pack in the gallery and clones its objective form, keeping the lineage', async ({
  page,
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

  await page.getByRole('link', { name: '填报' }).click();
  const copy = page.getByRole('listitem').filter({ hasText: '复制自 objective' });
  await expect(copy).toContainText('草稿');
  await page.screenshot({ path: '../../docs/screenshots/clone-template.png', fullPage: true });
});
