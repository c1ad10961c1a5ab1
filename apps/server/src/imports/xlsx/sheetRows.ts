import type { TableRow } from '../readTable.ts';
import {
  MAX_CELL_CHARACTERS,
  MAX_COLUMNS,
  MAX_ROW_CHARACTERS,
  rowTooBig,
  sheetTooBig,
} from './xlsxLimits.ts';
import type { XmlEvent } from './xmlEvents.ts';
import { xmlEvents } from './xmlEvents.ts';
import { entryContent, type ZipArchive } from './zipArchive.ts';

/** The 0-based column of a cell reference such as "B7" or "AA12"; undefined without letters. */
function columnOf(reference: string): number | undefined {
  const letters = /^[A-Z]+/i.exec(reference)?.[0];
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column - 1;
}

/** A cell's text, by its type: shared string, inline string, boolean, error, or the value as written. */
function cellText(
  type: string | undefined,
  value: string,
  inline: string,
  shared: readonly string[],
): string {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'b':
      return value === '1' ? 'true' : 'false';
    case 'e':
      return '';
    case 'str':
    case 'd':
      return value;
    default: {
      // Numbers as JavaScript writes them (1E-3 → 0.001); a date is its serial number, as Excel keeps it.
      const number = Number(value);
      return value.trim() === '' || Number.isNaN(number) ? value : String(number);
    }
  }
}

/** One row being read: its number, its cells so far, and the cell being read. */
class RowReader {
  readonly cells: string[] = [];
  private characters = 0;
  private next = 0;
  private cell: { column: number; type: string | undefined; value: string[]; inline: string[] } | undefined;
  private into: 'value' | 'inline' | undefined;
  private phonetic = 0;

  constructor(readonly number: number) {}

  /** Follows one event inside the row. */
  take(event: XmlEvent, shared: readonly string[]): void {
    if (event.type === 'text') {
      if (!this.cell || !this.into || this.phonetic > 0) return;
      this.characters += event.text.length;
      if (this.characters > MAX_ROW_CHARACTERS) throw rowTooBig(this.number);
      (this.into === 'value' ? this.cell.value : this.cell.inline).push(event.text);
    } else if (event.name === 'c') {
      if (event.type === 'open') {
        const column = columnOf(event.attributes.r ?? '') ?? this.next;
        if (column >= MAX_COLUMNS) throw rowTooBig(this.number);
        this.cell = { column, type: event.attributes.t, value: [], inline: [] };
      } else if (this.cell) {
        const { column, type, value, inline } = this.cell;
        const text = cellText(type, value.join(''), inline.join(''), shared);
        if (text.length > MAX_CELL_CHARACTERS) throw rowTooBig(this.number);
        while (this.cells.length < column) this.cells.push('');
        this.cells[column] = text;
        this.next = column + 1;
        this.cell = undefined;
      }
    } else if (event.name === 'rPh') this.phonetic += event.type === 'open' ? 1 : -1;
    else if (event.name === 'v') this.into = event.type === 'open' ? 'value' : undefined;
    else if (event.name === 't' && this.cell?.type === 'inlineStr')
      this.into = event.type === 'open' ? 'inline' : undefined;
  }
}

/** A worksheet's rows with any text, streamed as the part inflates, within `limitBytes` of XML. */
export async function* sheetRows(
  zip: ZipArchive,
  part: string,
  sheetName: string,
  shared: readonly string[],
  limitBytes: number,
): AsyncGenerator<TableRow> {
  const entry = zip.entries.get(part);
  if (!entry) return;
  let row: RowReader | undefined;
  let previous = 0;
  for await (const batch of xmlEvents(
    entryContent(zip, entry, limitBytes, () => sheetTooBig(sheetName, limitBytes)),
  )) {
    const done: TableRow[] = [];
    for (const event of batch) {
      if (event.type !== 'text' && event.name === 'row') {
        if (event.type === 'open') {
          const number = Number(event.attributes.r);
          row = new RowReader(Number.isInteger(number) && number > 0 ? number : previous + 1);
        } else if (row) {
          previous = row.number;
          if (row.cells.some((cell) => cell.trim() !== '')) done.push({ row: row.number, cells: row.cells });
          row = undefined;
        }
      } else row?.take(event, shared);
    }
    yield* done;
  }
}
