import { FORM_SCHEMA_VERSION, formKind, type LayoutNode, validateAs } from '@formboard/schema';
import { type Command, type Refused, refuse } from '../core/Command.ts';
import type { DocumentAdapter } from '../core/DocumentAdapter.ts';
import { dataObjectOf } from './commands/addItem.ts';
import { topmost } from './commands/moveNodes.ts';
import { placeNearSelection } from './commands/placement.ts';
import { removeNodes } from './commands/removeNodes.ts';
import { type Confirmations, createConfirmations, guardRollups } from './commands/rollupGuard.ts';
import { joinPath, keyOf } from './dataPaths.ts';
import { addFieldSchema, fieldSchemaAt, isRequiredAt, keysAt, type SchemaObject } from './dataSchemaEdit.ts';
import { newFieldKey, nodeIdMaker } from './fieldKeys.ts';
import { createFormChecker, type DefinitionResult } from './formProblems.ts';
import {
  boundPath,
  childrenOf,
  type Form,
  indexLayout,
  nodeOf,
  subtreeOf,
  withChildren,
} from './formTree.ts';
import { keptRollups, type PastedField } from './pastedRollups.ts';
import { rollupOf } from './rollups.ts';
import { setOwn } from './setOwn.ts';

// Copied components travel as a small form definition of their own (a "fragment"): their layout
// nodes, and the data schema of the fields and tables they show, at its root. Pasting validates the
// fragment like any definition (it may come from the system clipboard, so from anywhere), then adds
// it to the form with new node ids and, where a key is taken, new field keys. A copied field keeps
// its roll-up (`rollups` of the fragment, targeting the fragment's key): pasted, it targets the
// field's new key, and is kept when the form stays valid with it (see pastedRollups.ts).

/** The fragment's id and title: it is never saved. */
const FRAGMENT_ID = 'clipboard';

/** A form fragment holding copies of components; undefined when nothing can be copied. */
export function copyFragment(form: Form, ids: readonly string[]): Form | undefined {
  const roots = topmost(form, ids);
  if (roots.length === 0) return undefined;
  const { table } = indexLayout(form.layout);
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  const rollups: NonNullable<Form['rollups']> = [];
  const nodes: Record<string, LayoutNode> = {};
  const bind = (id: string, node: Extract<LayoutNode, { path: string }>) => {
    const path = boundPath(form, id) as string;
    const schema = fieldSchemaAt(form.data, path);
    if (!schema) return;
    let key = keyOf(path);
    for (let n = 2; Object.hasOwn(properties, key); n++) key = `${keyOf(path)}_${n}`;
    setOwn(properties, key, schema);
    if (isRequiredAt(form.data, path)) required.push(key);
    const rollup = rollupOf(form, path)?.rollup;
    if (rollup) rollups.push({ ...rollup, target: key });
    setOwn(nodes, id, { ...node, path: key });
  };
  for (const root of roots) {
    for (const id of subtreeOf(form.layout, root)) {
      const node = nodeOf(form, id) as LayoutNode;
      // Inside a copied table, columns keep their paths relative to the table's row.
      const inCopiedTable = table.has(id) && id !== root && nodes[table.get(id) as string] !== undefined;
      if ((node.type === 'field' || node.type === 'repeatingTable') && !inCopiedTable) bind(id, node);
      else setOwn(nodes, id, node);
    }
  }
  const data: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) data.required = required;
  if (form.data.$defs) data.$defs = form.data.$defs;
  return {
    kind: 'form',
    id: FRAGMENT_ID,
    schemaVersion: FORM_SCHEMA_VERSION,
    title: FRAGMENT_ID,
    data: data as Form['data'],
    layout: { root: roots, nodes },
    ...(rollups.length > 0 ? { rollups } : {}),
  };
}

/** What pasting needs besides the payload: the check a kept roll-up must pass, and the warned pastes. */
export interface PasteOptions {
  /** Checks the form with the pasted roll-ups (default: the form on its own, as `toDefinition`). */
  readonly check?: (form: Form) => DefinitionResult;
  /** Where a paste that would drop a roll-up is confirmed by repeating it (default: a memory of its own). */
  readonly confirmations?: Confirmations;
}

/**
 * Adds a fragment's components after the primary selection (else into it, else at the form's end),
 * with the roll-ups of its fields when the form stays valid with them; a paste that would drop one is
 * refused once with the reason, and goes ahead without it when repeated.
 */
export function pasteFragment(
  payload: unknown,
  nextId: () => string,
  options: PasteOptions = {},
): Command<Form> {
  const check = options.check ?? createFormChecker();
  const confirmations = options.confirmations ?? createConfirmations();
  return {
    label: { 'zh-CN': '粘贴', en: 'Paste' },
    run: (form, selection) => {
      // The roll-ups are checked apart, in the form they land in: a bad one never refuses the components.
      const { rollups, ...components } =
        payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
      const checked = validateAs(
        formKind,
        payload !== null && typeof payload === 'object' ? components : payload,
      );
      if (!checked.ok) {
        return refuse('剪贴板内容不是有效的表单组件', 'the clipboard does not hold valid form components');
      }
      const pasted = paste(form, checked.value, selection, nextId);
      if ('refused' in pasted) return pasted;
      const kept = keptRollups(pasted.document, pasted.fields, rollups, check);
      const key = `paste\n${JSON.stringify(payload)}\n${selection.join('\n')}`;
      if (kept.dropped && !confirmations.confirmed(form, key)) return kept.dropped;
      return { document: kept.document, selection: pasted.selection };
    },
  };
}

function paste(
  form: Form,
  fragment: Form,
  selection: readonly string[],
  nextId: () => string,
):
  | { readonly document: Form; readonly selection: string[]; readonly fields: readonly PastedField[] }
  | Refused {
  const types = fragment.layout.root.map((id) => fragment.layout.nodes[id]?.type ?? '');
  const place = placeNearSelection(form, selection, types, 'after');
  if (!place) return refuse('这些组件不能粘贴到这里', 'these components cannot be pasted here');
  let data = form.data;
  const nodes: Record<string, LayoutNode> = { ...form.layout.nodes };
  const newId = nodeIdMaker(form.layout.nodes, nextId);
  const object = dataObjectOf(form, place.parent);
  const copyField = (key: string, into: ReturnType<typeof dataObjectOf>): string | undefined => {
    const props = fragment.data.properties as Readonly<Record<string, SchemaObject>>;
    const schema = props[key];
    if (!schema) return undefined;
    const taken = new Set(keysAt(data, into));
    const fresh = taken.has(key) ? newFieldKey(key.replace(/_[0-9a-z]{5}$/, ''), taken, nextId) : key;
    const required = (fragment.data.required ?? []).includes(key);
    const next = addFieldSchema(data, into, fresh, schema, required);
    if (!next) return undefined;
    data = next;
    return fresh;
  };
  let failed = false;
  // Each pasted field's key in the fragment and its path in the form, for its roll-up.
  const fields: PastedField[] = [];
  const visit = (old: string, inTable: boolean, into: ReturnType<typeof dataObjectOf>): string => {
    const node = fragment.layout.nodes[old] as LayoutNode;
    const id = newId();
    let copy: LayoutNode = node;
    if ((node.type === 'field' || node.type === 'repeatingTable') && !inTable) {
      const key = copyField(node.path, into);
      if (key === undefined) failed = true;
      else {
        copy = { ...node, path: key };
        fields.push({ from: node.path, to: joinPath([...into, { key, each: false }]) });
      }
    }
    if ('children' in copy) {
      const childTable = inTable || copy.type === 'repeatingTable';
      copy = { ...copy, children: copy.children.map((child) => visit(child, childTable, into)) };
    }
    setOwn(nodes, id, copy);
    return id;
  };
  const roots = fragment.layout.root.map((root) => visit(root, false, object));
  if (failed) {
    return refuse(
      '目标表格的行定义是共享的（$defs），不能粘贴列',
      'the target table’s rows are a shared definition ($defs); columns cannot be pasted into it',
    );
  }
  const children = [...childrenOf(form.layout, place.parent)];
  children.splice(place.index, 0, ...roots);
  const layout = withChildren({ ...form.layout, nodes }, place.parent, children);
  return { document: { ...form, data, layout }, selection: roots, fields };
}

/** Options of `formAdapter`: how pastes are checked, and the other forms deletes are checked against. */
export interface FormAdapterOptions extends PasteOptions {
  /** The other forms by id: a delete that breaks their roll-ups from this form is warned about first. */
  readonly forms?: (id: string) => Form | undefined;
}

/** The form kind of the generic document store: selection by node id, copy, paste and delete. */
export function formAdapter(nextId: () => string, options: FormAdapterOptions = {}): DocumentAdapter<Form> {
  const confirmations = options.confirmations ?? createConfirmations();
  const paste = { ...options, confirmations };
  const { forms } = options;
  return {
    kind: 'form',
    has: (form, id) => nodeOf(form, id) !== undefined,
    copy: (form, ids) => copyFragment(form, ids),
    paste: (payload) => pasteFragment(payload, nextId, paste),
    remove: (ids) =>
      forms
        ? guardRollups(removeNodes(ids), 'delete', ids.join('\n'), forms, confirmations)
        : removeNodes(ids),
  };
}
