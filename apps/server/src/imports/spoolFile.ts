import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary file an import writes text to as it goes (its valid rows, its rejected rows), so what
 * it keeps costs disk, not memory. It lives in a folder of its own, deleted by `remove`.
 */
export class SpoolFile {
  // A write that failed (a full disk): the next `write` throws it; without a listener it would end the process.
  private failure: Error | undefined;

  private constructor(
    private readonly folder: string,
    /** The file's path (read it only after `close`). */
    readonly path: string,
    private readonly out: WriteStream,
  ) {
    out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** A new, empty file named `name` in a new temporary folder. */
  static async create(name: string): Promise<SpoolFile> {
    const folder = await mkdtemp(join(tmpdir(), 'formboard-import-'));
    const path = join(folder, name);
    return new SpoolFile(folder, path, createWriteStream(path));
  }

  /** Appends text, waiting while the disk catches up. */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  /** Finishes writing; throws what a write failed with. */
  async close(): Promise<void> {
    if (!this.out.closed) {
      const closed = once(this.out, 'close');
      this.out.end();
      await closed.catch(() => undefined);
    }
    if (this.failure) throw this.failure;
  }

  /** The file's text, chunk by chunk (whole characters), after closing it. */
  async *read(): AsyncGenerator<string> {
    await this.close();
    for await (const chunk of createReadStream(this.path, { encoding: 'utf8' })) yield chunk as string;
  }

  /** Deletes the file and its folder (whether or not it was read). */
  async remove(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }
}
