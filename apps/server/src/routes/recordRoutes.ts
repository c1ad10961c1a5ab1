import type { RecordWriter, Store, StoredRecord, User } from '@formboard/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { upsertRecord } from '../connectors/upsertRecord.ts';
import type { EventBus, RecordEvent } from '../events/ChangeEvent.ts';
import { ApiError, notFound } from '../http/ApiError.ts';
import { canChange, canSee, recordScopeOf, visibleOwnerIds } from '../permissions/recordScope.ts';
import { announce } from './eventRoutes.ts';
import { idParams, recordRevisionSchema, recordSchema } from './schemas.ts';

const dataSchema = {
  type: 'object',
  additionalProperties: true,
  description: "The record's values, by field key",
};
const missing = (id: string) => notFound({ 'zh-CN': `记录 ${id}`, en: `record ${id}` });
const formParams = {
  type: 'object',
  properties: { formId: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['formId'],
} as const;

/** A record the caller may see, or 404 (records outside one's scope do not exist for them). */
async function visibleRecord(store: Store, request: FastifyRequest, id: string): Promise<StoredRecord> {
  const record = await store.records.get(id).catch(() => undefined);
  if (!record || record.deletedAt || !(await canSee(store, requireUser(request).user, record)))
    throw missing(id);
  return record;
}

const notYours = () =>
  new ApiError(403, 'forbidden', {
    'zh-CN': '只有记录的填写人或管理员可以修改它',
    en: "only the record's owner or an admin can change it",
  });

async function changeableRecord(store: Store, request: FastifyRequest, id: string): Promise<StoredRecord> {
  const record = await visibleRecord(store, request, id);
  if (!canChange(requireUser(request).user, record)) throw notYours();
  return record;
}

/** Who writes and owns a new record: the caller, or — for those who see everyone's records — the named owner. */
async function writerFor(store: Store, user: User, ownerId: string | undefined): Promise<RecordWriter> {
  const owner = ownerId ?? user.id;
  if (owner !== user.id && recordScopeOf(user) !== 'all')
    throw new ApiError(403, 'forbidden', {
      'zh-CN': '只能以自己的名义填写记录',
      en: 'you can enter records only in your own name',
    });
  const person = owner === user.id ? user : await store.people.getUser(owner);
  return { actor: user.id, ownerId: owner, orgUnitId: person.orgUnitId };
}

/** The form's published state must be visible to the caller before its records are. */
async function requireForm(store: Store, request: FastifyRequest, formId: string): Promise<void> {
  const info = await store.definitions.getInfo(formId).catch(() => undefined);
  const designer = requireUser(request).capabilities.has('definitions.write');
  if (info?.kind !== 'form' || (!designer && info.state !== 'published'))
    throw notFound({ 'zh-CN': `表单 ${formId}`, en: `form ${formId}` });
}

/** Records of forms: enter, list (filtered, sorted, paged, within the caller's scope), read, change, delete, history. */
export function recordRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  const tags = ['records'];
  const changed = (type: RecordEvent['type'], record: StoredRecord) =>
    announce(app, bus, {
      type,
      formId: record.formId,
      recordId: record.id,
      ownerId: record.ownerId,
      orgUnitId: record.orgUnitId,
    });

  app.post<{ Params: { formId: string }; Body: { data: Record<string, unknown>; ownerId?: string } }>(
    '/api/forms/:formId/records',
    {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: "Enter a record against the form's published version (validated on the server)",
        params: formParams,
        body: {
          type: 'object',
          properties: { data: dataSchema, ownerId: { type: 'string', minLength: 1 } },
          required: ['data'],
          additionalProperties: false,
        },
        response: { 201: recordSchema },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      await requireForm(store, request, request.params.formId);
      const record = await store.records.insert(
        request.params.formId,
        request.body.data,
        await writerFor(store, user, request.body.ownerId),
      );
      changed('record.created', record);
      return reply.status(201).send(record);
    },
  );

  app.post<{
    Params: { formId: string };
    Body: { keyField: string; data: Record<string, unknown>; ownerId?: string };
  }>(
    '/api/forms/:formId/records/upsert',
    {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Insert a record, or update the one whose keyField has the same value (how an ERP pushes)',
        params: formParams,
        body: {
          type: 'object',
          properties: {
            keyField: { type: 'string', minLength: 1, maxLength: 200 },
            data: dataSchema,
            ownerId: { type: 'string', minLength: 1 },
          },
          required: ['keyField', 'data'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { outcome: { enum: ['inserted', 'updated', 'unchanged'] }, record: recordSchema },
          },
        },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      await requireForm(store, request, request.params.formId);
      const writer = await writerFor(store, user, request.body.ownerId);
      const result = await upsertRecord(
        store,
        request.params.formId,
        request.body.keyField,
        request.body.data,
        writer,
        async (existing) => {
          if (!(await canSee(store, user, existing))) throw missing(existing.id);
          if (!canChange(user, existing)) throw notYours();
        },
      );
      if (result.outcome !== 'unchanged')
        changed(result.outcome === 'inserted' ? 'record.created' : 'record.updated', result.record);
      return result;
    },
  );

  app.get<{
    Params: { formId: string };
    Querystring: { filter?: string; sort?: string; offset?: number; limit?: number };
  }>(
    '/api/forms/:formId/records',
    {
      config: { access: 'records.read' },
      schema: {
        tags,
        summary:
          'Records of a form within your scope; filter is a formula, sort is "field" or "-field", comma-separated',
        params: formParams,
        querystring: {
          type: 'object',
          properties: {
            filter: { type: 'string', maxLength: 2000 },
            sort: { type: 'string', maxLength: 500 },
            offset: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { total: { type: 'integer' }, records: { type: 'array', items: recordSchema } },
          },
        },
      },
    },
    async (request) => {
      await requireForm(store, request, request.params.formId);
      const ownerIds = await visibleOwnerIds(store, requireUser(request).user);
      const { filter, sort, offset, limit } = request.query;
      return store.records.list(request.params.formId, {
        ...(filter ? { filter } : {}),
        ...(sort
          ? {
              sort: sort.split(',').map((part) => {
                const field = part.trim();
                return field.startsWith('-')
                  ? { field: field.slice(1), direction: 'desc' as const }
                  : { field, direction: 'asc' as const };
              }),
            }
          : {}),
        ...(offset === undefined ? {} : { offset }),
        ...(limit === undefined ? {} : { limit }),
        ...(ownerIds ? { ownerIds } : {}),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/records/:id',
    {
      config: { access: 'records.read' },
      schema: { tags, summary: 'A record', params: idParams, response: { 200: recordSchema } },
    },
    async (request) => visibleRecord(store, request, request.params.id),
  );

  app.put<{ Params: { id: string }; Body: { data: Record<string, unknown>; baseRevision: number } }>(
    '/api/records/:id',
    {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Change a record; a stale baseRevision answers 409',
        params: idParams,
        body: {
          type: 'object',
          properties: { data: dataSchema, baseRevision: { type: 'integer', minimum: 1 } },
          required: ['data', 'baseRevision'],
          additionalProperties: false,
        },
        response: { 200: recordSchema },
      },
    },
    async (request) => {
      await changeableRecord(store, request, request.params.id);
      const record = await store.records.update(request.params.id, request.body.data, {
        actor: requireUser(request).user.id,
        baseRevision: request.body.baseRevision,
      });
      changed('record.updated', record);
      return record;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/records/:id',
    {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Delete a record (its history is kept)', params: idParams },
    },
    async (request, reply) => {
      const record = await changeableRecord(store, request, request.params.id);
      await store.records.delete(request.params.id, { actor: requireUser(request).user.id });
      changed('record.deleted', record);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/records/:id/history',
    {
      config: { access: 'records.read' },
      schema: {
        tags,
        summary: 'Every revision of a record, oldest first',
        params: idParams,
        response: { 200: { type: 'array', items: recordRevisionSchema } },
      },
    },
    async (request) => {
      await visibleRecord(store, request, request.params.id);
      return store.records.history(request.params.id);
    },
  );
}
