import type { DashboardDefinition, DashboardQuery, FormAccess } from '@formboard/schema';
import type { QueryAnswer, QueryFilters, QueryRow, Store, User } from '@formboard/storage';
import { ApiError, notFound } from '../http/ApiError.ts';
import { formAccessOf } from '../permissions/formAccess.ts';
import { hiddenFieldsOf, queryFields, refuseHiddenReads } from '../permissions/hiddenFields.ts';
import { visibleOwnerIds } from '../permissions/recordScope.ts';
import { scoped } from '../routes/queryRoutes.ts';
import { canViewDashboard } from './dashboardAccess.ts';
import { type FilterValue, widgetFilters } from './widgetFilters.ts';

type Widget = DashboardDefinition['widgets'][number];

/** What a viewer may see of one source form: its access rules and the owners of visible records. */
interface FormView {
  readonly access: FormAccess | undefined;
  readonly ownerIds: readonly string[] | undefined;
}

/** A dashboard opened by one viewer with one set of filter values: answers its widgets' data. */
export interface BoardView {
  /** The rows of one widget's query, within the viewer's scope; throws ApiError like the route. */
  rows(widgetId: string): Promise<QueryRow[]>;
  /** The rows of several widgets' queries, or each one's own error, run together by the store. */
  answers(widgetIds: readonly string[]): Promise<QueryAnswer[]>;
  readonly dashboard: DashboardDefinition;
}

/**
 * Opens a dashboard for a viewer: the version they may see (designers the head, others the
 * published one), if it is shared with them — 404 otherwise, the same as a board that does not
 * exist. Widgets' answers then share the per-form access rules and record scopes they need.
 */
export async function openBoard(
  store: Store,
  viewer: { readonly user: User; readonly designer: boolean },
  id: string,
  values: Readonly<Record<string, FilterValue>>,
  nowMs: number,
): Promise<BoardView> {
  const { user, designer } = viewer;
  const info = await store.definitions.getInfo(id).catch(() => undefined);
  const missing = notFound({ 'zh-CN': `看板 ${id}`, en: `dashboard ${id}` });
  if (info?.kind !== 'dashboard' || (!designer && info.state !== 'published')) throw missing;
  const version = designer ? info.headVersion : (info.publishedVersion ?? info.headVersion);
  const dashboard = (await store.definitions.get(id, version)).content as unknown as DashboardDefinition;
  if (!(await canViewDashboard(store, user, info, dashboard))) throw missing;

  const forms = new Map<string, Promise<FormView>>();
  const formView = (source: string) => {
    let view = forms.get(source);
    if (!view) {
      view = formAccessOf(store, source).then(async (access) => ({
        access,
        ownerIds: await visibleOwnerIds(store, user, access),
      }));
      forms.set(source, view);
    }
    return view;
  };

  const queryOf = (widgetId: string): DashboardQuery => {
    const widget: Widget | undefined = dashboard.widgets.find((w) => w.id === widgetId);
    if (!widget) throw notFound({ 'zh-CN': `组件 ${widgetId}`, en: `widget ${widgetId}` });
    if (!('query' in widget) || !widget.query)
      throw new ApiError(422, 'noQuery', {
        'zh-CN': `组件 ${widgetId} 没有数据查询`,
        en: `widget ${widgetId} has no query`,
      });
    return widget.query;
  };

  // A widget's query and filters within the viewer's scope; hidden fields are refused here, before
  // the store is asked, so no answer (kept or not) ever reads one.
  const requestOf = async (widgetId: string): Promise<{ query: DashboardQuery; filters: QueryFilters }> => {
    const query = queryOf(widgetId);
    const filters = await widgetFilters(store, user, dashboard, query, values, nowMs);
    const view = await formView(query.source);
    refuseHiddenReads(
      [...queryFields(query), ...(filters.dateRange ? [filters.dateRange.field] : [])],
      hiddenFieldsOf(user, view.access),
    );
    const ownerIds = scoped(filters.ownerIds, view.ownerIds);
    return { query, filters: { ...filters, ...(ownerIds ? { ownerIds } : {}) } };
  };

  const answers = async (widgetIds: readonly string[]): Promise<QueryAnswer[]> => {
    const requests = await Promise.all(
      widgetIds.map((id) =>
        requestOf(id).then(
          (request) => ({ request }),
          (error: unknown) => ({ error }),
        ),
      ),
    );
    const ready = requests.flatMap((r) => ('request' in r ? [r.request] : []));
    const answered = await store.queries.runMany(ready);
    let next = 0;
    return requests.map((r) =>
      'request' in r ? (answered[next++] ?? { error: new Error('no answer') }) : r,
    );
  };

  return {
    dashboard,
    answers,
    async rows(widgetId) {
      const [answer] = await answers([widgetId]);
      if (!answer || 'error' in answer) throw answer?.error ?? new Error('no answer');
      return answer.rows;
    },
  };
}
