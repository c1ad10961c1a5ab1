import type { Store } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { openBoard } from '../dashboards/widgetData.ts';
import type { FilterValue } from '../dashboards/widgetFilters.ts';
import { toApiError } from '../http/errorHandler.ts';
import { localeOf } from '../http/locale.ts';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const filtersSchema = {
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
} as const;
const idSchema = { type: 'string', minLength: 1 } as const;

type Filters = Record<string, FilterValue>;

/**
 * `POST /api/dashboards/:id/widgets/:widgetId/data`: runs one widget's query with the dashboard's
 * filters, for a viewer the dashboard is shared with, over the records that viewer may see.
 * `POST /api/dashboards/:id/data`: the same for many widgets of the board in one request — the board,
 * its sharing and the viewer's record scopes are looked up once — answering each widget with its rows
 * or its own error, so one failing widget does not blank the others.
 */
export function dashboardRoutes(app: FastifyInstance, store: Store, now: () => number = Date.now): void {
  app.post<{ Params: { id: string; widgetId: string }; Body: { filters?: Filters } }>(
    '/api/dashboards/:id/widgets/:widgetId/data',
    {
      config: { access: 'queries.run' },
      schema: {
        tags: ['dashboards'],
        summary: "A widget's rows, with the dashboard filters, within the viewer's record scope",
        params: {
          type: 'object',
          properties: { id: idSchema, widgetId: idSchema },
          required: ['id', 'widgetId'],
        },
        body: { type: 'object', properties: { filters: filtersSchema }, additionalProperties: false },
      },
    },
    async (request) => {
      const { user, capabilities } = requireUser(request);
      const viewer = { user, designer: capabilities.has('definitions.write') };
      const board = await openBoard(store, viewer, request.params.id, request.body?.filters ?? {}, now());
      return { rows: await board.rows(request.params.widgetId) };
    },
  );

  app.post<{ Params: { id: string }; Body: { widgetIds?: string[]; filters?: Filters } }>(
    '/api/dashboards/:id/data',
    {
      config: { access: 'queries.run' },
      schema: {
        tags: ['dashboards'],
        summary: "Many widgets' rows in one request (all query widgets when widgetIds is left out)",
        params: { type: 'object', properties: { id: idSchema }, required: ['id'] },
        body: {
          type: 'object',
          properties: {
            widgetIds: { type: 'array', items: idSchema, maxItems: 200 },
            filters: filtersSchema,
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { user, capabilities } = requireUser(request);
      const viewer = { user, designer: capabilities.has('definitions.write') };
      const board = await openBoard(store, viewer, request.params.id, request.body?.filters ?? {}, now());
      const ids =
        request.body?.widgetIds ??
        board.dashboard.widgets.flatMap((w) => ('query' in w && w.query ? [w.id] : []));
      const locale = localeOf(request.headers['accept-language']);
      const unique = [...new Set(ids)];
      const answered = await board.answers(unique);
      const answers = unique.map((widgetId, i) => {
        const answer = answered[i] ?? { error: new Error('no answer') };
        if ('rows' in answer) return [widgetId, { rows: answer.rows }] as const;
        const apiError = toApiError(answer.error);
        if (apiError.statusCode >= 500)
          request.log.error({ err: answer.error, widgetId }, 'widget data failed');
        const details = apiError.details === undefined ? {} : { details: apiError.details };
        const message = apiError.messages[locale];
        return [
          widgetId,
          { error: { status: apiError.statusCode, code: apiError.code, message, ...details } },
        ] as const;
      });
      return { widgets: Object.fromEntries(answers) };
    },
  );
}
