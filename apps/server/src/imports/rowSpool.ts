import { SpoolFile } from './spoolFile.ts';

/**
 * An import's valid rows kept on disk between checking the file and writing them, one JSON line per
 * row, so a file of any length costs the same memory. Read back in batches; removed when done.
 */
export class RowSpool {
  private written = 0;

  private constructor(private readonly file: SpoolFile) {}

  /** A new, empty spool in its own temporary folder. */
  static async create(): Promise<RowSpool> {
    return new RowSpool(await SpoolFile.create('rows.ndjson'));
  }

  /** How many rows were added. */
  get size(): number {
    return this.written;
  }

  /** Adds a row, waiting while the disk catches up. */
  async add(row: Readonly<Record<string, unknown>>): Promise<void> {
    await this.file.write(`${JSON.stringify(row)}\n`);
    this.written++;
  }

  /** The rows in the order they were added, `size` at a time; call once, after the last `add`. */
  async *batches(size: number): AsyncGenerator<Record<string, unknown>[]> {
    // Read chunk by chunk (readline's async iterator would read ahead of a slow consumer).
    let batch: Record<string, unknown>[] = [];
    let rest = '';
    for await (const chunk of this.file.read()) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        batch.push(JSON.parse(line) as Record<string, unknown>);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Deletes the spool (whether or not it was read). */
  remove(): Promise<void> {
    return this.file.remove();
  }
}
