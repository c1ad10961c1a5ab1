import type { Locale } from '@formboard/formula';
import { localize } from '@formboard/schema';
import { keyOf } from './dataPaths.ts';
import { fieldSchemaAt } from './dataSchemaEdit.ts';
import { boundPath, type Form, nodeOf } from './formTree.ts';
import { nodeTypeName } from './nodeNames.ts';

/** What a node is called in the outline, the canvas and announcements: its label or title, else its type. */
export function nodeLabel(form: Form, id: string, locale: Locale): string {
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
