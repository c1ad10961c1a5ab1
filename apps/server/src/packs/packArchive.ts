import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TemplatePackManifest } from '@formboard/schema';
import { ApiError } from '../http/ApiError.ts';
import { isPackFile, type PackFiles } from './packFiles.ts';

// A pack archive is gzip'd JSON: `{ format, files: { path: text } }`. Readable with any gunzip, no
// tar/zip library, and every file stays text (definitions, CSV, README).
const FORMAT = 'formboard-pack/1';
// What an archive may unpack to: far above any real pack, far below a zip bomb.
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A built archive: its file name, bytes and SHA-256 (hex). */
export interface PackArchive {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Packs a validated pack's files into one versioned archive with its checksum. */
export function buildPackArchive(files: PackFiles, manifest: TemplatePackManifest): PackArchive {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // mtime 0 keeps the bytes (and so the checksum) the same for the same files.
  const bytes = gzipSync(JSON.stringify({ format: FORMAT, files: sorted }), { level: 9 });
  const base = manifest.name.replace(/^@/, '').replace(/\//g, '-');
  return { fileName: `${base}-${manifest.version}.fbpack`, bytes, sha256: sha256Of(bytes) };
}

const unreadable = (zh: string, en: string) => new ApiError(400, 'badPackArchive', { 'zh-CN': zh, en });

/** Unpacks an archive; with `expectedSha256`, refuses one whose checksum differs (a damaged or altered file). */
export function readPackArchive(bytes: Buffer, expectedSha256?: string): PackFiles {
  if (expectedSha256 !== undefined && sha256Of(bytes) !== expectedSha256.trim().toLowerCase())
    throw unreadable(
      '模板包文件的校验和不一致：文件损坏或被改动',
      'the pack archive does not match its checksum: damaged or altered',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }).toString('utf8'));
  } catch (error) {
    throw unreadable(
      `无法读取模板包文件：${(error as Error).message}`,
      `cannot read the pack archive: ${(error as Error).message}`,
    );
  }
  const { format, files } = (parsed ?? {}) as { format?: unknown; files?: unknown };
  if (format !== FORMAT || typeof files !== 'object' || files === null)
    throw unreadable('这不是 Formboard 模板包文件', 'this is not a Formboard pack archive');
  const entries = Object.entries(files as Record<string, unknown>);
  const stray = entries.find(([path, text]) => !isPackFile(path) || typeof text !== 'string');
  if (stray)
    throw unreadable(
      `模板包中有不允许的文件：${stray[0]}`,
      `the archive holds a file a pack may not: ${stray[0]}`,
    );
  return new Map(entries as [string, string][]);
}
