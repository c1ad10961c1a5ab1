import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocalizedMessage } from '@formboard/formula';
import { spreadsheetSafe } from '@formboard/schema';
import Papa from 'papaparse';
import type { Locale } from '../http/locale.ts';
import { SpoolFile } from './spoolFile.ts';

const ROW_HEADER: LocalizedMessage = { 'zh-CN': '行号', en: 'Row' };
const ERROR_HEADER: LocalizedMessage = { 'zh-CN': '错误', en: 'Error' };

/**
 * The rows a `skipInvalid` commit rejected, as CSV — the row number, the row's cells as read, and
 * what is wrong — written to a temporary file as they are found, so a file with many bad rows costs
 * disk, not memory. Handed back by streaming it (`read`, `saveTo`); whoever holds it calls `remove`.
 */
export class RejectedRows {
  private rows = 0;

  private constructor(private readonly file: SpoolFile) {}

  /** An empty CSV with its header row: 行号/Row, the file's headers, 错误/Error. */
  static async create(headers: readonly string[], locale: Locale): Promise<RejectedRows> {
    const rejected = new RejectedRows(await SpoolFile.create('rejected.csv'));
    await rejected.file.write(Papa.unparse([[ROW_HEADER[locale], ...headers, ERROR_HEADER[locale]]]));
    return rejected;
  }

  /** Where the CSV is kept until `remove`. */
  get path(): string {
    return this.file.path;
  }

  /** How many rows were rejected. */
  get count(): number {
    return this.rows;
  }

  /** Adds a rejected row; its cells are neutralised against spreadsheet formulas. */
  async add(row: number, cells: readonly string[], reason: string): Promise<void> {
    this.rows++;
    await this.file.write(`\r\n${Papa.unparse([[String(row), ...cells, reason].map(spreadsheetSafe)])}`);
  }

  /** The CSV's text, chunk by chunk. */
  read(): AsyncGenerator<string> {
    return this.file.read();
  }

  /** Copies the CSV to `path`, with a UTF-8 BOM so Excel reads its Chinese text. */
  async saveTo(path: string): Promise<void> {
    const file = this.file;
    async function* withBom() {
      yield '\uFEFF';
      yield* file.read();
    }
    await pipeline(Readable.from(withBom()), createWriteStream(path));
  }

  /** Deletes the temporary file. */
  remove(): Promise<void> {
    return this.file.remove();
  }
}
