import {
  createDashboardDesigner,
  type Dashboard,
  type DashboardDesignerStore,
  type SourceForm,
} from '../../src/dashboard/index.ts';
import type { Form } from '../../src/index.ts';
import { countingIds, objectiveForm } from '../fixtures.ts';

/** A form with a number only (no dates, people or choices). */
export function salesForm(): Form {
  return {
    kind: 'form',
    id: 'sales',
    schemaVersion: 1,
    title: { 'zh-CN': '销售', en: 'Sales' },
    data: {
      type: 'object',
      properties: {
        region: { type: 'string', title: { 'zh-CN': '区域', en: 'Region' }, enum: ['north', 'south'] },
        amount: { type: 'number', title: { 'zh-CN': '金额', en: 'Amount' } },
      },
    },
    layout: { root: [], nodes: {} },
  };
}

/** A dashboard with a KPI card at the top left and a bar chart beside it, over the objective form. */
export function boardDefinition(): Dashboard {
  return {
    kind: 'dashboard',
    id: 'board',
    schemaVersion: 1,
    title: { 'zh-CN': '看板', en: 'Board' },
    grid: { columns: 12, rowHeight: 48 },
    widgets: [
      {
        type: 'kpi',
        id: 'count',
        title: { 'zh-CN': '目标数', en: 'Objectives' },
        layout: { x: 0, y: 0, w: 3, h: 3 },
        query: { source: 'objective', measures: [{ id: 'count', op: 'count' }] },
        display: { measure: 'count' },
      },
      {
        type: 'bar',
        id: 'byStatus',
        title: { 'zh-CN': '按状态', en: 'By status' },
        layout: { x: 3, y: 0, w: 6, h: 4 },
        query: { source: 'objective', groupBy: ['status'], measures: [{ id: 'count', op: 'count' }] },
      },
    ],
  };
}

/** A designer of the board with both forms and counting ids (`kpi_a0001`…). */
export function createTestBoard(
  definition: Dashboard = boardDefinition(),
  forms: readonly SourceForm[] = [objectiveForm(), salesForm()],
): DashboardDesignerStore {
  return createDashboardDesigner({ definition, forms, nextId: countingIds() });
}

/** The current document. */
export const boardOf = (designer: DashboardDesignerStore): Dashboard => designer.getState().document;

/** The widget with `id` in the designer's document. */
export const widget = (designer: DashboardDesignerStore, id: string) =>
  boardOf(designer).widgets.find((w) => w.id === id);
