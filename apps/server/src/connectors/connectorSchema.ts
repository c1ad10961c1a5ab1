// The request schema of a connector as admins write it (PUT /api/connectors/:id).
const path = { type: 'string', maxLength: 300 } as const;

/** A connector's settings; `secrets` are header values (e.g. Authorization), sealed before storage. */
export const connectorBodySchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    formId: { type: 'string', minLength: 1, maxLength: 200 },
    url: { type: 'string', minLength: 1, maxLength: 2000, format: 'uri' },
    method: { enum: ['GET', 'POST'] },
    body: { type: 'string', maxLength: 100_000 },
    rowsPath: path,
    fields: { type: 'object', additionalProperties: path, minProperties: 1 },
    dedupeField: { type: 'string', minLength: 1, maxLength: 200 },
    runAs: { type: 'string', minLength: 1 },
    schedule: {
      type: 'object',
      properties: {
        cron: { type: 'string', minLength: 9, maxLength: 100 },
        timeZone: { type: 'string', minLength: 1 },
      },
      required: ['cron', 'timeZone'],
      additionalProperties: false,
    },
    secrets: {
      anyOf: [
        { type: 'null' },
        { type: 'object', additionalProperties: { type: 'string', maxLength: 10_000 }, maxProperties: 20 },
      ],
    },
    disabled: { type: 'boolean' },
  },
  required: ['name', 'formId', 'url', 'method', 'rowsPath', 'fields', 'runAs'],
  additionalProperties: false,
} as const;

/** The allow-list of outbound hosts (PUT /api/settings/outbound-hosts). */
export const allowedHostsSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      host: { type: 'string', minLength: 1, maxLength: 253, pattern: '^(\\*\\.)?[A-Za-z0-9.:\\[\\]-]+$' },
      allowPrivate: { type: 'boolean' },
    },
    required: ['host'],
    additionalProperties: false,
  },
  maxItems: 200,
} as const;
