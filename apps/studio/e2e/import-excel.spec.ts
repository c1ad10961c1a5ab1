import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './support.ts';

/** Writes a workbook of weekly check-ins the way HR would type it, and returns its path. */
async function workbook(rows: readonly (readonly [string, number, string])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('进展');
  sheet.addRow(['周', '目标完成度（%）', '说明']);
  for (const row of rows) sheet.addRow([...row]);
  const file = join(mkdtempSync(join(tmpdir(), 'import-')), '周进展.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

test('HR imports an Excel file: the bad row is named, the fixed file imports, the board shows it', async ({
  page,
}) => {
  await signIn(page, 'hr');
  await page.goto('/forms/weekly-checkin/import');
  await expect(page.getByRole('heading', { name: '每周进展 · 导入' })).toBeVisible();

  const chooser = page.getByLabel('选择 Excel（.xlsx）或 CSV 文件');
  await chooser.setInputFiles(
    await workbook([
      ['2026-10-05', 35, '新线投产'],
      ['2026-10-12', 150, '多填了一个零'],
      ['2026-10-19', 45, '爬坡中'],
    ]),
  );
  await page.getByRole('button', { name: '检查文件（不写入）' }).click();
  await expect(page.getByText('共 3 行：2 行可以导入，1 行有问题')).toBeVisible();
  const problem = page.locator('.import-issues tbody tr');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('td').nth(0)).toHaveText('3'); // the spreadsheet row, header included
  await expect(problem.locator('td').nth(1)).toHaveText('目标完成度（%）');
  await expect(page.getByRole('button', { name: '导入 2 行' })).toBeDisabled();

  await chooser.setInputFiles(
    await workbook([
      ['2026-10-05', 35, '新线投产'],
      ['2026-10-12', 15, '改正后'],
      ['2026-10-19', 45, '爬坡中'],
    ]),
  );
  await page.getByRole('button', { name: '检查文件（不写入）' }).click();
  await expect(page.getByText('共 3 行，全部可以导入')).toBeVisible();
  await page.getByRole('button', { name: '导入 3 行' }).click();
  await expect(page.getByText('已导入 3 行。')).toBeVisible();

  await page.goto('/boards/weekly-progress');
  const weeks = page.getByRole('region', { name: '按周汇总' });
  await expect(weeks.getByRole('row').filter({ hasText: '2026' })).toHaveCount(3);
  await page.screenshot({ path: '../../docs/screenshots/import-excel-board.png', fullPage: true });
});

/** Writes a workbook with the given header row and rows, and returns its path. */
async function sheetWith(headers: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ERP');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  const file = join(mkdtempSync(join(tmpdir(), 'import-')), 'erp.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

test('HR maps an ERP file’s columns once; the next file with those headers is mapped the same way', async ({
  page,
}) => {
  const headers = ['日期', '完成率', '备注'];
  await signIn(page, 'hr');
  await page.goto('/forms/weekly-checkin/import');
  const chooser = page.getByLabel('选择 Excel（.xlsx）或 CSV 文件');
  await chooser.setInputFiles(await sheetWith(headers, [['2025-03-03', 20, 'ERP 第一批']]));
  await page.getByRole('button', { name: '检查文件（不写入）' }).click();
  await expect(page.getByText('没有列对应这些必填字段')).toBeVisible();
  await page.getByLabel('“日期”填入').selectOption({ label: '周' });
  await page.getByLabel('“完成率”填入').selectOption({ label: '目标完成度（%）' });
  await page.getByLabel('“备注”填入').selectOption({ label: '说明' });
  await page.getByRole('button', { name: '按此对应重新检查' }).click();
  await expect(page.getByText('共 1 行，全部可以导入')).toBeVisible();
  await page.getByRole('button', { name: '导入 1 行' }).click();
  await expect(page.getByText('列对应已保存，下次导入同样表头的文件时自动套用。')).toBeVisible();

  await chooser.setInputFiles(await sheetWith(headers, [['2025-03-10', 30, 'ERP 第二批']]));
  await page.getByRole('button', { name: '检查文件（不写入）' }).click();
  await expect(page.getByText('已套用保存的列对应：hr 于')).toBeVisible();
  await expect(page.getByText('共 1 行，全部可以导入')).toBeVisible();
  await page.getByRole('button', { name: '这次不套用，按列名对应' }).click();
  await expect(page.getByText('没有列对应这些必填字段')).toBeVisible();
  await expect(page.getByText('已套用保存的列对应')).toHaveCount(0);
});
