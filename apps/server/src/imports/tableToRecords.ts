import type { LocalizedMessage } from '@formboard/formula';
import type { FieldInfo, RecordValidator } from '@formboard/schema';
import { writePath } from '../records/dataPaths.ts';
import { autoMapColumns, type ColumnMapping } from './columnMapping.ts';
import { convertCell } from './convertCell.ts';
import type { TableRow } from './readTable.ts';

/** A problem of one row: its spreadsheet row number, the column header and the field, in both languages. */
export interface ImportIssue {
  readonly row: number;
  readonly column?: string;
  readonly field?: string;
  readonly message: LocalizedMessage;
}

/** A data row turned into a record, with what is wrong with it (nothing, for a valid row). */
export interface ConvertedRow {
  readonly row: number;
  readonly cells: readonly string[];
  readonly data: Record<string, unknown>;
  readonly issues: readonly ImportIssue[];
}

/** The header row, the mapping used, then every data row converted and validated. */
export interface ConvertedTable {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly rows: AsyncGenerator<ConvertedRow>;
}

/** Chooses the mapping once the header row is known (saved mappings are looked up by it). */
export type MappingChooser = (headers: readonly string[]) => Promise<ColumnMapping>;

/**
 * Reads the header row, maps columns to fields (the given mapping or chooser's, or by label), and
 * yields each data row as a record with its issues: unreadable cells first, then the form's own
 * validation.
 */
export async function tableToRecords(
  table: AsyncGenerator<TableRow>,
  fields: readonly FieldInfo[],
  validate: RecordValidator,
  mapping?: ColumnMapping | MappingChooser,
): Promise<ConvertedTable> {
  const first = await table.next();
  const headers = first.done ? [] : first.value.cells.map((cell) => cell.trim());
  const used =
    typeof mapping === 'function' ? await mapping(headers) : (mapping ?? autoMapColumns(headers, fields));
  const byPath = new Map(fields.map((field) => [field.path, field]));
  const columnOf = new Map(
    used.flatMap((path, index) => (path ? [[path, headers[index] ?? `#${index + 1}`] as const] : [])),
  );

  async function* rows(): AsyncGenerator<ConvertedRow> {
    for await (const { row, cells } of table) {
      const data: Record<string, unknown> = {};
      const issues: ImportIssue[] = [];
      used.forEach((path, index) => {
        const field = path ? byPath.get(path) : undefined;
        if (!field) return;
        const result = convertCell(field, cells[index] ?? '');
        if (!result) return;
        if ('problem' in result)
          issues.push({
            row,
            column: headers[index] ?? `#${index + 1}`,
            field: path ?? '',
            message: result.problem,
          });
        else writePath(data, field.path, result.value);
      });
      // Cells that could not be read are missing from `data`; report them once, not again as "required".
      const unreadable = new Set(issues.map((issue) => issue.field));
      for (const issue of validate(data)) {
        if (unreadable.has(issue.path)) continue;
        const column = columnOf.get(issue.path);
        issues.push({ row, ...(column ? { column } : {}), field: issue.path, message: issue.message });
      }
      yield { row, cells, data, issues };
    }
  }
  return { headers, mapping: used, rows: rows() };
}
