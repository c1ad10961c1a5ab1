/**
 * The benchmark's form: 500 layout nodes built with the designer's own headless commands (so the
 * definition is one the designer itself makes): a section of fields first, then two columns and two
 * tabs holding fields, a section with a repeating table, a text block, and sections of 24 fields until
 * the form has 500 nodes. Fields cycle through every built-in field widget of the palette; each has a
 * label of its own ("字段 17 · 单选"), so a panel showing it can be told apart. Ids count up, so the
 * form is the same in every run.
 */
import {
  createEmptyForm,
  createFormDesigner,
  FIELD_ITEMS,
  type Form,
  type FormDesignerStore,
} from '../../packages/designer/src/index.ts';

/** The number of layout nodes (components) of the benchmark form. */
export const FORM_COMPONENTS = 500;
const FIELDS_PER_SECTION = 24;
const FIELDS_PER_PART = 10;
const TABLE_COLUMNS = ['text', 'number', 'currency', 'select', 'date', 'switch'] as const;

/** Ids `b0001`, `b0002`…: new keys and node ids the same in every run. */
export function countingIds(prefix = 'b'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${n.toString(36).padStart(4, '0')}`;
  };
}

/** Runs a command and returns the node it selected (the new node), or throws with its reason. */
function addNode(designer: FormDesignerStore, itemId: string, parent: string | null): string {
  const result = designer.add(itemId, { parent });
  if (!result.ok) throw new Error(`add ${itemId}: ${JSON.stringify(result.reason)}`);
  const id = designer.getState().selection[0];
  if (id === undefined) throw new Error(`add ${itemId} selected nothing`);
  return id;
}

/** The children of a container node (its parts for columns and tabs). */
function childrenOf(designer: FormDesignerStore, id: string): readonly string[] {
  const node = designer.getState().document.layout.nodes[id];
  return node && 'children' in node ? node.children : [];
}

const nodeCount = (designer: FormDesignerStore) =>
  Object.keys(designer.getState().document.layout.nodes).length;

/** Builds the benchmark form: `components` layout nodes (default 500), valid by `validateDefinition`. */
export function benchForm(components = FORM_COMPONENTS): Form {
  const designer = createFormDesigner({
    definition: createEmptyForm('bench-designer', {
      'zh-CN': '设计器基准表单',
      en: 'Designer benchmark form',
    }),
    nextId: countingIds(),
  });
  let fields = 0;
  const addField = (parent: string, itemId?: string) => {
    const item = itemId ?? FIELD_ITEMS[fields % FIELD_ITEMS.length]?.id ?? 'text';
    const id = addNode(designer, item, parent);
    fields += 1;
    const name = FIELD_ITEMS.find((f) => f.id === item)?.name ?? { 'zh-CN': item, en: item };
    const label = { 'zh-CN': `字段 ${fields} · ${name['zh-CN']}`, en: `Field ${fields} · ${name.en}` };
    const set = designer.setProperty(id, 'label', label);
    if (!set.ok) throw new Error(`label of ${id}: ${JSON.stringify(set.reason)}`);
    designer.checkpoint();
  };
  const fill = (parent: string, count: number) => {
    for (let i = 0; i < count; i += 1) addField(parent);
  };
  fill(addNode(designer, 'section', null), FIELDS_PER_SECTION);
  for (const container of ['columns', 'tabs']) {
    for (const part of childrenOf(designer, addNode(designer, container, null))) fill(part, FIELDS_PER_PART);
  }
  const tableSection = addNode(designer, 'section', null);
  const table = addNode(designer, 'repeatingTable', tableSection);
  for (const column of TABLE_COLUMNS) addField(table, column);
  addNode(designer, 'textBlock', null);
  let section = '';
  let inSection = FIELDS_PER_SECTION;
  while (nodeCount(designer) < components) {
    if (inSection === FIELDS_PER_SECTION) {
      section = addNode(designer, 'section', null);
      inSection = 0;
    } else {
      addField(section);
      inSection += 1;
    }
  }
  const result = designer.toDefinition();
  if (!result.ok) throw new Error(`the benchmark form is invalid: ${JSON.stringify(result.problems[0])}`);
  return result.definition;
}

/** The field nodes of a form in page order (the ones the benchmark selects and drags). */
export function fieldNodes(form: Form): string[] {
  const out: string[] = [];
  const walk = (ids: readonly string[]) => {
    for (const id of ids) {
      const node = form.layout.nodes[id];
      if (node?.type === 'field') out.push(id);
      if (node && 'children' in node) walk(node.children);
    }
  };
  walk(form.layout.root);
  return out;
}
