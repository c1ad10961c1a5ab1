import { type Command, type Refused, refuse } from '../../core/Command.ts';
import { isUnder, joinPath, keyOf, renamedPath, splitPath } from '../dataPaths.ts';
import { keysAt, renameFieldSchema } from '../dataSchemaEdit.ts';
import { keyProblem } from '../fieldKeys.ts';
import { mentions } from '../fieldUses.ts';
import { columnLookup, mapFormulas, mapPaths } from '../formSites.ts';
import { boundPath, type Form, indexLayout, nodeOf } from '../formTree.ts';
import { fieldReferences, replaceSpans } from '../formulaReferences.ts';
import { setOwn } from '../setOwn.ts';

/**
 * Renames the key of the field (or table) a node shows, everywhere the form uses it: the data schema,
 * layout bindings, rule and computed targets, validation paths, messages, hidden fields and every
 * formula that reads it. Refused with the reason when the key is invalid, taken or reserved, when a
 * formula that may use the field does not parse, or when the new name would change what another
 * formula reads.
 */
export function renameKey(nodeId: string, key: string): Command<Form> {
  return {
    label: { 'zh-CN': '修改字段标识', en: 'Change field key' },
    run: (form) => {
      const renamed = rename(form, nodeId, key);
      return 'refused' in renamed ? renamed : { document: renamed };
    },
  };
}

/** The form with the field at the node's path renamed, or why it cannot be. */
function rename(form: Form, nodeId: string, key: string): Form | Refused {
  const path = boundPath(form, nodeId);
  if (path === undefined) return refuse('只有字段和表格有标识', 'only fields and tables have a key');
  const old = keyOf(path);
  if (old === key) return form;
  const field = splitPath(path);
  const parent = field.slice(0, -1);
  const problem = keyProblem(
    key,
    keysAt(form.data, parent).filter((k) => k !== old),
  );
  if (problem) return { refused: problem };
  const data = renameFieldSchema(form.data, path, key);
  if (!data) {
    return refuse(
      '这个字段属于共享的行定义（$defs），不能在这里改名',
      'this field belongs to a shared row definition ($defs) and cannot be renamed here',
    );
  }
  const formulas = renameInFormulas(form, path, key);
  if ('refused' in formulas) return formulas;
  const paths = mapPaths(formulas, (p) => renamedPath(p, field, key));
  return { ...paths, data, layout: renameBindings(form, field, key) };
}

/** Every formula with its references to the field (and what lies under it) renamed. */
function renameInFormulas(form: Form, path: string, key: string): Form | Refused {
  const field = splitPath(path);
  const old = keyOf(path);
  const hasColumn = columnLookup(form);
  const at = field.length - 1;
  // A renamed table column: its table; a plain name in that table's row formulas then means it.
  const columnOf =
    field.length >= 2 && field[at - 1]?.each ? joinPath(field.slice(0, at)).slice(0, -2) : undefined;
  let problem: Refused | undefined;
  const next = mapFormulas(form, (text, table) => {
    if (problem) return text;
    const refs = fieldReferences(text, table, hasColumn);
    if (!refs) {
      if (mentions(text, old)) {
        problem = refuse(
          `公式“${text}”有错误，无法确认它是否用到 ${path}；请先修正它`,
          `the formula "${text}" has errors, so whether it uses ${path} is unclear; fix it first`,
        );
      }
      return text;
    }
    const edits: { span: { start: number; end: number }; text: string }[] = [];
    for (const ref of refs) {
      const written = ref.path.slice(ref.implicit);
      if (isUnder(ref.path, field)) {
        if (at < ref.implicit) continue; // a row's own cell, written without its table's path
        const segments = [...ref.path];
        const segment = segments[at];
        if (segment) segments[at] = { key, each: segment.each };
        edits.push({ span: ref.span, text: joinPath(segments.slice(ref.implicit)) });
        // A record field renamed to a name that the row also has as a column would read the cell.
        if (ref.implicit === 0 && segments.length === 1 && table !== undefined && hasColumn(table, key)) {
          problem = capture(text, key);
        }
      } else if (
        columnOf !== undefined &&
        table === columnOf &&
        ref.implicit === 0 &&
        written.length === 1 &&
        written[0]?.key === key
      ) {
        // The record's field `key`, read by a row formula, would become the renamed column.
        problem = capture(text, key);
      }
    }
    return replaceSpans(text, edits);
  });
  return problem ?? next;
}

function capture(text: string, key: string): Refused {
  return refuse(
    `改名后公式“${text}”中的 ${key} 会指向另一个字段；请换一个标识`,
    `after the rename, ${key} in the formula "${text}" would mean another field; choose another key`,
  );
}

/** Layout nodes bound to the field or under it, with their paths renamed (table columns stay relative). */
function renameBindings(form: Form, field: ReturnType<typeof splitPath>, key: string): Form['layout'] {
  const { order, table } = indexLayout(form.layout);
  let nodes: Form['layout']['nodes'] | undefined;
  for (const id of order) {
    const node = nodeOf(form, id);
    const full = boundPath(form, id);
    if (!node || full === undefined || !('path' in node)) continue;
    if (!isUnder(splitPath(full), field)) continue;
    let path: string | undefined;
    const tableId = table.get(id);
    const tableNode = tableId === undefined ? undefined : nodeOf(form, tableId);
    if (tableNode?.type === 'repeatingTable') {
      // A column's own path is relative to its row: it changes only when the column itself is renamed.
      const rows = splitPath(`${tableNode.path}[]`).length;
      path = field.length > rows ? renamedPath(node.path, field.slice(rows), key) : undefined;
    } else path = renamedPath(node.path, field, key);
    if (path === undefined || path === node.path) continue;
    nodes ??= { ...form.layout.nodes };
    setOwn(nodes, id, { ...node, path });
  }
  return nodes ? { ...form.layout, nodes } : form.layout;
}
