import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from './support.ts';

/** A first-time admin's own sheet: a month of daily output for three lines. */
async function outputSheet(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('产量');
  sheet.addRow(['日期', '产线', '产量', '合格率']);
  const lines = ['一线', '二线', '三线'];
  for (let day = 1; day <= 30; day++)
    for (const [index, line] of lines.entries())
      sheet.addRow([
        `2026-11-${String(day).padStart(2, '0')}`,
        line,
        90 + ((day * 7 + index * 13) % 40),
        0.9 + (day % 5) / 100,
      ]);
  const file = join(mkdtempSync(join(tmpdir(), 'first-board-')), '11月产量.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** Counts what a person does: clicks (choosing a file is two: open the picker, pick) and keystrokes. */
class Person {
  clicks = 0;
  keystrokes = 0;
  async click(target: Locator) {
    this.clicks++;
    await target.click();
  }
  async type(target: Locator, text: string) {
    this.clicks++; // into the field
    this.keystrokes += [...text].length;
    await target.fill(text);
  }
  async chooseFile(target: Locator, file: string) {
    this.clicks += 2;
    await target.setInputFiles(file);
  }
}

// Keystroke-level model (Card, Moran & Newell): ~1.1 s to point and click, ~0.28 s per keystroke for an
// average typist, ~1.35 s to decide before each step. A person's time, estimated from what they did.
const personSeconds = (p: Person) => p.clicks * (1.1 + 1.35) + p.keystrokes * 0.28;

test('time to first board: from the sign-in page to a live board of an imported Excel sheet', async ({
  page,
}) => {
  const file = await outputSheet();
  const person = new Person();
  const started = Date.now();
  await page.goto('/');
  await signInAsAdmin(page, person);
  await person.click(page.getByRole('link', { name: '填报' }));
  await person.click(page.getByRole('link', { name: '从 Excel 新建表单' }));
  await person.type(page.getByLabel('表单名称'), '产量日报');
  await person.chooseFile(page.getByLabel(/选择 Excel/), file);
  await person.click(page.getByRole('button', { name: '识别字段' }));
  await expect(page.getByText('产线 — 选项（3 个）')).toBeVisible();
  await person.click(page.getByRole('button', { name: '创建表单并导入数据' }));
  await expect(page.getByText('已导入 90 行。')).toBeVisible();
  await person.click(page.getByRole('button', { name: '生成看板' }));
  const records = page.getByRole('region', { name: '记录数' });
  await expect(records).toContainText('90');
  await expect(page.getByRole('region', { name: '产线汇总' }).getByRole('row')).toHaveCount(4);
  const seconds = (Date.now() - started) / 1000;
  await page.screenshot({ path: '../../docs/screenshots/first-board.png', fullPage: true });

  console.log(
    `time to first board: ${person.clicks} clicks, ${person.keystrokes} keystrokes, ` +
      `${seconds.toFixed(1)} s scripted, ~${Math.round(personSeconds(person))} s for a person (keystroke-level model)`,
  );
  expect(person.clicks).toBeLessThanOrEqual(20);
});

async function signInAsAdmin(page: Page, person: Person) {
  await person.type(page.getByLabel('账号或邮箱'), 'admin');
  await person.type(page.getByLabel('密码'), DEMO_PASSWORD);
  await person.click(page.getByRole('button', { name: '登录' }));
}
