import type { Dialect } from '../dialect/Dialect.ts';
import { formLayout } from '../layout/formLayouts.ts';
import type { CompiledForms } from '../records/CompiledForms.ts';
import type { UniqueConflict } from './UniqueConstraintError.ts';
import { findUniqueConflicts, formUniques } from './uniqueCheck.ts';

/**
 * The uniqueness constraints of published forms, for callers that check before they write (an
 * import's dry run): writes check them themselves, and the database's unique indexes hold them.
 */
export class UniqueKeys {
  constructor(
    private readonly db: Dialect,
    private readonly forms: CompiledForms,
  ) {}

  /**
   * Which of `rows` (values as they would be written, row 1 first) would break a uniqueness
   * constraint of the form's published version: each with the live record holding its values, or the
   * earlier row holding them. Reads one snapshot; writes nothing. None for a form without constraints.
   */
  async conflicts(
    formId: string,
    rows: readonly Readonly<Record<string, unknown>>[],
  ): Promise<UniqueConflict[]> {
    if (rows.length === 0) return [];
    return this.db.snapshot(async (tx) => {
      const form = await formUniques(tx, this.forms, await formLayout(tx, formId));
      if (!form) return [];
      return findUniqueConflicts(
        tx,
        form,
        rows.map((data, i) => ({ id: '', data, row: i + 1 })),
      );
    });
  }
}
