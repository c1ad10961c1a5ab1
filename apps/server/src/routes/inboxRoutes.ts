import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { ApiError, notFound } from '../http/ApiError.ts';
import type { WorkflowHost } from '../workflows/hostWorkflows.ts';
import { idParams } from './schemas.ts';

/** A workflow's published (else latest) title; undefined when it has none or is gone. */
async function workflowTitle(store: Store, workflowId: string): Promise<unknown> {
  const info = await store.definitions.getInfo(workflowId).catch(() => undefined);
  if (!info) return undefined;
  const { content } = await store.definitions.get(workflowId, info.publishedVersion ?? info.headVersion);
  return content.title;
}

/** The caller's inbox (workflow messages), alerts assigned to them (acknowledge) and approval tasks (decide). */
export function inboxRoutes(app: FastifyInstance, store: Store, workflows: WorkflowHost | undefined): void {
  const tags = ['inbox'];

  app.get<{ Querystring: { unread?: boolean } }>(
    '/api/inbox',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your workflow messages, newest first',
        querystring: {
          type: 'object',
          properties: { unread: { type: 'boolean' } },
          additionalProperties: false,
        },
      },
    },
    async (request) =>
      store.workflows.inbox.list(requireUser(request).user.id, { unreadOnly: request.query.unread ?? false }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/inbox/:id/read',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Mark one of your messages read', params: idParams },
    },
    async (request, reply) => {
      await store.workflows.inbox.markRead(request.params.id, requireUser(request).user.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/alerts',
    {
      config: { access: 'user' },
      schema: { tags, summary: "Alerts assigned to you (admins: all), each with its workflow's title" },
    },
    async (request) => {
      const { user, capabilities } = requireUser(request);
      const alerts = await store.workflows.alerts.list(
        capabilities.has('audit.read') ? {} : { assigneeId: user.id },
      );
      const titles = new Map<string, unknown>();
      for (const workflowId of new Set(alerts.map((alert) => alert.workflowId)))
        titles.set(workflowId, await workflowTitle(store, workflowId));
      return alerts.map((alert) => {
        const title = titles.get(alert.workflowId);
        return title === undefined ? alert : { ...alert, title };
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/alerts/:id/acknowledge',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Acknowledge an alert assigned to you; the response time is kept',
        params: idParams,
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      const alert = await store.workflows.alerts.get(request.params.id).catch(() => undefined);
      if (!alert || (alert.assigneeId !== user.id && !user.roles.includes('admin')))
        throw notFound({ 'zh-CN': `提醒 ${request.params.id}`, en: `alert ${request.params.id}` });
      // Any server can record this: it is a store write, not an engine step.
      return store.workflows.alerts.acknowledge(alert.id, user.id);
    },
  );

  app.get(
    '/api/approvals',
    { config: { access: 'user' }, schema: { tags, summary: 'Approval tasks waiting for your decision' } },
    async (request) => store.workflows.approvals.list({ pendingFor: requireUser(request).user.id }),
  );

  app.post<{ Params: { id: string }; Body: { decision: 'approve' | 'reject'; comment?: string } }>(
    '/api/approvals/:id/decide',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Approve or reject a task assigned to you; a second decision answers 409',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            decision: { enum: ['approve', 'reject'] },
            comment: { type: 'string', maxLength: 2000 },
          },
          required: ['decision'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      if (!workflows)
        throw new ApiError(409, 'workflowsOff', {
          'zh-CN': '这台服务器没有运行流程引擎，请在运行流程的服务器上审批',
          en: 'this server does not run the workflow engine; decide on the server that does',
        });
      const { decision, comment } = request.body;
      return workflows.engine.decide(
        request.params.id,
        user.id,
        decision,
        ...(comment === undefined ? [] : [comment]),
      );
    },
  );
}
