import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { notFound } from '../http/ApiError.ts';
import { idParams } from './schemas.ts';

/**
 * `GET /api/workflows/:id/runs`: a workflow's run history for those who design workflows. A run's
 * context holds the values of the record that started it, so only admins (who see every record) get
 * it; designers see status, steps, errors and times.
 */
export function workflowRunRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { id: string } }>(
    '/api/workflows/:id/runs',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags: ['workflows'],
        summary: 'A workflow’s runs, oldest first (with their context for admins)',
        params: idParams,
      },
    },
    async (request) => {
      const info = await store.definitions.getInfo(request.params.id).catch(() => undefined);
      if (info?.kind !== 'workflow')
        throw notFound({ 'zh-CN': `流程 ${request.params.id}`, en: `workflow ${request.params.id}` });
      const seesRecords = requireUser(request).capabilities.has('audit.read');
      const runs = await store.workflows.runs.list(info.id);
      return runs.map(({ context, ...run }) => (seesRecords ? { ...run, context } : run));
    },
  );
}
