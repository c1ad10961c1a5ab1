import type { LocalizedMessage } from '@formboard/formula';
import { BUILT_IN_WIDGETS, type FormDefinition, isCustomWidget, type LayoutNode } from '@formboard/schema';
import { fieldSchemaAt } from '../form/dataSchemaEdit.ts';
import { boundPath, type Form, nodeOf } from '../form/formTree.ts';
import { cleanText, textIn } from '../form/localizedText.ts';
import { fieldKindOf, getProperty, type OptionValue } from '../form/properties.ts';
import { WIDGET_NAMES, type WidgetPropertySchema } from './widgetProperties.ts';

// The property panel is itself a form, rendered by @formboard/form-runtime: this file builds its
// definition for one node (from the node's type, its field's kind and its widget's property schema)
// and maps between the node's properties and the panel's values. Texts are edited per locale.

/** The panel of one node: its form definition and the designer properties it edits. */
export interface PropertyPanelSpec {
  readonly definition: FormDefinition;
  /** Designer property keys the panel edits: `label`, `options`, `props.currency`… */
  readonly keys: readonly string[];
  /** Changes when the panel's definition must change (node type, field kind, widget, options or not). */
  readonly shape: string;
}

const t = (zh: string, en: string): LocalizedMessage => ({ 'zh-CN': zh, en });

/** Properties edited as one text per locale. */
const TEXT_KEYS = new Set([
  'label',
  'help',
  'placeholder',
  'title',
  'description',
  'content',
  'addLabel',
  'unit',
]);

const TITLES: Readonly<Record<string, LocalizedMessage>> = {
  label: t('名称', 'Label'),
  help: t('帮助说明', 'Help text'),
  placeholder: t('占位提示', 'Placeholder'),
  title: t('标题', 'Title'),
  description: t('描述', 'Description'),
  content: t('内容（Markdown）', 'Content (Markdown)'),
  addLabel: t('添加按钮文字', 'Add button text'),
  unit: t('单位', 'Unit'),
  required: t('必填', 'Required'),
  widget: t('控件', 'Widget'),
  minimum: t('最小值', 'Minimum'),
  maximum: t('最大值', 'Maximum'),
  minLength: t('最少字数', 'Minimum length'),
  maxLength: t('最多字数', 'Maximum length'),
  pattern: t('格式（正则表达式）', 'Pattern (regular expression)'),
  minItems: t('最少项数', 'Minimum items'),
  maxItems: t('最多项数', 'Maximum items'),
  options: t('选项', 'Options'),
  collapsible: t('可折叠', 'Collapsible'),
  span: t('宽度（24 格）', 'Width (of 24)'),
  format: t('格式', 'Format'),
};

const NODE_KEYS: Readonly<Record<string, readonly string[]>> = {
  section: ['title', 'description', 'collapsible'],
  columns: ['title', 'description'],
  tabs: ['title', 'description'],
  tab: ['title', 'description'],
  steps: ['title', 'description'],
  step: ['title', 'description'],
  column: ['span'],
  repeatingTable: ['title', 'addLabel', 'minItems', 'maxItems'],
  text: ['content', 'format'],
};

const KIND_KEYS: Readonly<Record<string, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern'],
  number: ['minimum', 'maximum', 'unit'],
  multiSelect: ['minItems', 'maxItems'],
};

/** The property keys of a node, in panel order. */
function keysOf(form: Form, node: LayoutNode, nodeId: string, widgetProps: WidgetPropertySchema | undefined) {
  if (node.type !== 'field') return NODE_KEYS[node.type] ?? [];
  const path = boundPath(form, nodeId);
  const schema = path === undefined ? undefined : fieldSchemaAt(form.data, path);
  const kind = schema ? fieldKindOf(schema) : undefined;
  const keys = ['label', 'help', 'placeholder', 'required', 'widget'];
  if (kind && typeof schema?.$ref !== 'string') {
    keys.push(...(KIND_KEYS[kind] ?? []));
    if (kind === 'string' || kind === 'number' || kind === 'multiSelect') keys.push('options');
  }
  for (const name of Object.keys(widgetProps ?? {})) keys.push(`props.${name}`);
  return keys;
}

const localized = (title: LocalizedMessage) => ({
  type: 'object',
  title,
  properties: {
    zh: { type: 'string', title: t('中文', '中文') },
    en: { type: 'string', title: t('English', 'English') },
  },
});

/** The panel's data schema entry and layout of one property. */
function fieldFor(
  key: string,
  kind: string | undefined,
  widgets: readonly string[],
): Record<string, unknown> {
  const title = TITLES[key] ?? t(key, key);
  if (TEXT_KEYS.has(key)) return localized(title);
  switch (key) {
    case 'required':
    case 'collapsible':
      return { type: 'boolean', title };
    case 'widget':
      return {
        type: 'string',
        title,
        oneOf: widgets.map((w) => ({ const: w, title: WIDGET_NAMES[w] ?? t(w, w) })),
      };
    case 'minimum':
    case 'maximum':
      return { type: 'number', title };
    case 'span':
      return { type: 'integer', title, minimum: 1, maximum: 24 };
    case 'format':
      return {
        type: 'string',
        title,
        oneOf: [
          { const: 'markdown', title: t('Markdown', 'Markdown') },
          { const: 'plain', title: t('纯文本', 'Plain text') },
        ],
      };
    case 'pattern':
      return { type: 'string', title };
    case 'options':
      return {
        type: 'array',
        title,
        items: {
          type: 'object',
          properties: {
            value: { type: kind === 'number' ? 'number' : 'string', title: t('值', 'Value') },
            zh: { type: 'string', title: t('中文名称', 'Chinese label') },
            en: { type: 'string', title: t('英文名称', 'English label') },
          },
          required: ['value'],
        },
      };
    default:
      return { type: 'integer', title, minimum: 0 };
  }
}

/** The property panel of a node, or undefined when the node does not exist. */
export function propertyPanel(
  form: Form,
  nodeId: string,
  widgetProperties: Readonly<Record<string, WidgetPropertySchema>>,
): PropertyPanelSpec | undefined {
  const node = nodeOf(form, nodeId);
  if (!node) return undefined;
  const path = boundPath(form, nodeId);
  const schema = path === undefined ? undefined : fieldSchemaAt(form.data, path);
  const kind = schema ? fieldKindOf(schema) : undefined;
  const widget = node.type === 'field' ? (node.widget ?? '') : '';
  const widgetProps = Object.hasOwn(widgetProperties, widget) ? widgetProperties[widget] : undefined;
  const keys = keysOf(form, node, nodeId, widgetProps);
  const allowed =
    kind && kind in BUILT_IN_WIDGETS ? BUILT_IN_WIDGETS[kind as keyof typeof BUILT_IN_WIDGETS] : [];
  const widgets = widget && isCustomWidget(widget) ? [widget, ...allowed] : allowed;

  const properties: Record<string, unknown> = {};
  const propsGroup: Record<string, unknown> = {};
  const nodes: Record<string, LayoutNode> = {};
  const root: string[] = [];
  const place = (id: string, n: LayoutNode) => {
    nodes[id] = n;
    root.push(id);
  };
  for (const key of keys) {
    if (key.startsWith('props.')) {
      propsGroup[key.slice(6)] = widgetProps?.[key.slice(6)];
      place(`p_${key.slice(6)}`, { type: 'field', path: `props.${key.slice(6)}` });
      continue;
    }
    properties[key] = fieldFor(key, kind, widgets);
    if (TEXT_KEYS.has(key)) {
      const multiline = key === 'content' || key === 'description' || key === 'help';
      const widgetName = multiline ? 'textarea' : 'text';
      const columns = ['zh', 'en'].map((locale) => {
        const id = `${key}_${locale}`;
        nodes[id] = { type: 'field', path: `${key}.${locale}`, widget: widgetName };
        return id;
      });
      place(`${key}_group`, { type: 'section', title: TITLES[key] ?? key, children: columns });
    } else if (key === 'options') {
      const columns = ['value', 'zh', 'en'].map((column) => {
        const id = `options_${column}`;
        nodes[id] = { type: 'field', path: column };
        return id;
      });
      place('options_table', {
        type: 'repeatingTable',
        path: 'options',
        title: TITLES.options ?? key,
        children: columns,
      });
    } else
      place(`${key}_field`, { type: 'field', path: key, ...(key === 'widget' ? { widget: 'select' } : {}) });
  }
  if (Object.keys(propsGroup).length > 0)
    properties.props = { type: 'object', title: t('控件设置', 'Widget settings'), properties: propsGroup };
  const definition = {
    kind: 'form',
    id: 'properties',
    schemaVersion: 1,
    title: '',
    data: { type: 'object', properties },
    layout: { root, nodes },
  } as FormDefinition;
  return { definition, keys, shape: `${node.type}|${kind ?? ''}|${widget}|${keys.join(',')}` };
}

/** The panel's value for the node's current properties (empty texts and unset values left out). */
export function panelValue(form: Form, nodeId: string, keys: readonly string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const props: Record<string, unknown> = {};
  for (const key of keys) {
    const current = getProperty(form, nodeId, key);
    if (current === undefined || current === false || current === '') continue;
    if (key.startsWith('props.')) props[key.slice(6)] = current;
    else if (TEXT_KEYS.has(key)) {
      const text = current as Parameters<typeof textIn>[0];
      const locales = { zh: textIn(text, 'zh-CN'), en: textIn(text, 'en') };
      const kept = Object.fromEntries(Object.entries(locales).filter(([, v]) => v !== ''));
      if (Object.keys(kept).length > 0) value[key] = kept;
    } else if (key === 'options') {
      value.options = (current as OptionValue[]).map((o) => {
        const label = o.label as Parameters<typeof textIn>[0];
        const row: Record<string, unknown> = { value: o.value };
        if (textIn(label, 'zh-CN')) row.zh = textIn(label, 'zh-CN');
        if (textIn(label, 'en')) row.en = textIn(label, 'en');
        return row;
      });
    } else value[key] = current;
  }
  if (Object.keys(props).length > 0) value.props = props;
  return value;
}

/** The designer property values a panel value stands for, by key. */
export function propertiesOf(
  value: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = (value.props ?? {}) as Readonly<Record<string, unknown>>;
  for (const key of keys) {
    if (key.startsWith('props.')) out[key] = props[key.slice(6)];
    else if (TEXT_KEYS.has(key)) {
      const text = (value[key] ?? {}) as { zh?: string; en?: string };
      out[key] = cleanText({ 'zh-CN': text.zh ?? '', en: text.en ?? '' });
    } else if (key === 'options') {
      const rows = (value.options ?? []) as readonly { value?: unknown; zh?: string; en?: string }[];
      out.options = rows.map((row) => ({
        value: row.value ?? '',
        label: cleanText({ 'zh-CN': row.zh ?? '', en: row.en ?? '' }),
      }));
    } else out[key] = value[key];
  }
  return out;
}

/** The keys whose property values differ between two panel values. */
export function changedProperties(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): [string, unknown][] {
  const a = propertiesOf(before, keys);
  const b = propertiesOf(after, keys);
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).map((key) => [key, b[key]]);
}
