import { type DashboardQuery, dashboardQuerySchema } from '@formboard/schema';
import type { QueryFilters, Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { guardForForm } from '../permissions/formGuard.ts';
import { queryFields, refuseHiddenReads } from '../permissions/hiddenFields.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';

const ids = { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 1000 } as const;
const filtersSchema = {
  type: 'object',
  properties: {
    dateRange: {
      type: 'object',
      properties: {
        field: { type: 'string', minLength: 1 },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
      },
      required: ['field'],
      additionalProperties: false,
    },
    ownerIds: ids,
    orgUnitIds: ids,
  },
  additionalProperties: false,
} as const;

/** Narrows requested owners to the ones the caller may see (undefined = no narrowing). */
export function scoped(requested: readonly string[] | undefined, visible: readonly string[] | undefined) {
  if (!visible) return requested;
  if (!requested) return visible;
  const allowed = new Set(visible);
  return requested.filter((id) => allowed.has(id));
}

/** Runs a dashboard query over the records the caller may see; aggregation happens in the database. */
export function queryRoutes(app: FastifyInstance, store: Store): void {
  app.post<{ Body: { query: DashboardQuery; filters?: QueryFilters } }>(
    '/api/queries',
    {
      config: { access: 'queries.run' },
      schema: {
        tags: ['dashboards'],
        summary: "Run a dashboard query (the model of a widget's query) within your record scope",
        body: {
          type: 'object',
          properties: { query: dashboardQuerySchema, filters: filtersSchema },
          required: ['query'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { rows: { type: 'array', items: { type: 'object', additionalProperties: true } } },
          },
        },
      },
    },
    async (request) => {
      const { query, filters = {} } = request.body;
      const guard = await guardForForm(store, request, query.source);
      // A date range on a hidden field would reveal it by counting records in and out of ranges.
      refuseHiddenReads(
        [...queryFields(query), ...(filters.dateRange ? [filters.dateRange.field] : [])],
        guard.hidden,
      );
      const ownerIds = scoped(filters.ownerIds, await visibleOwnerIds(store, guard.user, guard.access));
      const rows = await store.queries.run(query, { ...filters, ...(ownerIds ? { ownerIds } : {}) });
      return { rows };
    },
  );
}
