import { FormulaSyntaxError, type Node, type PathSegment, parse, type Span, walk } from '@formboard/formula';
import { splitPath } from './dataPaths.ts';

/** One field reference in a formula, with the full path it reads. */
export interface FieldReference {
  readonly span: Span;
  /** The full path: a row formula's `weight` in table `kpis` reads `kpis[].weight`. */
  readonly path: readonly PathSegment[];
  /** How many leading segments of `path` the text leaves out (the table's, for a row's own cell). */
  readonly implicit: number;
}

/** Whether a table has a column of that name (for resolving a row formula's bare names). */
export type HasColumn = (table: string, name: string) => boolean;

/**
 * The field references of a formula that runs for `table`'s rows (undefined: for the record), or
 * undefined when the text does not parse. A row formula's plain name reads its row's cell when the
 * table has that column, else the record's field (as @formboard/schema's row scope resolves it).
 */
export function fieldReferences(
  text: string,
  table: string | undefined,
  hasColumn: HasColumn,
): FieldReference[] | undefined {
  let ast: Node;
  try {
    ast = parse(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return undefined;
    throw error;
  }
  const out: FieldReference[] = [];
  walk(ast, (node) => {
    if (node.type !== 'Field') return;
    const [first, ...rest] = node.path;
    const cell =
      table !== undefined && first && !first.each && rest.length === 0 && hasColumn(table, first.key);
    if (!cell) {
      out.push({ span: node.span, path: node.path, implicit: 0 });
      return;
    }
    const rows = splitPath(`${table}[]`);
    out.push({ span: node.span, path: [...rows, ...node.path], implicit: rows.length });
  });
  return out;
}

/** The text with each span replaced (spans must not overlap). */
export function replaceSpans(text: string, edits: readonly { span: Span; text: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.text + out.slice(edit.span.end);
  }
  return out;
}
