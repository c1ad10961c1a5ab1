import type { DashboardDefinition } from '@formboard/schema';
import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { canViewDashboard } from '../dashboards/dashboardAccess.ts';
import { type FilterValue, widgetFilters } from '../dashboards/widgetFilters.ts';
import { ApiError, notFound } from '../http/ApiError.ts';
import { formAccessOf } from '../permissions/formAccess.ts';
import { hiddenFieldsOf, queryFields, refuseHiddenReads } from '../permissions/hiddenFields.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';
import { scoped } from './queryRoutes.ts';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/**
 * `POST /api/dashboards/:id/widgets/:widgetId/data`: runs one widget's query with the dashboard's
 * filters, for a viewer the dashboard is shared with, over the records that viewer may see.
 */
export function dashboardRoutes(app: FastifyInstance, store: Store, now: () => number = Date.now): void {
  app.post<{ Params: { id: string; widgetId: string }; Body: { filters?: Record<string, FilterValue> } }>(
    '/api/dashboards/:id/widgets/:widgetId/data',
    {
      config: { access: 'queries.run' },
      schema: {
        tags: ['dashboards'],
        summary: "A widget's rows, with the dashboard filters, within the viewer's record scope",
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1 }, widgetId: { type: 'string', minLength: 1 } },
          required: ['id', 'widgetId'],
        },
        body: {
          type: 'object',
          properties: {
            filters: {
              type: 'object',
              additionalProperties: {
                anyOf: [
                  { type: 'string', maxLength: 100 },
                  { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 1000 },
                  {
                    type: 'object',
                    properties: { from: day, to: day },
                    required: ['from', 'to'],
                    additionalProperties: false,
                  },
                ],
              },
            },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { user, capabilities } = requireUser(request);
      const { id, widgetId } = request.params;
      const info = await store.definitions.getInfo(id).catch(() => undefined);
      const designer = capabilities.has('definitions.write');
      const missing = notFound({ 'zh-CN': `看板 ${id}`, en: `dashboard ${id}` });
      if (info?.kind !== 'dashboard' || (!designer && info.state !== 'published')) throw missing;
      const version = designer ? info.headVersion : (info.publishedVersion ?? info.headVersion);
      const dashboard = (await store.definitions.get(id, version)).content as unknown as DashboardDefinition;
      if (!(await canViewDashboard(store, user, info, dashboard))) throw missing;
      const widget = dashboard.widgets.find((w) => w.id === widgetId);
      if (!widget) throw notFound({ 'zh-CN': `组件 ${widgetId}`, en: `widget ${widgetId}` });
      if (!('query' in widget) || !widget.query)
        throw new ApiError(422, 'noQuery', {
          'zh-CN': `组件 ${widgetId} 没有数据查询`,
          en: `widget ${widgetId} has no query`,
        });
      const filters = await widgetFilters(
        store,
        user,
        dashboard,
        widget.query,
        request.body?.filters ?? {},
        now(),
      );
      const access = await formAccessOf(store, widget.query.source);
      refuseHiddenReads(
        [...queryFields(widget.query), ...(filters.dateRange ? [filters.dateRange.field] : [])],
        hiddenFieldsOf(user, access),
      );
      const ownerIds = scoped(filters.ownerIds, await visibleOwnerIds(store, user, access));
      return {
        rows: await store.queries.run(widget.query, { ...filters, ...(ownerIds ? { ownerIds } : {}) }),
      };
    },
  );
}
