import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';

/** A saved column mapping of a form: which field each header of a file's header row filled. */
export interface SavedImportMapping {
  readonly formId: string;
  /** Identifies the header row it was saved for (computed by the caller, e.g. a hash of the headers). */
  readonly signature: string;
  /** The header row's cells, as the file had them. */
  readonly headers: readonly string[];
  /** The field each header filled, in the same order; null = not imported. */
  readonly fields: readonly (string | null)[];
  readonly updatedAt: string;
  readonly updatedBy: string;
}

type MappingRow = {
  form_id: string;
  signature: string;
  headers: string;
  fields: string;
  updated_at: string;
  updated_by: string;
};

const toMapping = (row: MappingRow): SavedImportMapping => ({
  formId: row.form_id,
  signature: row.signature,
  headers: JSON.parse(row.headers) as string[],
  fields: JSON.parse(row.fields) as (string | null)[],
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

/** How many mappings a form keeps; saving one more forgets the least recently saved. */
export const MAX_MAPPINGS_PER_FORM = 50;

/** Saved import column mappings, per form and header row; saves and removals are audited. */
export class ImportMappingStore {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** A form's saved mappings, most recently saved first. */
  async list(formId: string): Promise<SavedImportMapping[]> {
    const rows = await this.db.query<MappingRow>(
      'SELECT * FROM import_mappings WHERE form_id = ? ORDER BY updated_at DESC, signature',
      [formId],
    );
    return rows.map(toMapping);
  }

  /** Saves (or replaces) the mapping of one header row, keeping the form's newest MAX_MAPPINGS_PER_FORM. */
  async save(
    mapping: Pick<SavedImportMapping, 'formId' | 'signature' | 'headers' | 'fields'>,
    actor: string,
  ): Promise<SavedImportMapping> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      await tx.run(
        `INSERT INTO import_mappings (form_id, signature, headers, fields, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (form_id, signature) DO UPDATE SET headers = excluded.headers,
           fields = excluded.fields, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [
          mapping.formId,
          mapping.signature,
          JSON.stringify(mapping.headers),
          JSON.stringify(mapping.fields),
          at,
          actor,
        ],
      );
      await tx.run(
        `DELETE FROM import_mappings WHERE form_id = ? AND signature NOT IN (
           SELECT signature FROM import_mappings WHERE form_id = ? ORDER BY updated_at DESC, signature LIMIT ?)`,
        [mapping.formId, mapping.formId, MAX_MAPPINGS_PER_FORM],
      );
      await appendAudit(
        tx,
        {
          actor,
          action: 'importMapping.save',
          entityType: 'form',
          entityId: mapping.formId,
          summary: { signature: mapping.signature, headers: mapping.headers, fields: mapping.fields },
        },
        at,
      );
      return { ...mapping, updatedAt: at, updatedBy: actor };
    });
  }

  /** Forgets a saved mapping; false when there was none. */
  async remove(formId: string, signature: string, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = await tx.run('DELETE FROM import_mappings WHERE form_id = ? AND signature = ?', [
        formId,
        signature,
      ]);
      if (removed.changes === 0) return false;
      const at = this.now();
      await appendAudit(
        tx,
        {
          actor,
          action: 'importMapping.remove',
          entityType: 'form',
          entityId: formId,
          summary: { signature },
        },
        at,
      );
      return true;
    });
  }
}
