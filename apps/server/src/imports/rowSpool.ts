import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An import's valid rows kept on disk between checking the file and writing them, one JSON line per
 * row, so a file of any length costs the same memory. Read back in batches; removed when done.
 */
export class RowSpool {
  private written = 0;
  // A write that failed (a full disk): the next `add` throws it; without a listener it would end the process.
  private failure: Error | undefined;

  private constructor(
    private readonly folder: string,
    private readonly file: string,
    private readonly out: WriteStream,
  ) {
    out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** A new, empty spool in its own temporary folder. */
  static async create(): Promise<RowSpool> {
    const folder = await mkdtemp(join(tmpdir(), 'formboard-import-'));
    const file = join(folder, 'rows.ndjson');
    return new RowSpool(folder, file, createWriteStream(file));
  }

  /** How many rows were added. */
  get size(): number {
    return this.written;
  }

  /** Adds a row, waiting while the disk catches up. */
  async add(row: Readonly<Record<string, unknown>>): Promise<void> {
    if (this.failure) throw this.failure;
    this.written++;
    if (!this.out.write(`${JSON.stringify(row)}\n`)) await once(this.out, 'drain');
  }

  /** The rows in the order they were added, `size` at a time; call once, after the last `add`. */
  async *batches(size: number): AsyncGenerator<Record<string, unknown>[]> {
    await this.close();
    if (this.failure) throw this.failure;
    // Read chunk by chunk (readline's async iterator would read ahead of a slow consumer).
    let batch: Record<string, unknown>[] = [];
    let rest = '';
    for await (const chunk of createReadStream(this.file, { encoding: 'utf8' })) {
      const lines = (rest + (chunk as string)).split('\n');
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
  async remove(): Promise<void> {
    await this.close();
    await rm(this.folder, { recursive: true, force: true });
  }

  private async close(): Promise<void> {
    if (this.out.closed) return;
    const closed = once(this.out, 'close');
    this.out.end();
    await closed.catch(() => undefined);
  }
}
