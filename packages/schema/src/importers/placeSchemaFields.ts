import type { FieldIndex, FieldKind } from '../fields/fieldIndex.ts';
import { BUILT_IN_WIDGETS } from '../fields/widgets.ts';
import { type LocalizedText, localize } from '../schemas/localizedText.ts';
import { pointer } from '../validate/issues.ts';
import { isLocalizedText } from './convertScalar.ts';
import type { TreeField } from './FieldTree.ts';
import type { ImportNotes } from './ImportNotes.ts';
import type { LayoutBuilder } from './LayoutBuilder.ts';
import { isObject, type JsonObject, type Located } from './normalizeSchema.ts';
import type { Origin } from './Origins.ts';

/** What placing fields needs: the layout being built, the field index, and who records rules. */
export interface PlacementContext {
  readonly builder: LayoutBuilder;
  readonly index: FieldIndex;
  readonly notes: ImportNotes;
  /** Called for each field and table placed, with whether the UI schema makes it read-only. */
  readonly onPlace: (field: TreeField, readOnly: boolean, origin: Origin) => void;
}

// rjsf widget → our widget, per kind of field. Widgets missing for a kind fall back to the default.
const WIDGETS: Readonly<Record<string, Partial<Record<FieldKind, string>>>> = {
  text: { string: 'text', number: 'number' },
  textarea: { string: 'textarea' },
  password: { string: 'text' },
  email: { string: 'email' },
  uri: { string: 'url' },
  url: { string: 'url' },
  date: { string: 'date' },
  'alt-date': { string: 'date' },
  datetime: { string: 'datetime' },
  'date-time': { string: 'datetime' },
  'alt-datetime': { string: 'datetime' },
  select: { string: 'select', number: 'select', multiSelect: 'multiSelect' },
  radio: { string: 'radio', number: 'radio' },
  checkboxes: { multiSelect: 'checkboxes' },
  checkbox: { boolean: 'checkbox' },
  updown: { number: 'number' },
  range: { number: 'slider' },
};

// ui:options that only change how rjsf draws a field; listed so their notes say so.
const COSMETIC = new Set([
  'classNames',
  'style',
  'autofocus',
  'autocomplete',
  'rows',
  'inline',
  'inputType',
  'emptyValue',
  'orderable',
  'addable',
  'removable',
  'copyable',
  'submitButtonOptions',
  'globalOptions',
  'rootFieldId',
  'duplicateKeySuffixSeparator',
  'enumDisabled',
  'filePreview',
  'accept',
  'field',
  'FieldTemplate',
  'ArrayFieldTemplate',
  'ObjectFieldTemplate',
  'label',
]);
// The ui: settings read for each kind of field; any other is noted as not imported.
const HANDLED: Readonly<Record<TreeField['kind'], ReadonlySet<string>>> = {
  field: new Set(['widget', 'title', 'description', 'help', 'placeholder', 'readonly', 'disabled', 'hidden']),
  group: new Set(['title', 'description', 'readonly', 'disabled', 'hidden', 'order']),
  flattened: new Set(['title', 'description', 'readonly', 'disabled', 'hidden', 'order']),
  table: new Set(['title', 'readonly', 'disabled', 'hidden']),
};

/** The `ui:` settings of one uiSchema level, with `ui:options` merged in; notes the ones not in `handled`. */
export function readUiOptions(
  ui: unknown,
  uiAt: string,
  notes: ImportNotes,
  handled: ReadonlySet<string>,
): Map<string, Located> {
  const options = new Map<string, Located>();
  if (!isObject(ui)) return options;
  const nested = ui['ui:options'];
  if (isObject(nested)) {
    for (const [key, value] of Object.entries(nested)) {
      options.set(key, { value, at: `${uiAt}${pointer('ui:options', key)}` });
    }
  }
  for (const [key, value] of Object.entries(ui)) {
    if (key.startsWith('ui:') && key !== 'ui:options') {
      options.set(key.slice(3), { value, at: `${uiAt}${pointer(key)}` });
    }
  }
  for (const [key, entry] of options) {
    if (handled.has(key)) continue;
    notes.ui(entry.at, 'dropped', 'ui.unsupported', {
      'zh-CN': `未导入 ui:${key}：${COSMETIC.has(key) ? '这只是 rjsf 的显示设置，表单设计器中另有设置' : 'Formboard 没有对应的设置'}`,
      en: `ui:${key} was not imported: ${COSMETIC.has(key) ? 'it only changes how rjsf draws the form; the designer has its own settings' : 'Formboard has no counterpart'}`,
    });
    options.delete(key);
  }
  return options;
}

/** The field's order: `ui:order` with `*` standing for every field not listed; unknown names are noted. */
function ordered(fields: readonly TreeField[], order: Located | undefined, notes: ImportNotes): TreeField[] {
  if (!order) return [...fields];
  if (!Array.isArray(order.value) || !order.value.every((k) => typeof k === 'string')) {
    notes.ui(order.at, 'dropped', 'ui.order', {
      'zh-CN': 'ui:order 应为属性名数组，未导入',
      en: 'ui:order must be an array of property names; not imported',
    });
    return [...fields];
  }
  const names: string[] = order.value;
  const listed = new Set(names);
  const rest = fields.filter((f) => !listed.has(f.sourceKey));
  const out: TreeField[] = [];
  names.forEach((name, i) => {
    if (name === '*') out.push(...rest);
    else {
      const field = fields.find((f) => f.sourceKey === name);
      if (field) out.push(field);
      else {
        notes.ui(`${order.at}/${i}`, 'dropped', 'ui.orderUnknown', {
          'zh-CN': `ui:order 中的 ${name} 不是已导入的字段`,
          en: `ui:order names ${name}, which is not an imported field`,
        });
      }
    }
  });
  if (!listed.has('*') && rest.length > 0) {
    out.push(...rest);
    notes.ui(order.at, 'changed', 'ui.orderMissing', {
      'zh-CN': `ui:order 没有列出 ${rest.map((f) => f.sourceKey).join('、')}，且没有 *：这些字段放在最后`,
      en: `ui:order does not list ${rest.map((f) => f.sourceKey).join(', ')} and has no *; they were placed last`,
    });
  }
  return out;
}

const text = (entry: Located | undefined) =>
  entry && isLocalizedText(entry.value) ? entry.value : undefined;

/**
 * Places `fields` in the layout — groups as sections, tables as repeating tables — following an rjsf
 * uiSchema for this level when there is one (`ui:order`, `ui:widget`, labels, help, `ui:readonly`,
 * hidden fields). Returns the ids of the nodes to put in the parent's children.
 */
export function placeFields(
  fields: readonly TreeField[],
  ui: unknown,
  uiAt: string,
  ctx: PlacementContext,
  inherited: { readonly inTable: boolean; readonly readOnly: boolean },
): string[] {
  const uiObject = isObject(ui) ? ui : {};
  const order =
    isObject(ui) && 'ui:order' in ui ? { value: ui['ui:order'], at: `${uiAt}/ui:order` } : undefined;
  for (const key of Object.keys(uiObject)) {
    if (key.startsWith('ui:') || fields.some((f) => f.sourceKey === key)) continue;
    ctx.notes.ui(`${uiAt}${pointer(key)}`, 'dropped', 'ui.unknownField', {
      'zh-CN': `uiSchema 中的 ${key} 不是已导入的字段`,
      en: `the uiSchema entry ${key} is not an imported field`,
    });
  }
  const ids: string[] = [];
  for (const field of ordered(fields, order, ctx.notes)) {
    const childAt = `${uiAt}${pointer(field.sourceKey)}`;
    const childUi = uiObject[field.sourceKey];
    ids.push(...placeField(field, childUi, childAt, ctx, inherited));
  }
  return ids;
}

/** Places one field (or group, table) with its rjsf uiSchema entry; returns the ids of the nodes made. */
export function placeField(
  field: TreeField,
  ui: unknown,
  uiAt: string,
  ctx: PlacementContext,
  inherited: { readonly inTable: boolean; readonly readOnly: boolean },
): string[] {
  const options = readUiOptions(ui, uiAt, ctx.notes, HANDLED[field.kind]);
  const origin: Origin =
    ui === undefined ? { source: 'schema', pointer: field.pointer } : { source: 'uiSchema', pointer: uiAt };
  const readOnly =
    inherited.readOnly || options.get('readonly')?.value === true || options.get('disabled')?.value === true;
  const hidden = options.get('widget')?.value === 'hidden' || options.get('hidden')?.value === true;
  if (hidden) {
    ctx.notes.ui((options.get('hidden') ?? options.get('widget'))?.at ?? uiAt, 'changed', 'ui.hidden', {
      'zh-CN': `${field.sourceKey} 是隐藏字段：保留在数据中，但没有放到布局里`,
      en: `${field.sourceKey} is hidden: it stays in the data but is not placed in the layout`,
    });
    return [];
  }
  const title = text(options.get('title')) ?? field.title;
  if (field.kind === 'group' || (field.kind === 'flattened' && !inherited.inTable)) {
    const description = text(options.get('description'));
    const children = placeFields(field.children, ui, uiAt, ctx, { ...inherited, readOnly });
    const section: JsonObject = { type: 'section', title: title ?? field.sourceKey, children };
    if (description !== undefined) section.description = description;
    return [ctx.builder.add(`s_${field.path}`, section, origin)];
  }
  if (field.kind === 'flattened')
    return placeFields(field.children, ui, uiAt, ctx, { ...inherited, readOnly });
  if (field.kind === 'table') {
    const items = isObject(ui) ? ui.items : undefined;
    for (const key of Object.keys(isObject(ui) ? ui : {})) {
      if (key.startsWith('ui:') || key === 'items') continue;
      ctx.notes.ui(`${uiAt}${pointer(key)}`, 'dropped', 'ui.unknownField', {
        'zh-CN': `表格的 uiSchema 中 ${key} 无效：列的设置应写在 items 下`,
        en: `${key} is not valid in a table's uiSchema; column settings go under items`,
      });
    }
    const columns = placeFields(field.children, items, `${uiAt}/items`, ctx, { inTable: true, readOnly });
    const table: JsonObject = { type: 'repeatingTable', path: field.layoutPath, children: columns };
    if (title !== undefined) table.title = title;
    ctx.onPlace(field, readOnly, origin);
    return [ctx.builder.add(`t_${field.path}`, table, origin)];
  }
  for (const key of Object.keys(isObject(ui) ? ui : {})) {
    if (key.startsWith('ui:')) continue;
    ctx.notes.ui(`${uiAt}${pointer(key)}`, 'dropped', 'ui.unknownField', {
      'zh-CN': `${field.sourceKey} 不是对象或表格，uiSchema 中的 ${key} 无效`,
      en: `${field.sourceKey} is not an object or a table; ${key} in its uiSchema has no meaning`,
    });
  }
  const node: JsonObject = { type: 'field', path: field.layoutPath };
  const widget = mapWidget(field, options.get('widget'), ctx);
  if (widget) node.widget = widget;
  const label = text(options.get('title'));
  if (label !== undefined) node.label = label;
  const descriptionText = text(options.get('description'));
  const helpText = text(options.get('help'));
  if (descriptionText !== undefined && helpText !== undefined) {
    ctx.notes.ui(options.get('description')?.at ?? uiAt, 'changed', 'ui.helpMerged', {
      'zh-CN': 'ui:description 与 ui:help 合并为字段的帮助文字',
      en: 'ui:description and ui:help were merged into the field help',
    });
  }
  const help = mergeText(descriptionText, helpText);
  if (help !== undefined) node.help = help;
  const placeholder = text(options.get('placeholder'));
  if (placeholder !== undefined) node.placeholder = placeholder;
  ctx.onPlace(field, readOnly, origin);
  return [ctx.builder.add(`f_${field.path}`, node, origin)];
}

/** Two texts as one, line by line (per locale when either is localized). */
function mergeText(a: LocalizedText | undefined, b: LocalizedText | undefined): LocalizedText | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  if (typeof a === 'string' && typeof b === 'string') return `${a}\n${b}`;
  const merged: Record<string, string> = {};
  for (const locale of ['zh-CN', 'en']) {
    const parts = [localize(a, locale), localize(b, locale)].filter((t) => t !== '');
    merged[locale] = parts.join('\n');
  }
  return merged;
}

/** Our widget for an rjsf `ui:widget`, noting widgets that have no counterpart. */
function mapWidget(field: TreeField, entry: Located | undefined, ctx: PlacementContext): string | undefined {
  if (!entry) return undefined;
  const info = ctx.index.fields.get(field.path);
  if (typeof entry.value !== 'string') {
    // From JSON a widget can only be named; anything else (an rjsf component object) cannot be imported.
    ctx.notes.ui(entry.at, 'dropped', 'ui.widget', {
      'zh-CN': 'ui:widget 应为控件名称（文本），使用默认控件',
      en: 'ui:widget must be a widget name (text); the default widget is used',
    });
    return undefined;
  }
  const name = entry.value;
  const ours = info && Object.hasOwn(WIDGETS, name) ? WIDGETS[name]?.[info.kind] : undefined;
  if (ours && info && BUILT_IN_WIDGETS[info.kind].includes(ours)) {
    if (name === 'password') {
      ctx.notes.ui(entry.at, 'changed', 'ui.widget', {
        'zh-CN': '密码控件导入为普通文本框（输入不会被遮盖）',
        en: 'the password widget was imported as a plain text input (input is not masked)',
      });
    }
    return ours;
  }
  ctx.notes.ui(entry.at, 'dropped', 'ui.widget', {
    'zh-CN': `控件 ${name} 没有适用于此字段的对应控件，使用默认控件`,
    en: `the widget ${name} has no counterpart for this field; the default widget is used`,
  });
  return undefined;
}
