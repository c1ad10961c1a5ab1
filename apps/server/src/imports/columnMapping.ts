import type { FieldInfo, FormDefinition } from '@formboard/schema';

/** Which field each column of a file fills (by column index); null = the column is not imported. */
export type ColumnMapping = readonly (string | null)[];

type LayoutNode = { readonly type: string; readonly path?: string; readonly children?: readonly string[] };

/** Field paths in the order the form shows them (depth-first through the layout); tables are not entered. */
function layoutOrder(form: Pick<FormDefinition, 'layout'>): string[] {
  const nodes = form.layout.nodes as Readonly<Record<string, LayoutNode>>;
  const order: string[] = [];
  const visit = (ids: readonly string[]) => {
    for (const id of ids) {
      const node = Object.hasOwn(nodes, id) ? nodes[id] : undefined;
      if (node?.type === 'field' && node.path) order.push(node.path);
      else if (node?.children && node.type !== 'repeatingTable') visit(node.children);
    }
  };
  visit(form.layout.root);
  return order;
}

/**
 * The fields an import can fill and an export shows: top-level and group fields (not repeating-table
 * columns), in the form's layout order, then any the layout does not show.
 */
export function importableFields(
  form: Pick<FormDefinition, 'layout'>,
  fields: Iterable<FieldInfo>,
): FieldInfo[] {
  const rank = new Map(layoutOrder(form).map((path, index) => [path, index]));
  return [...fields]
    .filter((field) => !field.inTable && field.kind !== 'table' && field.kind !== 'group')
    .map((field, index) => ({ field, at: rank.get(field.path) ?? rank.size + index }))
    .sort((a, b) => a.at - b.at)
    .map(({ field }) => field);
}

// Headers come from Excel sheets typed by people: ignore case, spaces, full-width forms and a
// trailing required marker, so "目标值 *", "目标值（%）" and "Target value" still find their field.
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*:：]+/g, '')
    .replace(/[（(][^)）]*[)）]$/, '');
}

function namesOf(field: FieldInfo): string[] {
  const title = field.title;
  const titles =
    title === undefined ? [] : typeof title === 'string' ? [title] : (Object.values(title) as string[]);
  return [field.path, ...titles].map(normalizeHeader);
}

/** Matches headers to fields by key or by label in any language; each field is used once, first match wins. */
export function autoMapColumns(headers: readonly string[], fields: readonly FieldInfo[]): ColumnMapping {
  const used = new Set<string>();
  return headers.map((header) => {
    const wanted = normalizeHeader(header);
    const field = fields.find((f) => !used.has(f.path) && namesOf(f).includes(wanted));
    if (!field) return null;
    used.add(field.path);
    return field.path;
  });
}

/**
 * Completes a mapping some of whose columns are decided: the `open` columns are matched by label
 * among the fields no decided column fills (a saved or hand-written mapping plus the file's new columns).
 */
export function matchOpenColumns(
  decided: readonly (string | null)[],
  headers: readonly string[],
  open: readonly number[],
  fields: readonly FieldInfo[],
): ColumnMapping {
  const mapping = [...decided];
  const used = new Set(decided);
  const matched = autoMapColumns(
    open.map((column) => headers[column] ?? ''),
    fields.filter((field) => !used.has(field.path)),
  );
  open.forEach((column, i) => {
    mapping[column] = matched[i] ?? null;
  });
  return mapping;
}
