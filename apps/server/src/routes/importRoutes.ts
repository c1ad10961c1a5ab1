import type { Readable } from 'node:stream';
import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/ChangeEvent.ts';
import { ApiError } from '../http/ApiError.ts';
import { localeOf } from '../http/locale.ts';
import type { ColumnMapping } from '../imports/columnMapping.ts';
import { importAnswer } from '../imports/importAnswer.ts';
import { inferForm } from '../imports/inferForm.ts';
import type { TableEncoding } from '../imports/readTable.ts';
import { type ImportMode, type OnInvalid, runImport } from '../imports/runImport.ts';
import type { SavedMappingUse } from '../imports/savedMappings.ts';
import { MAX_IMPORT_BYTES, uploadedTable, XLSX_TYPE } from '../imports/uploadedTable.ts';
import { guardForForm } from '../permissions/formGuard.ts';
import { announce } from './eventRoutes.ts';
import { importMappingRoutes } from './importMappingRoutes.ts';
import { formIdParams } from './schemas.ts';

function parseMapping(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !value.every((item) => item === null || typeof item === 'string'))
    throw new ApiError(
      400,
      'invalidRequest',
      {
        'zh-CN': 'mapping 应是 JSON 数组，每列一个字段名或 null',
        en: 'mapping must be a JSON array with a field name or null per column',
      },
      [{ pointer: '/querystring/mapping' }],
    );
  return value as ColumnMapping;
}

/**
 * Imports a CSV or XLSX file into a form's records: the body is the file itself (text/csv or the
 * XLSX type), streamed. `mode=dryRun` reports every bad row and cell and writes nothing; `commit`
 * writes in one transaction — nothing when any row is bad (`onInvalid=rejectAll`), or the valid rows
 * with the rejected ones handed back as CSV (`skipInvalid`). Columns follow the request's `mapping`,
 * else the mapping saved for the file's header row (unless `savedMapping=ignore`), else their labels;
 * a commit with a mapping of the importer's own saves it for the next file with those headers.
 * `fileName` names the file in the commit's audit entry.
 */
export function importRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  app.addContentTypeParser(['text/csv', XLSX_TYPE], (_request, payload, done) => done(null, payload));
  importMappingRoutes(app, store);

  app.post<{
    Params: { formId: string };
    Querystring: {
      mode: ImportMode;
      onInvalid: OnInvalid;
      encoding: TableEncoding;
      mapping?: string;
      savedMapping: SavedMappingUse;
      fileName?: string;
    };
    Body: Readable;
  }>(
    '/api/forms/:formId/imports',
    {
      config: { access: 'records.write' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['records'],
        summary:
          'Import a CSV or XLSX file (the request body): dry run, or commit all-or-nothing / valid rows only',
        params: formIdParams,
        querystring: {
          type: 'object',
          properties: {
            mode: { enum: ['dryRun', 'commit'], default: 'dryRun' },
            onInvalid: { enum: ['rejectAll', 'skipInvalid'], default: 'rejectAll' },
            encoding: { enum: ['utf-8', 'gb18030'], default: 'utf-8' },
            mapping: { type: 'string', maxLength: 20_000 },
            savedMapping: { enum: ['apply', 'ignore'], default: 'apply' },
            fileName: { type: 'string', minLength: 1, maxLength: 255 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const guard = await guardForForm(store, request, request.params.formId);
      const { user } = guard;
      const { formId } = request.params;
      const mapping = parseMapping(request.query.mapping);
      const { fileName } = request.query;
      const { report, rejected } = await runImport(store, {
        formId,
        table: uploadedTable(request, request.query.encoding),
        ...(mapping ? { mapping } : {}),
        savedMappings: request.query.savedMapping,
        mode: request.query.mode,
        onInvalid: request.query.onInvalid,
        writer: { actor: user.id, ownerId: user.id, orgUnitId: user.orgUnitId },
        hidden: guard.hidden,
        locale: localeOf(request.headers['accept-language']),
        origin: { via: 'api', ...(fileName ? { fileName } : {}) },
        onProgress: (rows) => announce(app, bus, { type: 'import.progress', formId, userId: user.id, rows }),
      });
      if (report.inserted > 0)
        announce(app, bus, {
          type: 'records.imported',
          formId,
          recordId: '',
          ownerId: user.id,
          orgUnitId: user.orgUnitId,
        });
      // Streamed: the rejected rows' CSV goes out of its temporary file, never whole in memory.
      return reply.type('application/json; charset=utf-8').send(importAnswer(report, rejected));
    },
  );

  app.post<{ Querystring: { id: string; title: string; encoding: TableEncoding }; Body: Readable }>(
    '/api/forms/infer',
    {
      config: { access: 'definitions.write' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['definitions'],
        summary: 'Guess a draft form from a CSV or XLSX file: a field per column, typed by its values',
        querystring: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
            title: { type: 'string', minLength: 1, maxLength: 200 },
            encoding: { enum: ['utf-8', 'gb18030'], default: 'utf-8' },
          },
          required: ['id', 'title'],
          additionalProperties: false,
        },
      },
    },
    async (request) =>
      inferForm(uploadedTable(request, request.query.encoding), request.query.id, request.query.title),
  );
}
