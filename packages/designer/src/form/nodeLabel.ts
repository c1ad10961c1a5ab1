import type { Locale } from '@formboard/formula';
import { type DataSchema, type Layout, localize } from '@formboard/schema';
import { keyOf } from './dataPaths.ts';
import { fieldSchemaAt } from './dataSchemaEdit.ts';
import { boundPath, type Form, nodeOf } from './formTree.ts';
import { nodeTypeName } from './nodeNames.ts';

// Labels remembered per layout and data schema (both immutable, and all a label reads): the canvas,
// outline and panel ask for every node's label on each change of the designer's state, and a change of
// the selection, or an edit of neither (a rule, a formula), then costs a lookup.
const remembered = new WeakMap<Layout, { data: DataSchema; labels: Map<Locale, Map<string, string>> }>();

/** What a node is called in the outline, the canvas and announcements: its label or title, else its type. */
export function nodeLabel(form: Form, id: string, locale: Locale): string {
  let entry = remembered.get(form.layout);
  if (entry?.data !== form.data) {
    entry = { data: form.data, labels: new Map() };
    remembered.set(form.layout, entry);
  }
  let labels = entry.labels.get(locale);
  if (!labels) {
    labels = new Map();
    entry.labels.set(locale, labels);
  }
  let label = labels.get(id);
  if (label === undefined) {
    label = labelOf(form, id, locale);
    labels.set(id, label);
  }
  return label;
}

function labelOf(form: Form, id: string, locale: Locale): string {
  const node = nodeOf(form, id);
  if (!node) return id;
  const type = nodeTypeName(node.type)[locale];
  const path = boundPath(form, id);
  if (node.type === 'field') {
    const title = node.label ?? (path === undefined ? undefined : fieldSchemaAt(form.data, path)?.title);
    return localize(title as Parameters<typeof localize>[0], locale) || keyOf(node.path);
  }
  if (node.type === 'text')
    return `${type}${locale === 'zh-CN' ? '：' : ': '}${localize(node.content, locale).slice(0, 20)}`;
  const title = 'title' in node ? localize(node.title, locale) : '';
  if (node.type === 'repeatingTable' && !title) {
    const schemaTitle = path === undefined ? undefined : fieldSchemaAt(form.data, path)?.title;
    return localize(schemaTitle as Parameters<typeof localize>[0], locale) || type;
  }
  return title || type;
}
