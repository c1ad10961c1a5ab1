import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../http/ApiError.ts';
import type { TableRow } from '../readTable.ts';
import { sharedStrings } from './sharedStrings.ts';
import { sheetRows } from './sheetRows.ts';
import { workbookParts } from './workbookParts.ts';
import { badSpreadsheet, MAX_SHEET_BYTES } from './xlsxLimits.ts';
import { openZip, type ZipArchive } from './zipArchive.ts';

/**
 * The first worksheet's rows of an uploaded .xlsx, streamed. The upload is kept in a temporary file
 * (a zip is read from its directory at the end) that is removed when reading ends, however it ends;
 * the parts read — the sheet list, the shared strings, the first sheet — are inflated on the fly
 * within their budgets, never to disk, and no other sheet is inflated at all. (`sheetBytes` is the
 * sheet's budget; tests pass a small one.)
 */
export async function* xlsxRows(bytes: Readable, sheetBytes = MAX_SHEET_BYTES): AsyncGenerator<TableRow> {
  const folder = await mkdtemp(join(tmpdir(), 'formboard-xlsx-'));
  let zip: ZipArchive | undefined;
  try {
    const file = join(folder, 'upload.xlsx');
    await pipeline(bytes, createWriteStream(file));
    zip = await openZip(file);
    const parts = await workbookParts(zip);
    const shared = await sharedStrings(zip, parts.sharedStringsPart);
    yield* sheetRows(zip, parts.sheetPart, parts.sheetName, shared, sheetBytes);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badSpreadsheet((error as Error).message);
  } finally {
    zip?.file.close();
    await rm(folder, { recursive: true, force: true });
  }
}
