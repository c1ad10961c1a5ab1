import type { FieldInfo } from './fieldIndex.ts';

/** Built-in widgets for each kind of field; the first is the default. "pack:name" widgets are a pack's own. */
export const BUILT_IN_WIDGETS: Readonly<Record<FieldInfo['kind'], readonly string[]>> = {
  string: [
    'text',
    'textarea',
    'select',
    'radio',
    'date',
    'datetime',
    'email',
    'url',
    'user',
    'orgUnit',
    'recordRef',
    'markdown',
    'dateRange',
    'file',
  ],
  number: ['number', 'slider', 'rating', 'percent', 'currency', 'progress', 'select', 'radio'],
  boolean: ['switch', 'checkbox'],
  multiSelect: ['checkboxes', 'multiSelect', 'tags', 'file'],
  table: [],
  group: [],
};

/** The widget a field gets when its layout node names none. */
export function defaultWidget(field: FieldInfo): string | undefined {
  if (field.kind === 'string') {
    if (field.options) return 'select';
    switch (field.format) {
      case 'date':
        return 'date';
      case 'date-time':
        return 'datetime';
      case 'email':
        return 'email';
      case 'uri':
        return 'url';
      case 'user':
        return 'user';
      case 'org-unit':
        return 'orgUnit';
      case 'record':
        return 'recordRef';
      default:
        return 'text';
    }
  }
  if (field.kind === 'number' && field.options) return 'select';
  return BUILT_IN_WIDGETS[field.kind][0];
}

/** True for a template pack's own widget ("okr:confidence"), which the renderer registry resolves. */
export function isCustomWidget(name: string): boolean {
  return name.includes(':');
}
