import { createHash } from 'node:crypto';
import type { FieldInfo } from '@formboard/schema';
import type { SavedImportMapping, Store } from '@formboard/storage';
import { isHidden } from '../permissions/hiddenFields.ts';
import { autoMapColumns, type ColumnMapping, matchOpenColumns, normalizeHeader } from './columnMapping.ts';

/** Whether an import consults the form's saved mappings: apply the one that fits, or not this time. */
export type SavedMappingUse = 'apply' | 'ignore';

/** The saved mapping an import applied, as its report names it. */
export interface AppliedMapping {
  readonly signature: string;
  readonly headers: readonly string[];
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Saved for exactly this header row (else for a subset of its headers). */
  readonly exact: boolean;
}

/** The mapping an import uses, the saved one it applied, and how to remember the user's own. */
export interface MappingChoice {
  readonly mapping: ColumnMapping;
  readonly applied?: AppliedMapping;
  /** Saves the mapping used, when the user chose one that differs from what would be applied. */
  readonly remember?: () => Promise<void>;
}

// A column is known by its normalized header ("目标值 *" and "目标值" are one), numbered when it
// repeats, so two "备注" columns stay apart. Blank headers have no key: they cannot be matched by name.
function headerKeys(headers: readonly string[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const key = normalizeHeader(header);
    if (key === '') return undefined;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

/** A header row's signature: the hash of its keys in sorted order, so reordered columns still match. */
function headerSignature(headers: readonly string[]): string {
  const keys = headerKeys(headers)
    .filter((key) => key !== undefined)
    .sort();
  return createHash('sha256').update(JSON.stringify(keys)).digest('hex').slice(0, 32);
}

/**
 * The saved mapping that fits a header row: the one saved for exactly these headers, else the one
 * with the most headers all found in this row (a file that gained columns), the newest on a tie.
 */
function fittingMapping(
  saved: readonly SavedImportMapping[],
  headers: readonly string[],
): SavedImportMapping | undefined {
  const signature = headerSignature(headers);
  const exact = saved.find((mapping) => mapping.signature === signature);
  if (exact) return exact;
  const keys = new Set(headerKeys(headers));
  let best: SavedImportMapping | undefined;
  for (const mapping of saved) {
    const wanted = headerKeys(mapping.headers).filter((key) => key !== undefined);
    if (wanted.length === 0 || !wanted.every((key) => keys.has(key))) continue;
    // `saved` is newest first, so a later one must have strictly more headers to win.
    if (!best || mapping.headers.length > best.headers.length) best = mapping;
  }
  return best;
}

/**
 * What a saved mapping gives a file: each header it knows fills the field it filled then (nothing if
 * that field is gone or hidden from this importer); the file's other columns are matched by label.
 */
function applySaved(
  saved: SavedImportMapping,
  headers: readonly string[],
  fields: readonly FieldInfo[],
): ColumnMapping {
  const importable = new Set(fields.map((field) => field.path));
  const known = savedFields(saved);
  const keys = headerKeys(headers);
  const decided = keys.map((key) => {
    const field = key === undefined ? undefined : known.get(key);
    return field !== undefined && field !== null && importable.has(field) ? field : null;
  });
  const others = keys.flatMap((key, column) => (key !== undefined && known.has(key) ? [] : [column]));
  return matchOpenColumns(decided, headers, others, fields);
}

/** A saved mapping as header key → field. */
const savedFields = (saved: SavedImportMapping) =>
  new Map(
    headerKeys(saved.headers).flatMap((key, i) =>
      key === undefined ? [] : [[key, saved.fields[i] ?? null]],
    ),
  );

const sameMapping = (a: ColumnMapping, b: ColumnMapping, columns: number) =>
  Array.from({ length: columns }, (_, i) => (a[i] ?? null) === (b[i] ?? null)).every(Boolean);

/**
 * Chooses an import's mapping for its header row: the caller's own, else (unless told to ignore
 * them) the fitting saved mapping, else columns matched by label. A caller's own mapping that
 * differs from what would have been applied can be remembered for this header row after the import;
 * columns filled by fields hidden from this importer keep what was saved for them.
 */
export async function chooseMapping(
  store: Store,
  request: {
    formId: string;
    headers: readonly string[];
    /** The fields this importer may fill. */
    fields: readonly FieldInfo[];
    hidden: ReadonlySet<string>;
    mapping: ColumnMapping | undefined;
    use: SavedMappingUse;
    actor: string;
  },
): Promise<MappingChoice> {
  const { formId, headers, fields } = request;
  const saved = fittingMapping(await store.importMappings.list(formId), headers);
  const proposed = saved ? applySaved(saved, headers, fields) : autoMapColumns(headers, fields);
  const applied: AppliedMapping | undefined =
    saved && !request.mapping && request.use === 'apply'
      ? {
          signature: saved.signature,
          headers: saved.headers,
          updatedAt: saved.updatedAt,
          updatedBy: saved.updatedBy,
          exact: saved.signature === headerSignature(headers),
        }
      : undefined;
  const mapping = request.mapping ?? (request.use === 'apply' ? proposed : autoMapColumns(headers, fields));
  const own = request.mapping;
  if (!own || sameMapping(own, proposed, headers.length)) return { mapping, ...(applied ? { applied } : {}) };
  // The importer's choices, except that a column saved as filling a field hidden from them keeps it.
  const importable = new Set(fields.map((field) => field.path));
  const before = saved ? savedFields(saved) : new Map<string, string | null>();
  const keys = headerKeys(headers);
  const columns = headers.flatMap((header, i) => {
    const key = keys[i];
    if (key === undefined) return [];
    const previous = before.get(key);
    if (previous && isHidden(previous, request.hidden)) return [{ header, field: previous }];
    const field = own[i] ?? null;
    return [{ header, field: field !== null && importable.has(field) ? field : null }];
  });
  return {
    mapping,
    remember: async () => {
      await store.importMappings.save(
        {
          formId,
          signature: headerSignature(headers),
          headers: columns.map((c) => c.header),
          fields: columns.map((c) => c.field),
        },
        request.actor,
      );
    },
  };
}
