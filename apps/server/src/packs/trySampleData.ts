import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalizedMessage } from '@formboard/formula';
import { describeConflict, openStore, UniqueConstraintError } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { recordDeriver } from '../records/recordDeriver.ts';
import { installPack } from './installPack.ts';
import { loadSampleData } from './loadSampleData.ts';
import type { PackProblem, ValidPack } from './validatePack.ts';

// The user the trial install writes as; the throwaway database is gone afterwards.
const AUTHOR = 'admin';

interface SampleIssue {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: LocalizedMessage;
}

const where = (row: number | undefined, column: string | undefined) =>
  row === undefined ? '' : `row ${row}${column ? ` ${column}` : ''}`;

/**
 * Installs a valid pack with its sample data into a throwaway SQLite database, exactly as `pack install
 * --sample-data` would (rows converted and validated like an import, references and uniqueness
 * checked by the store), and returns what stopped it: each bad row's file, row, column and problem.
 * Checking by the real load means a pack that passes here installs.
 */
export async function trySampleData(pack: ValidPack): Promise<PackProblem[]> {
  if ((pack.manifest.sampleData ?? []).length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'formboard-pack-check-'));
  const store = await openStore({ database: join(dir, 'trial.db'), recordDeriver });
  try {
    await installPack(store, pack, AUTHOR);
    await loadSampleData(store, pack, AUTHOR);
    return [];
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      const files = new Map((pack.manifest.sampleData ?? []).map((sample) => [sample.form, sample.file]));
      return error.conflicts.map((conflict) => ({
        file: files.get(conflict.formId) ?? conflict.formId,
        pointer: where(conflict.row, undefined),
        message: describeConflict(conflict),
      }));
    }
    if (!(error instanceof ApiError)) throw error;
    const issues = Array.isArray(error.details) ? (error.details as SampleIssue[]) : [];
    if (issues.length === 0) return [{ file: 'data', pointer: '', message: error.messages }];
    return issues.map((issue) => ({
      file: issue.file ?? 'data',
      pointer: where(issue.row, issue.column),
      message: issue.message,
    }));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
