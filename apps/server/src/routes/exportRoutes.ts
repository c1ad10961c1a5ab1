import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { localeOf } from '../http/locale.ts';
import { exportCsv, exportRows, exportXlsx } from '../imports/exportRecords.ts';
import { guardForForm } from '../permissions/formGuard.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';
import { formIdParams } from './schemas.ts';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `GET /api/forms/:formId/records/export?format=csv|xlsx`: the records in the caller's scope, streamed. */
export function exportRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { formId: string }; Querystring: { format: 'csv' | 'xlsx' } }>(
    '/api/forms/:formId/records/export',
    {
      config: { access: 'records.read' },
      schema: {
        tags: ['records'],
        summary: 'Export records as CSV or XLSX (formula-looking text is neutralised)',
        params: formIdParams,
        querystring: {
          type: 'object',
          properties: { format: { enum: ['csv', 'xlsx'], default: 'csv' } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const { formId } = request.params;
      const guard = await guardForForm(store, request, formId);
      const ownerIds = await visibleOwnerIds(store, guard.user, guard.access);
      const rows = exportRows(
        store,
        formId,
        { ownerIds, hidden: guard.hidden },
        localeOf(request.headers['accept-language']),
      );
      // Read the header row before answering, so a broken form still gets a proper error body.
      const first = await rows.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      const format = request.query.format;
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': TYPES[format],
        'content-disposition': `attachment; filename="${encodeURIComponent(formId)}.${format}"`,
      });
      try {
        if (format === 'csv') await exportCsv(reply.raw, all());
        else await exportXlsx(reply.raw, all(), formId);
      } catch (error) {
        request.log.error({ err: error }, 'export failed midway');
        reply.raw.destroy(error as Error);
      }
    },
  );
}
