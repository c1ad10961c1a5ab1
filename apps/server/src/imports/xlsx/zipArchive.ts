import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** A zip archive's entries by name (read from its central directory by yauzl), and the open file. */
export interface ZipArchive {
  readonly entries: ReadonlyMap<string, Entry>;
  /** yauzl's handle: `close()` it when done (the file closes once every read stream has ended too). */
  readonly file: ZipFile;
}

/** The archive is not a zip this reader can read (its message says why, in English). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

// A workbook has a few dozen parts; a directory of more is not a spreadsheet (and costs memory to list).
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
// yauzl's message when the end-of-directory record is missing: the file is not a zip (or is cut short).
const NOT_A_ZIP = /^End of central directory record signature not found/;

/** Opens the file with yauzl, entries read one at a time (lazily) and the file kept open until closed. */
function openFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) => {
      if (error) reject(NOT_A_ZIP.test(error.message) ? new ZipFormatError('no zip directory found') : error);
      else resolve(file);
    }),
  );
}

/** Every entry of the central directory by name, within MAX_DIRECTORY_BYTES of directory records. */
function listEntries(file: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let directoryBytes = 0;
    file.on('error', reject);
    file.on('end', () => resolve(entries));
    file.on('entry', (entry: Entry) => {
      directoryBytes += 46 + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
      if (directoryBytes > MAX_DIRECTORY_BYTES)
        return reject(new ZipFormatError('the zip directory is larger than any workbook’s'));
      entries.set(entry.fileName, entry);
      file.readEntry();
    });
    file.readEntry();
  });
}

/** Reads a zip file's central directory (only that: no entry is inflated); ZIP64 included. */
export async function openZip(path: string): Promise<ZipArchive> {
  const file = await openFile(path);
  try {
    if (file.entryCount > MAX_ENTRIES)
      throw new ZipFormatError(`more than ${MAX_ENTRIES} files in the archive`);
    return { entries: await listEntries(file), file };
  } catch (error) {
    file.close();
    throw error;
  }
}

/** yauzl's stream of an entry's content, inflated (and checked against the entry's declared size). */
function openEntry(file: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    file.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/**
 * An entry's content, inflated as it is read and stopped with `tooBig()` as soon as it passes
 * `limit` bytes — what the entry claims to hold is never trusted, only what inflating it gives.
 */
export async function* entryContent(
  zip: ZipArchive,
  entry: Entry,
  limit: number,
  tooBig: () => Error,
): AsyncGenerator<Buffer> {
  if (entry.isEncrypted()) throw new ZipFormatError(`${entry.fileName} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new ZipFormatError(`${entry.fileName} uses compression method ${entry.compressionMethod}`);
  // An empty entry stored as "deflated" with no bytes at all: zlib would call that a truncated stream.
  if (entry.compressedSize === 0) return;
  const content = await openEntry(zip.file, entry);
  let bytes = 0;
  try {
    for await (const chunk of content as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw tooBig();
      yield chunk;
    }
  } finally {
    content.destroy();
  }
}
