import {
  type DashboardDefinition,
  indexFields,
  validateDefinition,
  type WorkflowDefinition,
} from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { definitionFiles, loadForms, readPackJson } from './support/pack.ts';

const forms = loadForms();

/** The form a record-reference field of a pack form points to. */
const ref = (form: string, path: string) =>
  indexFields(forms.get(form)?.data ?? { type: 'object', properties: {} }).fields.get(path)?.schema['x-form'];

/** Every form id a dashboard reads: widget query sources, alignment trees and filter field maps. */
function dashboardSources(dashboard: DashboardDefinition): string[] {
  const fromWidgets = dashboard.widgets.flatMap((widget) => {
    if ('query' in widget) return [widget.query.source];
    if ('tree' in widget) return [widget.tree.source];
    return [];
  });
  const fromFilters = (dashboard.filters ?? []).flatMap((filter) => Object.keys(filter.fields));
  return [...fromWidgets, ...fromFilters];
}

/** Every form id a workflow reads or writes: its form, its trigger's form and created records' forms. */
function workflowForms(workflow: WorkflowDefinition): string[] {
  const trigger =
    workflow.trigger.type === 'record'
      ? [workflow.trigger.form]
      : workflow.trigger.type === 'metricStreak'
        ? [workflow.trigger.query.form]
        : [];
  const created = workflow.steps.flatMap((step) => (step.type === 'createRecord' ? [step.form] : []));
  return [...(workflow.form ? [workflow.form] : []), ...trigger, ...created];
}

describe('cross-references inside the pack', () => {
  it('every record-reference field points to a form of the pack', () => {
    const references = [...forms].flatMap(([id, form]) =>
      [...indexFields(form.data).fields.values()]
        .filter((field) => field.format === 'record')
        .map((field) => ({ from: `${id}:${field.path}`, to: field.schema['x-form'] })),
    );
    expect(references.length).toBeGreaterThanOrEqual(6);
    expect(references.filter(({ to }) => typeof to !== 'string' || !forms.has(to))).toEqual([]);
  });

  it('the objective aligns to a parent objective, and key results belong to an objective', () => {
    expect(ref('objective', 'parent')).toBe('objective');
    expect(ref('key-result', 'objective')).toBe('objective');
    expect(ref('check-in', 'keyResult')).toBe('key-result');
    expect(ref('kpi-measurement', 'kpi')).toBe('kpi');
    expect(ref('kpi-scorecard', 'kpis[].kpi')).toBe('kpi');
  });

  it('strategy decoding reaches down: objective → breakthrough point → KPIs, key result → parent key result', () => {
    expect(ref('objective', 'breakthrough')).toBe('breakthrough');
    expect(ref('breakthrough', 'linkedKpis[].kpi')).toBe('kpi');
    expect(ref('key-result', 'alignsTo')).toBe('key-result');
    expect(ref('biweekly-review', 'redItems[].keyResult')).toBe('key-result');
    expect(ref('biweekly-review', 'redItems[].kpi')).toBe('kpi');
  });

  it.each(definitionFiles('dashboards'))('%s reads only forms of the pack', (path) => {
    const sources = dashboardSources(readPackJson(path) as DashboardDefinition);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((id) => !forms.has(id))).toEqual([]);
  });

  it.each(definitionFiles('workflows'))('%s uses only forms of the pack', (path) => {
    const workflow = readPackJson(path) as WorkflowDefinition;
    const used = workflowForms(workflow);
    // Scheduled reminders are about nobody's record; every other workflow reads a form.
    if (workflow.trigger.type === 'schedule') expect(used).toEqual([]);
    else expect(used.length).toBeGreaterThan(0);
    expect(used.filter((id) => !forms.has(id))).toEqual([]);
  });

  it('the alert names a date field, which the workflow engine needs to bucket weeks', () => {
    const workflow = readPackJson('workflows/kpi-below-baseline.json') as WorkflowDefinition;
    expect(workflow.trigger.type === 'metricStreak' && workflow.trigger.query.dateField).toBe('week');
  });

  it('validation with the pack as context does catch a wrong source (the checks are live)', () => {
    const dashboard = readPackJson('dashboards/my-gap.json') as DashboardDefinition;
    const broken = {
      ...dashboard,
      widgets: dashboard.widgets.map((w) =>
        'query' in w && w.id === 'krProgress' ? { ...w, query: { ...w.query, source: 'key-results' } } : w,
      ),
    };
    const result = validateDefinition(broken, { form: (id) => forms.get(id) });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain('dashboard.unknownForm');
  });
});
