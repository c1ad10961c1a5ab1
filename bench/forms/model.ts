/**
 * The logical form every library renders: N fields in sections of 20 (a mix of text, number with
 * min/max, select, date and checkbox; every tenth text and every tenth number required), then one
 * repeating table of 50 rows × 3 columns. The format writers in formats/ turn it into each library's
 * own schema; data.ts gives the valid and the 10%-invalid values.
 */

export type FieldType = 'text' | 'number' | 'select' | 'date' | 'checkbox';

export interface LogicalField {
  /** Data key: f0001… for section fields; name, qty, due for table columns. */
  readonly key: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface LogicalSection {
  /** s001…: a layout id only; the data stays flat (except for rjsf, see formats/jsonSchema.ts). */
  readonly id: string;
  readonly title: string;
  readonly fields: readonly LogicalField[];
}

export interface LogicalTable {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly LogicalField[];
  readonly rows: number;
}

export interface LogicalForm {
  /** N: the number of fields in sections (the table's cells come on top). */
  readonly size: number;
  readonly sections: readonly LogicalSection[];
  readonly table: LogicalTable;
  /** The field typed into: a required text field in the middle of the form. */
  readonly middle: LogicalField;
  readonly middleSection: string;
}

export const SIZES = [100, 500, 2000] as const;
export type Size = (typeof SIZES)[number];

export const SECTION_SIZE = 20;
export const TABLE_ROWS = 50;
export const TEXT_MAX_LENGTH = 40;
export const NUMBER_MIN = 0;
export const NUMBER_MAX = 100;
export const QTY_MAX = 1000;

/** Choices of every select: values and labels. */
export const OPTIONS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'alpha', label: 'Alpha' },
  { value: 'beta', label: 'Beta' },
  { value: 'gamma', label: 'Gamma' },
  { value: 'delta', label: 'Delta' },
  { value: 'epsilon', label: 'Epsilon' },
];

const TYPES: readonly FieldType[] = ['text', 'number', 'select', 'date', 'checkbox'];

export function fieldKey(index: number): string {
  return `f${String(index + 1).padStart(4, '0')}`;
}

function sectionId(index: number): string {
  return `s${String(index + 1).padStart(3, '0')}`;
}

/** Field i (0-based): its type cycles through TYPES; i % 10 = 0 (text) and 1 (number) are required. */
export function makeField(index: number): LogicalField {
  const type = TYPES[index % TYPES.length] ?? 'text';
  const base = { key: fieldKey(index), label: `Field ${index + 1}`, type, required: index % 10 < 2 };
  if (type === 'text') return { ...base, maxLength: TEXT_MAX_LENGTH };
  if (type === 'number') return { ...base, min: NUMBER_MIN, max: NUMBER_MAX };
  return base;
}

export const TABLE_COLUMNS: readonly LogicalField[] = [
  { key: 'name', label: 'Item', type: 'text', required: true, maxLength: TEXT_MAX_LENGTH },
  { key: 'qty', label: 'Quantity', type: 'number', required: true, min: 0, max: QTY_MAX },
  { key: 'due', label: 'Due', type: 'date', required: false },
];

export function buildLogicalForm(size: number): LogicalForm {
  if (size % SECTION_SIZE !== 0) throw new Error(`size ${size} is not a multiple of ${SECTION_SIZE}`);
  const sections: LogicalSection[] = [];
  for (let s = 0; s < size / SECTION_SIZE; s++) {
    const fields: LogicalField[] = [];
    for (let i = s * SECTION_SIZE; i < (s + 1) * SECTION_SIZE; i++) fields.push(makeField(i));
    sections.push({ id: sectionId(s), title: `Section ${s + 1}`, fields });
  }
  const middleIndex = size / 2;
  const middle = makeField(middleIndex);
  if (middle.type !== 'text' || !middle.required) throw new Error('the middle field must be a required text');
  return {
    size,
    sections,
    table: { key: 'items', title: 'Line items', columns: TABLE_COLUMNS, rows: TABLE_ROWS },
    middle,
    middleSection: sectionId(Math.floor(middleIndex / SECTION_SIZE)),
  };
}

/** Every section field, in order. */
export function allFields(form: LogicalForm): LogicalField[] {
  return form.sections.flatMap((s) => s.fields);
}
