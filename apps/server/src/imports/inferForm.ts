import type { FieldInfo } from '@formboard/schema';
import { convertCell } from './convertCell.ts';
import type { TableRow } from './readTable.ts';

/** How many data rows are looked at to guess each column's type. */
const SAMPLE_ROWS = 500;
/** A column with at most this many distinct values (each seen at least twice) becomes a choice. */
const MAX_OPTIONS = 12;

type Kind = 'number' | 'integer' | 'date' | 'boolean' | 'choice' | 'text' | 'longText';

// Field stand-ins for convertCell: the same reading rules an import will apply later.
const probe = (kind: FieldInfo['kind'], format?: string): FieldInfo =>
  ({
    path: 'x',
    kind,
    formulaType: 'string',
    inTable: false,
    required: false,
    pointer: '',
    schema: {},
    ...(format ? { format } : {}),
  }) as FieldInfo;
const NUMBER = probe('number');
const DATE = probe('string', 'date');
const BOOLEAN = probe('boolean');

const reads = (field: FieldInfo, values: readonly string[]) =>
  values.every((value) => {
    const result = convertCell(field, value);
    return result !== undefined && !('problem' in result);
  });

function kindOf(values: readonly string[]): Kind {
  if (values.length === 0) return 'text';
  if (reads(NUMBER, values)) {
    const numbers = values.map((value) => convertCell(NUMBER, value) as { value: number });
    return numbers.every((n) => Number.isInteger(n.value)) ? 'integer' : 'number';
  }
  if (reads(DATE, values)) return 'date';
  if (reads(BOOLEAN, values)) return 'boolean';
  const distinct = new Set(values);
  if (distinct.size <= MAX_OPTIONS && values.length >= distinct.size * 2) return 'choice';
  return values.some((value) => value.length > 100 || value.includes('\n')) ? 'longText' : 'text';
}

/** A field key for a header: the header itself when it is a plain identifier, else `field<n>`. */
function keyFor(header: string, index: number, used: Set<string>): string {
  const plain = /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(header) ? header : `field${index + 1}`;
  let key = plain;
  for (let n = 2; used.has(key); n++) key = `${plain}${n}`;
  used.add(key);
  return key;
}

function fieldSchema(kind: Kind, title: string, values: readonly string[]): Record<string, unknown> {
  switch (kind) {
    case 'number':
      return { type: 'number', title };
    case 'integer':
      return { type: 'integer', title };
    case 'date':
      return { type: 'string', format: 'date', title };
    case 'boolean':
      return { type: 'boolean', title };
    case 'choice':
      return {
        type: 'string',
        title,
        enum: [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      };
    case 'longText':
      return { type: 'string', maxLength: 5000, title };
    default:
      return { type: 'string', maxLength: 500, title };
  }
}

/** What was inferred: a draft form definition, and the number of rows sampled. */
export interface InferredForm {
  readonly definition: Record<string, unknown>;
  readonly sampledRows: number;
}

/**
 * Guesses a form from a spreadsheet — one field per column, titled by its header, typed by its
 * values (number, date, yes/no, a choice among few values, text) — so someone with an Excel sheet
 * gets a form their rows import into without designing it first. Nothing is required; the designer
 * refines it.
 */
export async function inferForm(
  table: AsyncGenerator<TableRow>,
  id: string,
  title: string,
): Promise<InferredForm> {
  const first = await table.next();
  const headers = first.done ? [] : first.value.cells.map((cell) => cell.trim());
  const columns: string[][] = headers.map(() => []);
  let sampledRows = 0;
  for await (const { cells } of table) {
    for (const [index, column] of columns.entries()) {
      const value = (cells[index] ?? '').trim();
      if (value !== '') column.push(value);
    }
    if (++sampledRows >= SAMPLE_ROWS) break;
  }
  const used = new Set<string>();
  const properties: Record<string, unknown> = {};
  const nodes: Record<string, unknown> = {};
  const root: string[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const values = columns[index] ?? [];
    const kind = kindOf(values);
    const key = keyFor(header, index, used);
    properties[key] = fieldSchema(kind, header, values);
    const node = `n_${key}`;
    nodes[node] = { type: 'field', path: key, ...(kind === 'longText' ? { widget: 'textarea' } : {}) };
    root.push(node);
  });
  return {
    definition: {
      kind: 'form',
      id,
      schemaVersion: 1,
      title,
      data: { type: 'object', properties },
      layout: { root, nodes },
    },
    sampledRows,
  };
}
