import type { SavedImportMapping, Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/ApiError.ts';
import { guardForForm } from '../permissions/formGuard.ts';
import { isHidden } from '../permissions/hiddenFields.ts';

const mappingSchema = {
  type: 'object',
  properties: {
    signature: { type: 'string' },
    headers: { type: 'array', items: { type: 'string' } },
    fields: { type: 'array', items: { type: ['string', 'null'] } },
    updatedAt: { type: 'string' },
    updatedBy: { type: 'string' },
  },
  required: ['signature', 'headers', 'fields', 'updatedAt', 'updatedBy'],
  additionalProperties: false,
} as const;

const mappingParams = {
  type: 'object',
  properties: {
    formId: { type: 'string', minLength: 1, maxLength: 200 },
    signature: { type: 'string', pattern: '^[0-9a-f]{1,64}$' },
  },
  required: ['formId'],
} as const;

/** A saved mapping as one importer sees it: fields hidden from them read as "not imported". */
const shown = (mapping: SavedImportMapping, hidden: ReadonlySet<string>) => ({
  signature: mapping.signature,
  headers: mapping.headers,
  fields: mapping.fields.map((field) => (field !== null && isHidden(field, hidden) ? null : field)),
  updatedAt: mapping.updatedAt,
  updatedBy: mapping.updatedBy,
});

/**
 * The column mappings imports saved for a form (an import saves the mapping its importer chose for
 * the file's header row; the next file with those headers gets it): list them, or forget one. The
 * same people who may import into the form may do both.
 */
export function importMappingRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { formId: string } }>(
    '/api/forms/:formId/import-mappings',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: "A form's saved import column mappings, most recently saved first",
        params: mappingParams,
        response: {
          200: {
            type: 'object',
            properties: { mappings: { type: 'array', items: mappingSchema } },
            required: ['mappings'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const guard = await guardForForm(store, request, request.params.formId);
      const saved = await store.importMappings.list(request.params.formId);
      return { mappings: saved.map((mapping) => shown(mapping, guard.hidden)) };
    },
  );

  app.delete<{ Params: { formId: string; signature: string } }>(
    '/api/forms/:formId/import-mappings/:signature',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Forget a saved import column mapping (the next file with its headers is matched by label)',
        params: { ...mappingParams, required: ['formId', 'signature'] },
      },
    },
    async (request, reply) => {
      const guard = await guardForForm(store, request, request.params.formId);
      const { formId, signature } = request.params;
      if (!(await store.importMappings.remove(formId, signature, guard.user.id)))
        throw notFound({ 'zh-CN': `保存的列对应 ${signature}`, en: `saved column mapping ${signature}` });
      return reply.status(204).send();
    },
  );
}
