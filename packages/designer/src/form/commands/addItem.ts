import type { LocalizedMessage } from '@formboard/formula';
import type { LayoutNode } from '@formboard/schema';
import { type Command, isRefused, refuse } from '../../core/Command.ts';
import { splitPath } from '../dataPaths.ts';
import { addFieldSchema, keysAt } from '../dataSchemaEdit.ts';
import { newFieldKey, nodeIdMaker } from '../fieldKeys.ts';
import { childrenOf, type Form, type Place, withChildren, withNodes } from '../formTree.ts';
import type { FieldPaletteItem, LayoutItemType, LayoutPaletteItem, PaletteItem } from '../palette.ts';
import { placeNearSelection, resolvePlace, tableContext } from './placement.ts';

const ADD: LocalizedMessage = { 'zh-CN': '添加', en: 'Add' };

/**
 * Adds a palette item: a field (with its data schema entry and a new key) or a layout node (with its
 * parts: two columns, two tabs…; a repeating table with its data field). Without a place it goes
 * next to the selection (see placeNearSelection).
 */
export function addItem(item: PaletteItem, place: Place | undefined, nextId: () => string): Command<Form> {
  return {
    label: { 'zh-CN': `${ADD['zh-CN']}${item.name['zh-CN']}`, en: `${ADD.en} ${item.name.en.toLowerCase()}` },
    run: (form, selection) => {
      const type = item.kind === 'field' ? 'field' : item.node;
      const at = place ?? placeNearSelection(form, selection, [type], 'into');
      if (!at) return refuse('这里不能添加这个组件', 'this component cannot be added here');
      return item.kind === 'field' ? addField(form, item, at, nextId) : addLayout(form, item, at, nextId);
    },
  };
}

/** The data segments of the object a container's new fields go into: the root, or a table's row. */
export function dataObjectOf(form: Form, parent: string | null): ReturnType<typeof splitPath> {
  const table = tableContext(form, parent);
  const node = table === undefined ? undefined : form.layout.nodes[table];
  return node?.type === 'repeatingTable' ? splitPath(`${node.path}[]`) : [];
}

function insert(
  form: Form,
  parent: string | null,
  index: number,
  added: Record<string, LayoutNode>,
  id: string,
) {
  const children = [...childrenOf(form.layout, parent)];
  children.splice(index, 0, id);
  return withChildren(withNodes(form.layout, added), parent, children);
}

function addField(form: Form, item: FieldPaletteItem, place: Place, nextId: () => string) {
  const at = resolvePlace(form, place, 'field');
  if (isRefused(at)) return at;
  const object = dataObjectOf(form, at.parent);
  const key = newFieldKey(item.keyPrefix, new Set(keysAt(form.data, object)), nextId);
  const data = addFieldSchema(form.data, object, key, { ...item.schema, title: { ...item.name } }, false);
  if (!data) {
    return refuse(
      '这个表格的行定义是共享的（$defs），不能在这里添加列',
      'this table’s rows are a shared definition ($defs); columns cannot be added here',
    );
  }
  const id = nodeIdMaker(form.layout.nodes, nextId)();
  const node: LayoutNode = { type: 'field', path: key };
  if (item.widget !== undefined) node.widget = item.widget;
  if (item.props !== undefined) node.props = { ...item.props };
  return {
    document: { ...form, data, layout: insert(form, at.parent, at.index, { [id]: node }, id) },
    selection: [id],
  };
}

const PART_NAMES: Readonly<Record<string, LocalizedMessage>> = {
  tab: { 'zh-CN': '标签', en: 'Tab' },
  step: { 'zh-CN': '步骤', en: 'Step' },
};

/** A new layout node of a type with its default parts (two columns, two tabs…), by id. */
function newNodes(
  type: LayoutItemType,
  name: LocalizedMessage,
  taken: Form['layout']['nodes'],
  nextId: () => string,
) {
  const nodes: Record<string, LayoutNode> = {};
  const fresh = nodeIdMaker(taken, nextId);
  const part = (partType: 'column' | 'tab' | 'step', n: number): string => {
    const id = fresh();
    const title = PART_NAMES[partType];
    nodes[id] =
      partType === 'column' || !title
        ? { type: 'column', children: [] }
        : {
            type: partType,
            title: { 'zh-CN': `${title['zh-CN']} ${n}`, en: `${title.en} ${n}` },
            children: [],
          };
    return id;
  };
  const id = fresh();
  switch (type) {
    case 'section':
      nodes[id] = { type: 'section', title: { ...name }, children: [] };
      break;
    case 'columns':
    case 'tabs':
    case 'steps': {
      const partType = type === 'columns' ? 'column' : type === 'tabs' ? 'tab' : 'step';
      nodes[id] = { type, children: [part(partType, 1), part(partType, 2)] };
      break;
    }
    case 'column':
      nodes[id] = { type: 'column', children: [] };
      break;
    case 'tab':
    case 'step':
      nodes[id] = { type, title: { ...name }, children: [] };
      break;
    case 'text':
      nodes[id] = {
        type: 'text',
        content: { 'zh-CN': '在这里写说明', en: 'Write your note here' },
        format: 'markdown',
      };
      break;
    case 'repeatingTable':
      break; // made with its data field by addLayout
  }
  return { id, nodes };
}

function addLayout(form: Form, item: LayoutPaletteItem, place: Place, nextId: () => string) {
  const at = resolvePlace(form, place, item.node);
  if (isRefused(at)) return at;
  const { id, nodes } = newNodes(item.node, item.name, form.layout.nodes, nextId);
  let data = form.data;
  if (item.node === 'repeatingTable') {
    const key = newFieldKey('table', new Set(keysAt(form.data, [])), nextId);
    const added = addFieldSchema(
      form.data,
      [],
      key,
      { type: 'array', title: { ...item.name }, items: { type: 'object', properties: {} } },
      false,
    );
    if (!added) return refuse('无法添加表格', 'the table cannot be added');
    data = added;
    nodes[id] = { type: 'repeatingTable', path: key, children: [] };
  }
  return {
    document: { ...form, data, layout: insert(form, at.parent, at.index, nodes, id) },
    selection: [id],
  };
}
