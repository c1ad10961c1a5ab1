import type { FieldInfo } from '@formboard/schema';
import { type ColumnMapping, matchOpenColumns, normalizeHeader } from './columnMapping.ts';

/**
 * A mapping written by a person, by column header: `{ "工号": null, "完成率": "progress" }`. A header
 * not named is matched by label as usual; `null` leaves the column out. Headers compare as the
 * automatic match does ("目标值 *" names the column "目标值").
 */
export type HeaderMapping = Readonly<Record<string, string | null>>;

/** A header mapping resolved against a file, or what in it does not fit the file and the form. */
export type ResolvedHeaderMapping =
  | { readonly mapping: ColumnMapping }
  | { readonly unknownHeaders: readonly string[]; readonly unknownFields: readonly string[] };

/**
 * Which field each column fills under a header mapping: the columns it names fill the field it names
 * (or nothing), the rest are matched by label among the fields left. Names of headers the file does
 * not have, and of fields the importer cannot fill, come back instead of a mapping.
 */
export function resolveHeaderMapping(
  headers: readonly string[],
  byHeader: HeaderMapping,
  fields: readonly FieldInfo[],
): ResolvedHeaderMapping {
  const importable = new Set(fields.map((field) => field.path));
  const named = new Map(Object.entries(byHeader).map(([header, field]) => [normalizeHeader(header), field]));
  const present = new Set(headers.map(normalizeHeader));
  const unknownHeaders = Object.keys(byHeader).filter((header) => !present.has(normalizeHeader(header)));
  const unknownFields = Object.values(byHeader).filter(
    (field): field is string => field !== null && !importable.has(field),
  );
  if (unknownHeaders.length > 0 || unknownFields.length > 0) return { unknownHeaders, unknownFields };
  const decided = headers.map((header) => named.get(normalizeHeader(header)) ?? null);
  const open = headers.flatMap((header, column) => (named.has(normalizeHeader(header)) ? [] : [column]));
  return { mapping: matchOpenColumns(decided, headers, open, fields) };
}
