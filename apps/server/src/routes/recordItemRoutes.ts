import type { Store, StoredRecord } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import type { EventBus } from '../events/ChangeEvent.ts';
import { changeableRecord, keepHidden, shown, visibleRecord } from '../permissions/formGuard.ts';
import { refuseHiddenWrites } from '../permissions/hiddenFields.ts';
import { announce } from './eventRoutes.ts';
import { dataSchema } from './recordRoutes.ts';
import { idParams, recordRevisionSchema, recordSchema } from './schemas.ts';

/** One record: read, change (with conflict detection), delete (history kept), history — hidden fields never shown. */
export function recordItemRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  const tags = ['records'];
  const changed = (type: 'record.updated' | 'record.deleted', record: StoredRecord, revision: number) =>
    announce(app, bus, {
      type,
      formId: record.formId,
      recordId: record.id,
      ownerId: record.ownerId,
      orgUnitId: record.orgUnitId,
      revision,
    });

  app.get<{ Params: { id: string } }>(
    '/api/records/:id',
    {
      config: { access: 'records.read' },
      schema: { tags, summary: 'A record', params: idParams, response: { 200: recordSchema } },
    },
    async (request) => {
      const { record, guard } = await visibleRecord(store, request, request.params.id);
      return shown(record, guard);
    },
  );

  app.put<{ Params: { id: string }; Body: { data: Record<string, unknown>; baseRevision: number } }>(
    '/api/records/:id',
    {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary:
          'Change a record; a stale baseRevision answers 409; fields hidden from you keep their values',
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
      const { record: current, guard } = await changeableRecord(store, request, request.params.id);
      refuseHiddenWrites(request.body.data, guard.hidden);
      const record = await store.records.update(
        request.params.id,
        keepHidden(current.data, request.body.data, guard),
        {
          actor: guard.user.id,
          baseRevision: request.body.baseRevision,
        },
      );
      changed('record.updated', record, record.revision);
      return shown(record, guard);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/records/:id',
    {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Delete a record (its history is kept)', params: idParams },
    },
    async (request, reply) => {
      const { record } = await changeableRecord(store, request, request.params.id);
      await store.records.delete(request.params.id, { actor: requireUser(request).user.id });
      // A deletion is a revision of its own (the history keeps it).
      changed('record.deleted', record, record.revision + 1);
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
      const { guard } = await visibleRecord(store, request, request.params.id);
      return (await store.records.history(request.params.id)).map((revision) => shown(revision, guard));
    },
  );
}
