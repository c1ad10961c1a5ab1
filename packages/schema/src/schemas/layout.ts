import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema as text } from './localizedText.ts';

// A form's layout is a flat map of nodes by id plus the ids at the root, not a nested tree: the
// designer moves nodes by changing two `children` lists, every node has a stable id for selection
// and undo, and error pointers stay short (/layout/nodes/n12/path).

const NODE_ID = '^[A-Za-z0-9_-]{1,64}$';
const children = { type: 'array', items: { type: 'string', pattern: NODE_ID }, uniqueItems: true } as const;

/** Widget names are built-in ("number", "select"…) or "pack:widget" for a template pack's own. */
const widgetName = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(:[a-z][a-zA-Z0-9-]*)?$' } as const;

/** Widget props are free-form per widget; the widget's property schema checks them. */
const widgetProps = { type: 'object' } as const;

export const fieldNodeSchema = {
  type: 'object',
  properties: {
    type: { const: 'field' },
    /** Data path of the field: `score`, `owner.name`; inside a repeating table, relative to the row. */
    path: { type: 'string', minLength: 1 },
    widget: widgetName,
    props: widgetProps,
    label: text,
    help: text,
    placeholder: text,
  },
  required: ['type', 'path'],
  additionalProperties: false,
} as const;

const container = <const T extends string>(type: T) =>
  ({
    type: 'object',
    properties: { type: { const: type }, title: text, description: text, children },
    required: ['type', 'children'],
    additionalProperties: false,
  }) as const;

export const sectionNodeSchema = {
  type: 'object',
  properties: {
    type: { const: 'section' },
    title: text,
    description: text,
    collapsible: { type: 'boolean' },
    children,
  },
  required: ['type', 'children'],
  additionalProperties: false,
} as const;

export const columnNodeSchema = {
  type: 'object',
  properties: {
    type: { const: 'column' },
    /** Width in a 24-column grid; columns without a span share what is left. */
    span: { type: 'integer', minimum: 1, maximum: 24 },
    children,
  },
  required: ['type', 'children'],
  additionalProperties: false,
} as const;

export const repeatingTableNodeSchema = {
  type: 'object',
  properties: {
    type: { const: 'repeatingTable' },
    /** Data path of the array field; the children are field nodes with paths relative to a row. */
    path: { type: 'string', minLength: 1 },
    title: text,
    addLabel: text,
    children,
  },
  required: ['type', 'path', 'children'],
  additionalProperties: false,
} as const;

export const textNodeSchema = {
  type: 'object',
  properties: {
    type: { const: 'text' },
    content: text,
    /** Markdown is rendered safely (no raw HTML). */
    format: { enum: ['plain', 'markdown'] },
  },
  required: ['type', 'content'],
  additionalProperties: false,
} as const;

export const layoutNodeSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [
    fieldNodeSchema,
    sectionNodeSchema,
    container('columns'),
    columnNodeSchema,
    container('tabs'),
    container('tab'),
    container('steps'),
    container('step'),
    repeatingTableNodeSchema,
    textNodeSchema,
  ],
} as const;

export const layoutSchema = {
  type: 'object',
  properties: {
    root: children,
    nodes: { type: 'object', propertyNames: { pattern: NODE_ID }, additionalProperties: layoutNodeSchema },
  },
  required: ['root', 'nodes'],
  additionalProperties: false,
} as const;

export type Layout = FromSchema<typeof layoutSchema>;
export type LayoutNode = FromSchema<typeof layoutNodeSchema>;
export type FieldNode = FromSchema<typeof fieldNodeSchema>;
