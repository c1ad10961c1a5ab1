import type { LocalizedMessage } from '@formboard/formula';
import type { LayoutNode } from '@formboard/schema';
import { type Applied, type Command, isRefused, type Refused, refuse } from '../../core/Command.ts';
import { joinPath, keyOf } from '../dataPaths.ts';
import { addFieldSchema, fieldSchemaAt, isRequiredAt, keysAt, removeFieldSchema } from '../dataSchemaEdit.ts';
import { usesOf } from '../fieldUses.ts';
import {
  boundPath,
  childrenOf,
  type Form,
  indexLayout,
  nodeOf,
  type Place,
  subtreeOf,
  withChildren,
} from '../formTree.ts';
import { dataObjectOf } from './addItem.ts';
import { resolvePlace, tableContext } from './placement.ts';

const MOVE: LocalizedMessage = { 'zh-CN': '移动', en: 'Move' };

/** The ids without those inside another of them (moving a section moves what it holds), in page order. */
export function topmost(form: Form, ids: readonly string[]): string[] {
  const { order, parent } = indexLayout(form.layout);
  const wanted = new Set(ids);
  const inside = (id: string): boolean => {
    for (let p = parent.get(id); p !== undefined && p !== null; p = parent.get(p))
      if (wanted.has(p)) return true;
    return false;
  };
  return order.filter((id) => wanted.has(id) && !inside(id));
}

/**
 * Moves nodes to a place, in page order: within a container, between containers, into and out of
 * repeating tables. `place.index` counts the target's children without the moved nodes. A field moved
 * into or out of a table moves its data too; it is refused while rules or formulas use the field,
 * since its meaning would change (one value per row instead of one per record).
 */
export function moveNodes(ids: readonly string[], place: Place): Command<Form> {
  return { label: MOVE, run: (form) => move(form, ids, place) };
}

function move(form: Form, ids: readonly string[], place: Place): Applied<Form> | Refused {
  const moving = topmost(form, ids);
  if (moving.length === 0) return { document: form };
  const moved = new Set(moving);
  for (const id of moving) {
    if (place.parent !== null && subtreeOf(form.layout, id).includes(place.parent)) {
      return refuse('不能把组件移到它自己里面', 'a component cannot be moved into itself');
    }
    const node = nodeOf(form, id) as LayoutNode;
    const at = resolvePlace(form, place, node.type, moved);
    if (isRefused(at)) return at;
  }
  let next = form;
  const targetTable = tableContext(form, place.parent);
  for (const id of moving) {
    const node = nodeOf(form, id) as LayoutNode;
    if (node.type !== 'field') continue;
    const fromTable = indexLayout(form.layout).table.get(id);
    if (fromTable === targetTable) continue;
    const data = moveFieldData(next, id, place.parent);
    if (isRefused(data)) return data;
    next = data;
  }
  // Take the nodes out of their containers, then insert them together at the place.
  const { parent } = indexLayout(form.layout);
  let layout = next.layout;
  for (const container of new Set(moving.map((id) => parent.get(id) ?? null))) {
    layout = withChildren(
      layout,
      container,
      childrenOf(layout, container).filter((c) => !moved.has(c)),
    );
  }
  const children = [...childrenOf(layout, place.parent)];
  const index = Math.max(0, Math.min(children.length, place.index ?? children.length));
  children.splice(index, 0, ...moving);
  layout = withChildren(layout, place.parent, children);
  return { document: { ...next, layout }, selection: moving };
}

/** Moves a field node's data between the record and a table's rows (or between two tables). */
function moveFieldData(form: Form, id: string, parent: string | null): Form | Refused {
  const path = boundPath(form, id);
  const node = nodeOf(form, id);
  if (path === undefined || node?.type !== 'field') return form;
  const uses = usesOf(form, path);
  if (uses.formulas.length > 0 || uses.paths.length > 0 || uses.nodes.length > 1) {
    return refuse(
      `字段 ${path} 被规则、公式或其他组件使用，不能移入或移出表格；请先去掉这些引用`,
      `${path} is used by rules, formulas or other components, so it cannot move into or out of a table; remove those uses first`,
    );
  }
  const schema = fieldSchemaAt(form.data, path);
  const target = dataObjectOf(form, parent);
  const key = keyOf(path);
  if (!schema) return refuse(`找不到字段 ${path} 的数据定义`, `the data schema of ${path} cannot be found`);
  if (
    schema.type === 'object' ||
    (schema.type === 'array' && (schema.items as { type?: unknown })?.type === 'object')
  ) {
    return refuse('分组和表格不能放进表格', 'groups and tables cannot go into a table');
  }
  if (keysAt(form.data, target).includes(key)) {
    const where = target.length === 0 ? undefined : joinPath(target);
    return refuse(
      `${where ?? '表单'}中已有字段 ${key}，请先修改其中一个的标识`,
      `${where ?? 'the form'} already has a field ${key}; change one of the keys first`,
    );
  }
  const removed = removeFieldSchema(form.data, path);
  const data = removed && addFieldSchema(removed, target, key, schema, isRequiredAt(form.data, path));
  if (!data) {
    return refuse(
      '这个表格的行定义是共享的（$defs），不能在这里添加或移除列',
      'this table’s rows are a shared definition ($defs); columns cannot be added or removed here',
    );
  }
  // Inside a table the node's path is relative to the row; outside, the field now sits at the root.
  return {
    ...form,
    data,
    layout: { ...form.layout, nodes: { ...form.layout.nodes, [id]: { ...node, path: key } } },
  };
}
