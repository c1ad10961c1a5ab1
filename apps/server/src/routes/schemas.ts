// JSON Schemas of the API's resources, shared by routes for validation, response serialisation and
// the OpenAPI document. Definition contents are described by @formboard/schema and validated by the
// store (which answers with JSON pointers in both languages), so here they are open objects.

const nullableString = { type: ['string', 'null'] } as const;
const openObject = { type: 'object', additionalProperties: true } as const;
const localized = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
} as const;

/** A user as the API shows it. */
export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: nullableString,
    orgUnitId: nullableString,
    supervisorId: nullableString,
    roles: { type: 'array', items: { type: 'string', enum: ['admin', 'designer', 'manager', 'member'] } },
    disabled: { type: 'boolean' },
  },
  required: ['id', 'name', 'email', 'orgUnitId', 'supervisorId', 'roles', 'disabled'],
  additionalProperties: false,
} as const;

/** An org unit. */
export const orgUnitSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    parentId: nullableString,
  },
  required: ['id', 'name', 'parentId'],
  additionalProperties: false,
} as const;

/** A definition's state without its content. */
export const definitionInfoSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    state: { type: 'string', enum: ['draft', 'published', 'archived'] },
    headVersion: { type: 'integer' },
    publishedVersion: { type: ['integer', 'null'] },
    lineage: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: { sourceId: { type: 'string' }, sourceVersion: { type: 'integer' } },
          required: ['sourceId', 'sourceVersion'],
        },
      ],
    },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
  },
  required: ['id', 'kind', 'state', 'headVersion', 'publishedVersion', 'lineage', 'createdAt', 'createdBy'],
} as const;

/** One immutable version of a definition. */
export const definitionVersionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    content: openObject,
    hash: { type: 'string' },
    parentHash: nullableString,
    author: { type: 'string' },
    message: { type: 'string' },
    createdAt: { type: 'string' },
    restoredFrom: { type: ['integer', 'null'] },
  },
  required: [
    'id',
    'version',
    'content',
    'hash',
    'parentHash',
    'author',
    'message',
    'createdAt',
    'restoredFrom',
  ],
} as const;

/** The difference between two versions: RFC 6902 patch + one localized line per change. */
export const definitionDiffSchema = {
  type: 'object',
  properties: {
    from: { type: 'integer' },
    to: { type: 'integer' },
    patch: { type: 'array', items: openObject },
    summary: { type: 'array', items: localized },
  },
  required: ['from', 'to', 'patch', 'summary'],
} as const;

const contentDiff = {
  type: 'object',
  properties: { patch: { type: 'array', items: openObject }, summary: { type: 'array', items: localized } },
  required: ['patch', 'summary'],
} as const;

/** A clone against its template: what the copy changed, and what the template changed since. */
export const sourceComparisonSchema = {
  type: 'object',
  properties: {
    sourceId: { type: 'string' },
    clonedVersion: { type: 'integer' },
    sourceHeadVersion: { type: 'integer' },
    mine: contentDiff,
    upstream: contentDiff,
  },
  required: ['sourceId', 'clonedVersion', 'sourceHeadVersion', 'mine', 'upstream'],
} as const;

/** A stored record. */
export const recordSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    formId: { type: 'string' },
    formVersion: { type: 'integer' },
    data: openObject,
    ownerId: { type: 'string' },
    orgUnitId: nullableString,
    revision: { type: 'integer' },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
    updatedAt: { type: 'string' },
    updatedBy: { type: 'string' },
    deletedAt: nullableString,
  },
  required: [
    'id',
    'formId',
    'formVersion',
    'data',
    'ownerId',
    'orgUnitId',
    'revision',
    'createdAt',
    'createdBy',
    'updatedAt',
    'updatedBy',
    'deletedAt',
  ],
} as const;

/** One revision in a record's history. */
export const recordRevisionSchema = {
  type: 'object',
  properties: {
    revision: { type: 'integer' },
    operation: { type: 'string', enum: ['create', 'update', 'delete'] },
    data: openObject,
    changedAt: { type: 'string' },
    changedBy: { type: 'string' },
  },
  required: ['revision', 'operation', 'data', 'changedAt', 'changedBy'],
} as const;

/** An audit entry. */
export const auditEntrySchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string' },
    actor: { type: 'string' },
    action: { type: 'string' },
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    summary: openObject,
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
  required: ['seq', 'at', 'actor', 'action', 'entityType', 'entityId', 'summary', 'prevHash', 'hash'],
} as const;

/** An API token as listed (never its secret). */
export const apiTokenSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    userId: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
    revokedAt: nullableString,
  },
  required: ['id', 'name', 'userId', 'scopes', 'createdAt', 'createdBy', 'revokedAt'],
} as const;

/** `{ id }` path parameters. */
export const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['id'],
} as const;

/** `{ formId }` path parameters. */
export const formIdParams = {
  type: 'object',
  properties: { formId: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['formId'],
} as const;
