import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { auditEntrySchema } from './schemas.ts';

/** The audit log (newest first, paged by sequence number) and the check of its hash chain. */
export function auditRoutes(app: FastifyInstance, store: Store): void {
  const tags = ['audit'];

  app.get<{ Querystring: { entityType?: string; entityId?: string; limit?: number; beforeSeq?: number } }>(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit entries, newest first; page with beforeSeq',
        querystring: {
          type: 'object',
          properties: {
            entityType: { type: 'string' },
            entityId: { type: 'string' },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            beforeSeq: { type: 'integer', minimum: 1 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: auditEntrySchema } },
      },
    },
    (request) => store.audit({ limit: 100, ...request.query }),
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Recompute the hash chain; names the first broken entry',
        response: {
          200: {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              entries: { type: 'integer' },
              brokenAt: { type: 'integer' },
              reason: { type: 'string', enum: ['hash', 'link'] },
            },
            required: ['ok', 'entries'],
          },
        },
      },
    },
    () => store.verifyAudit(),
  );
}
