import { type FieldInfo, type FormDefinition, indexFields } from '@formboard/schema';

/** What was clicked on a board, as the records page receives it in its `where` URL parameter. */
export interface BoardSelection {
  /** Group values by field path ("" for an empty value); a time bucket's field holds its first day. */
  readonly values: Readonly<Record<string, string>>;
  readonly bucket?: { readonly field: string; readonly unit: 'day' | 'week' | 'month' | 'quarter' | 'year' };
  /** The widget query's own filter formula. */
  readonly filter?: string;
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The first day after a bucket that starts on `day` (YYYY-MM-DD), as DATE(y, m, d). */
function bucketEnd(day: string, unit: NonNullable<BoardSelection['bucket']>['unit']): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (unit === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else if (unit === 'week') date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
  return `DATE(${date.getUTCFullYear()}, ${date.getUTCMonth() + 1}, ${date.getUTCDate()})`;
}

const asDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `DATE(${y}, ${m}, ${d})`;
};

function condition(
  field: FieldInfo | undefined,
  path: string,
  value: string,
  selection: BoardSelection,
): string {
  if (value === '') return `ISBLANK(${path})`;
  if (selection.bucket?.field === path)
    return `${path} >= ${asDate(value)} AND ${path} < ${bucketEnd(value, selection.bucket.unit)}`;
  if (field?.kind === 'number' && Number.isFinite(Number(value))) return `${path} = ${Number(value)}`;
  if (field?.kind === 'boolean') return `${path} = ${value === 'true' ? 'TRUE' : 'FALSE'}`;
  return `${path} = ${quote(value)}`;
}

/**
 * The records behind a clicked bar, slice or row, as a filter formula over the form's fields: the
 * widget's own filter, each group value (numbers as numbers, a time bucket as its date range).
 * The board's date and people filters are not carried over (the server resolves those per board).
 */
export function selectionFormula(form: FormDefinition, selection: BoardSelection): string {
  const { fields } = indexFields(form.data as Parameters<typeof indexFields>[0]);
  const parts = Object.entries(selection.values).map(([path, value]) =>
    condition(fields.get(path), path, value, selection),
  );
  if (selection.filter) parts.unshift(`(${selection.filter})`);
  return parts.join(' AND ');
}
