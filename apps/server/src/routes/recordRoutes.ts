import type { Store, StoredRecord } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { upsertRecord } from '../connectors/upsertRecord.ts';
import type { EventBus, RecordEvent } from '../events/ChangeEvent.ts';
import { guardForForm, keepHidden, requireChangeable, shown, writerFor } from '../permissions/formGuard.ts';
import { formulaFields, refuseHiddenReads, refuseHiddenWrites } from '../permissions/hiddenFields.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';
import { announce } from './eventRoutes.ts';
import { formIdParams, recordSchema } from './schemas.ts';

/** The record's values, by field key. */
export const dataSchema = {
  type: 'object',
  additionalProperties: true,
  description: "The record's values, by field key",
};

/** `field,-other` → sort keys. */
function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' }[] {
  return sort.split(',').map((part) => {
    const field = part.trim();
    return field.startsWith('-') ? { field: field.slice(1), direction: 'desc' } : { field, direction: 'asc' };
  });
}

/** Records of a form: enter, upsert by a key field, list (filtered, sorted, paged, within the caller's scope). */
export function recordRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  const tags = ['records'];
  const changed = (type: RecordEvent['type'], record: StoredRecord) =>
    announce(app, bus, {
      type,
      formId: record.formId,
      recordId: record.id,
      ownerId: record.ownerId,
      orgUnitId: record.orgUnitId,
      revision: record.revision,
    });

  app.post<{ Params: { formId: string }; Body: { data: Record<string, unknown>; ownerId?: string } }>(
    '/api/forms/:formId/records',
    {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: "Enter a record against the form's published version (validated on the server)",
        params: formIdParams,
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
      const guard = await guardForForm(store, request, request.params.formId);
      refuseHiddenWrites(request.body.data, guard.hidden);
      const writer = await writerFor(store, guard, request.body.ownerId);
      const record = await store.records.insert(request.params.formId, request.body.data, writer);
      changed('record.created', record);
      return reply.status(201).send(shown(record, guard));
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
        params: formIdParams,
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
      const guard = await guardForForm(store, request, request.params.formId);
      const { keyField, data, ownerId } = request.body;
      refuseHiddenReads([keyField], guard.hidden);
      refuseHiddenWrites(data, guard.hidden);
      const writer = await writerFor(store, guard, ownerId);
      const result = await upsertRecord(
        store,
        request.params.formId,
        keyField,
        data,
        writer,
        await visibleOwnerIds(store, guard.user, guard.access),
        async (existing) => {
          await requireChangeable(store, guard, existing);
          return keepHidden(existing.data, data, guard);
        },
      );
      if (result.outcome !== 'unchanged')
        changed(result.outcome === 'inserted' ? 'record.created' : 'record.updated', result.record);
      return { outcome: result.outcome, record: shown(result.record, guard) };
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
        params: formIdParams,
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
      const guard = await guardForForm(store, request, request.params.formId);
      const { filter, sort, offset, limit } = request.query;
      const sortKeys = sort ? parseSort(sort) : undefined;
      // Filtering or sorting on a hidden field would reveal it.
      refuseHiddenReads(
        [...formulaFields(filter), ...(sortKeys ?? []).map((key) => key.field)],
        guard.hidden,
      );
      const ownerIds = await visibleOwnerIds(store, guard.user, guard.access);
      const page = await store.records.list(request.params.formId, {
        ...(filter ? { filter } : {}),
        ...(sortKeys ? { sort: sortKeys } : {}),
        ...(offset === undefined ? {} : { offset }),
        ...(limit === undefined ? {} : { limit }),
        ...(ownerIds ? { ownerIds } : {}),
      });
      return { total: page.total, records: page.records.map((record) => shown(record, guard)) };
    },
  );
}
