import type { Command } from '../../core/Command.ts';
import { isUnder, splitPath } from '../dataPaths.ts';
import { removeFieldSchema } from '../dataSchemaEdit.ts';
import { mapPaths } from '../formSites.ts';
import { boundPath, childrenOf, type Form, indexLayout, subtreeOf, withChildren } from '../formTree.ts';
import { topmost } from './moveNodes.ts';

/**
 * Removes nodes with everything inside them. A field (or table) no other node shows is removed from
 * the data schema too, with its own rules, computed formula, messages and hidden-field entries.
 * Formulas elsewhere that read it are left as they are: `toDefinition` then lists them as problems,
 * linked to their fields, and undo brings the field back.
 */
export function removeNodes(ids: readonly string[]): Command<Form> {
  return { label: { 'zh-CN': '删除', en: 'Delete' }, run: (form) => remove(form, ids) };
}

function remove(form: Form, ids: readonly string[]) {
  const roots = topmost(form, ids);
  if (roots.length === 0) return { document: form };
  const removed = new Set(roots.flatMap((id) => subtreeOf(form.layout, id)));
  const { parent, order } = indexLayout(form.layout);

  // Data paths shown only by removed nodes go (a table's path covers its columns).
  const keptPaths = new Set<string>();
  const goingPaths = new Set<string>();
  for (const id of order) {
    const path = boundPath(form, id);
    if (path !== undefined) (removed.has(id) ? goingPaths : keptPaths).add(path);
  }
  const going = [...goingPaths].filter((p) => !keptPaths.has(p));
  // Only the outermost paths: removing a table removes its columns with it.
  const outermost = going.filter((p) => !going.some((q) => q !== p && isUnder(splitPath(p), splitPath(q))));
  let data = form.data;
  for (const path of outermost) data = removeFieldSchema(data, path) ?? data;

  let layout = form.layout;
  for (const container of new Set(roots.map((id) => parent.get(id) ?? null))) {
    layout = withChildren(
      layout,
      container,
      childrenOf(layout, container).filter((c) => !removed.has(c)),
    );
  }
  const nodes = { ...layout.nodes };
  for (const id of removed) delete nodes[id];
  layout = { ...layout, nodes };

  const gone = outermost.map(splitPath);
  const next = mapPaths({ ...form, data, layout }, (p) =>
    gone.some((g) => isUnder(splitPath(p), g)) ? '' : undefined,
  );
  return { document: next, selection: nextSelection(form, roots, removed) };
}

/** After a delete, the next sibling of the first removed node, else the previous one, else its container. */
function nextSelection(form: Form, roots: readonly string[], removed: ReadonlySet<string>): string[] {
  const first = roots[0];
  if (first === undefined) return [];
  const container = indexLayout(form.layout).parent.get(first) ?? null;
  const siblings = childrenOf(form.layout, container);
  const at = siblings.indexOf(first);
  const after = siblings.slice(at + 1).find((id) => !removed.has(id));
  const before = [...siblings.slice(0, at)].reverse().find((id) => !removed.has(id));
  const pick = after ?? before ?? container;
  return pick === null ? [] : [pick];
}
