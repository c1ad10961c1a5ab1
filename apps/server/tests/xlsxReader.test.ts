import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/http/ApiError.ts';
import type { TableRow } from '../src/imports/readTable.ts';
import { MAX_XML_RUN } from '../src/imports/xlsx/xlsxLimits.ts';
import { xlsxRows } from '../src/imports/xlsx/xlsxRows.ts';
import { part, sheetPart, workbookFrame, xlsxBomb, zip } from './support/craftedXlsx.ts';

const MB = 1024 * 1024;

async function read(bytes: Buffer, sheetBytes?: number): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of xlsxRows(Readable.from([bytes]), sheetBytes)) rows.push(row);
  return rows;
}

async function refusal(bytes: Buffer, sheetBytes?: number): Promise<{ error: ApiError; rows: number }> {
  let rows = 0;
  try {
    for await (const _ of xlsxRows(Readable.from([bytes]), sheetBytes)) rows++;
  } catch (error) {
    if (error instanceof ApiError) return { error, rows };
    throw error;
  }
  throw new Error('the workbook was read without refusal');
}

describe('the XLSX reader', () => {
  it('reads what Excel writes: shared and inline strings, numbers, dates as serials, booleans, formulas, gaps', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('周报');
    sheet.addRow(['week', 'n', 'b', 'f', 'rich', 'err']);
    sheet.addRow([
      new Date(Date.UTC(2026, 11, 7)),
      0.1 + 0.2,
      true,
      { formula: 'B2*2', result: 0.6 },
      { richText: [{ text: '富' }, { text: '文本' }] },
      { error: '#N/A' },
    ]);
    sheet.addRow([]);
    sheet.getCell('A4').value = '隔行';
    sheet.getCell('D4').value = 5;
    const rows = await read(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['week', 'n', 'b', 'f', 'rich', 'err'] },
      { row: 2, cells: ['46363', '0.30000000000000004', 'true', '0.6', '富文本', ''] },
      { row: 4, cells: ['隔行', '', '', '5'] },
    ]);
  });

  it('reads the first tab, whatever order the parts are stored in, and leaves phonetic guides out', async () => {
    const bytes = zip([
      ...workbookFrame(
        [
          { name: '汇总', file: 'sheet2.xml' },
          { name: '明细', file: 'sheet1.xml' },
        ],
        true,
      ),
      sheetPart('sheet1.xml', '<row r="1"><c r="A1" t="inlineStr"><is><t>明细</t></is></c></row>'),
      sheetPart(
        'sheet2.xml',
        '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3"><v>1E-3</v></c><c r="D3" t="inlineStr"><is><r><t>漢字</t></r><rPh><t>かんじ</t></rPh></is></c></row>',
      ),
      part(
        'xl/sharedStrings.xml',
        '<sst><si><t>零</t></si><si><r><t xml:space="preserve">一 </t></r><r><t>二</t></r><rPh><t>いち</t></rPh></si></sst>',
      ),
    ]);
    expect(await read(bytes)).toEqual([{ row: 3, cells: ['', '一 二', '0.001', '漢字'] }]);
  });

  it('refuses a sheet that inflates to gigabytes once it passes its budget, naming the sheet and the limit', async () => {
    const bomb = xlsxBomb('周报', 2 * 1024 * MB);
    expect(bomb.length).toBeLessThan(8 * MB);
    const { error, rows } = await refusal(bomb, 16 * MB);
    expect(error.statusCode).toBe(413);
    expect(error.details).toEqual({ sheet: '周报', limitBytes: 16 * MB });
    expect(error.messages['zh-CN']).toContain('工作表“周报”解压后超过 16 MB 上限');
    expect(error.messages.en).toContain('the worksheet "周报" inflates to more than 16 MB');
    // Rows stream until the budget: the sheet's 16 MB hold about 320,000 of them, not the 40 million.
    expect(rows).toBeGreaterThan(100_000);
    expect(rows).toBeLessThan(400_000);
  });

  it('refuses one XML text run longer than any workbook has, before the parser gathers it', async () => {
    // Counted per inflated chunk (16 KB), so a run is caught within a chunk of the limit.
    const long = 'x'.repeat(MAX_XML_RUN + 100_000);
    const bytes = zip([
      ...workbookFrame([{ name: 'S', file: 'sheet1.xml' }]),
      sheetPart('sheet1.xml', `<row><c t="inlineStr"><is><t>${long}</t></is></c></row>`),
    ]);
    const { error } = await refusal(bytes);
    expect(error).toMatchObject({ statusCode: 400, code: 'badSpreadsheet' });
    expect(error.messages.en).toMatch(/longer than 1000000 characters/);
  });

  it('refuses columns past Excel’s last one, and what is not a workbook', async () => {
    const wide = zip([
      ...workbookFrame([{ name: 'S', file: 'sheet1.xml' }]),
      sheetPart('sheet1.xml', '<row r="7"><c r="ZZZZ7"><v>1</v></c></row>'),
    ]);
    expect((await refusal(wide)).error).toMatchObject({ code: 'badSpreadsheet', details: { row: 7 } });
    const notZip = await refusal(Buffer.from('week,progress\n'));
    expect(notZip.error).toMatchObject({ statusCode: 400, code: 'badSpreadsheet' });
    expect(notZip.error.messages.en).toMatch(/no zip directory/);
    const noSheet = await refusal(zip(workbookFrame([])));
    expect(noSheet.error.messages.en).toMatch(/no worksheet/);
  });
});
