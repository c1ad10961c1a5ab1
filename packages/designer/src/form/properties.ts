import type { LayoutNode } from '@formboard/schema';
import { isRefused, type Refused, refuse } from '../core/Command.ts';
import {
  fieldSchemaAt,
  isRequiredAt,
  type SchemaObject,
  setFieldSchema,
  setRequiredAt,
} from './dataSchemaEdit.ts';
import { boundPath, type Form, nodeOf } from './formTree.ts';
import { cleanText } from './localizedText.ts';
import { getFormulaProperty, isFormulaProperty, setFormulaProperty } from './ruleProperties.ts';
import { setOwn } from './setOwn.ts';

// The properties the designer edits on a node, by key: some live on the layout node (help, widget,
// title…), some in the field's data schema (label, limits, options), `required` in its parent's list,
// `props.<name>` in the node's widget props, `rule.visible`… and `computed` in the form's rules and
// computed lists (ruleProperties.ts).

/** One choice of a select, radio or checkboxes field as the designer edits it. */
export interface OptionValue {
  readonly value: string | number;
  readonly label?: unknown;
}

/** Properties kept on the layout node, per node type. */
const NODE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  field: ['help', 'placeholder', 'widget'],
  section: ['title', 'description', 'collapsible'],
  columns: ['title', 'description'],
  tabs: ['title', 'description'],
  tab: ['title', 'description'],
  steps: ['title', 'description'],
  step: ['title', 'description'],
  column: ['span'],
  repeatingTable: ['title', 'addLabel'],
  text: ['content', 'format'],
};

/** Text properties: LocalizedText values whose empty locales are dropped. */
const TEXT_PROPERTIES = new Set([
  'label',
  'help',
  'placeholder',
  'title',
  'description',
  'addLabel',
  'content',
  'unit',
]);

/** Field properties kept in the data schema, by designer key → schema keyword. */
const SCHEMA_PROPERTIES: Readonly<Record<string, string>> = {
  minimum: 'minimum',
  maximum: 'maximum',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minItems: 'minItems',
  maxItems: 'maxItems',
  pattern: 'pattern',
  unit: 'x-unit',
};

/** Which kinds of field each schema property (and `options`) applies to. */
const FIELD_KINDS: Readonly<Record<string, readonly string[]>> = {
  minimum: ['number'],
  maximum: ['number'],
  unit: ['number'],
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  minItems: ['multiSelect', 'table'],
  maxItems: ['multiSelect', 'table'],
  options: ['string', 'number', 'multiSelect'],
};

/** The kind of field a schema describes, as the designer groups its properties. */
export function fieldKindOf(schema: SchemaObject): string | undefined {
  switch (schema.type) {
    case 'string':
    case 'boolean':
      return schema.type;
    case 'number':
    case 'integer':
      return 'number';
    case 'array':
      return (schema.items as SchemaObject | undefined)?.type === 'object' ||
        typeof (schema.items as SchemaObject | undefined)?.$ref === 'string'
        ? 'table'
        : 'multiSelect';
    case 'object':
      return 'group';
    default:
      return undefined;
  }
}

const NUMERIC = new Set(['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'span']);

/** The value of a property of a node (undefined when unset or not applicable). */
export function getProperty(form: Form, nodeId: string, key: string): unknown {
  const node = nodeOf(form, nodeId);
  if (!node) return undefined;
  if (key.startsWith('props.')) return node.type === 'field' ? node.props?.[key.slice(6)] : undefined;
  const path = boundPath(form, nodeId);
  const schema = path === undefined ? undefined : fieldSchemaAt(form.data, path);
  if (key === 'label') return node.type === 'field' ? (node.label ?? schema?.title) : undefined;
  if (key === 'required') return path !== undefined && isRequiredAt(form.data, path);
  if (isFormulaProperty(key)) return path === undefined ? undefined : getFormulaProperty(form, path, key);
  if (key === 'options') return schema ? optionsOf(schema) : undefined;
  const keyword = SCHEMA_PROPERTIES[key];
  if (keyword !== undefined) return schema?.[keyword];
  return (node as Readonly<Record<string, unknown>>)[key];
}

/** The choices of a field's schema (`oneOf` consts with titles, or `enum`), also inside a multi-select's items. */
export function optionsOf(schema: SchemaObject): OptionValue[] | undefined {
  const holder = schema.type === 'array' ? (schema.items as SchemaObject | undefined) : schema;
  if (!holder) return undefined;
  if (Array.isArray(holder.oneOf)) {
    return (holder.oneOf as { const: string | number; title?: unknown }[]).map((o) =>
      o.title === undefined ? { value: o.const } : { value: o.const, label: o.title },
    );
  }
  if (Array.isArray(holder.enum)) return (holder.enum as (string | number)[]).map((value) => ({ value }));
  return undefined;
}

/** The form with a property of a node set (undefined or "" removes it), or why it cannot be. */
export function setPropertyIn(form: Form, nodeId: string, key: string, raw: unknown): Form | Refused {
  const node = nodeOf(form, nodeId);
  if (!node) return refuse('组件不存在', 'the component does not exist');
  const value = TEXT_PROPERTIES.has(key) ? cleanText(raw) : raw === '' || raw === null ? undefined : raw;
  if (NUMERIC.has(key) && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    return refuse(`${key} 需要一个数字`, `${key} needs a number`);
  }
  if (key.startsWith('props.')) {
    if (node.type !== 'field') return notApplicable(key);
    const props: Record<string, unknown> = { ...(node.props ?? {}) };
    if (value === undefined) delete props[key.slice(6)];
    else setOwn(props, key.slice(6), value);
    const { props: _old, ...rest } = node;
    return withNode(form, nodeId, Object.keys(props).length > 0 ? { ...rest, props } : rest);
  }
  if (NODE_PROPERTIES[node.type]?.includes(key)) return withNode(form, nodeId, assign(node, key, value));
  const path = boundPath(form, nodeId);
  if (path === undefined || node.type === 'text') return notApplicable(key);
  if (isFormulaProperty(key)) return setFormulaProperty(form, path, key, raw);
  if (key === 'required') {
    const data = setRequiredAt(form.data, path, value === true);
    return data ? { ...form, data } : shared();
  }
  if (key === 'label' && node.type === 'field' && node.label !== undefined) {
    return withNode(form, nodeId, assign(node, 'label', value));
  }
  const schema = fieldSchemaAt(form.data, path);
  if (!schema) return shared();
  if (typeof schema.$ref === 'string' && key !== 'label') {
    return refuse(
      '这个字段使用共享定义（$defs），只能在这里修改名称',
      'this field uses a shared definition ($defs); only its label can be changed here',
    );
  }
  const next = key === 'label' ? assign(schema, 'title', value) : schemaWith(schema, key, value);
  if (isRefused(next)) return next;
  const data = setFieldSchema(form.data, path, next);
  return data ? { ...form, data } : shared();
}

function schemaWith(schema: SchemaObject, key: string, value: unknown): SchemaObject | Refused {
  const kinds = FIELD_KINDS[key];
  if (kinds && !kinds.includes(fieldKindOf(schema) ?? '')) return notApplicable(key);
  if (key === 'pattern' && value !== undefined && !isPattern(value)) {
    return refuse(
      `${String(value)} 不是有效的正则表达式`,
      `${String(value)} is not a valid regular expression`,
    );
  }
  if (key === 'options') return withOptions(schema, value);
  const keyword = SCHEMA_PROPERTIES[key];
  if (keyword === undefined) return notApplicable(key);
  return assign(schema, keyword, value);
}

function withOptions(schema: SchemaObject, value: unknown): SchemaObject | Refused {
  const list = (value ?? []) as readonly OptionValue[];
  if (!Array.isArray(list)) return refuse('选项需要一个列表', 'options need a list');
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const oneOf: { const: string | number; title?: unknown }[] = [];
  for (const option of list) {
    const raw = option.value;
    const constant = numeric ? (typeof raw === 'number' ? raw : Number(raw)) : String(raw ?? '');
    if (numeric && (raw === '' || !Number.isFinite(constant))) {
      return refuse(`选项值 ${String(raw)} 不是数字`, `the option value ${String(raw)} is not a number`);
    }
    if (constant === '') return refuse('选项值不能为空', 'an option value cannot be empty');
    const title = cleanText(option.label);
    oneOf.push(title === undefined ? { const: constant } : { const: constant, title });
  }
  const values = oneOf.map((o) => o.const);
  if (new Set(values).size !== values.length) return refuse('选项值不能重复', 'option values must be unique');
  const apply = (holder: SchemaObject): SchemaObject => {
    const { enum: _enum, oneOf: _oneOf, ...rest } = holder;
    return oneOf.length > 0 ? { ...rest, oneOf } : rest;
  };
  if (schema.type === 'array') {
    const items = schema.items as SchemaObject | undefined;
    if (!items || items.type === 'object') return notApplicable('options');
    return { ...schema, items: apply(items) };
  }
  if (schema.type !== 'string' && !numeric) return notApplicable('options');
  return apply(schema);
}

function isPattern(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

function assign<T extends object>(object: T, key: string, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as T;
}

function withNode(form: Form, id: string, node: LayoutNode): Form {
  return { ...form, layout: { ...form.layout, nodes: { ...form.layout.nodes, [id]: node } } };
}

function notApplicable(key: string): Refused {
  return refuse(`这个组件没有属性 ${key}`, `this component has no property ${key}`);
}

function shared(): Refused {
  return refuse(
    '这个字段属于共享的行定义（$defs），不能在这里修改',
    'this field belongs to a shared row definition ($defs) and cannot be changed here',
  );
}
