import { createFormDesigner, type Form, type FormDesignerStore } from '../src/index.ts';

/** Ids that count up (`a0001`, `a0002`…), so tests know the keys and node ids they get. */
export function countingIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `a${n.toString(36).padStart(4, '0')}`;
  };
}

/** A weekly check-in with a status, a progress, a rule, a KPI table with a row formula and a total. */
export function checkInForm(): Form {
  return {
    kind: 'form',
    id: 'checkin',
    schemaVersion: 1,
    title: { 'zh-CN': '周报', en: 'Weekly check-in' },
    data: {
      type: 'object',
      properties: {
        status: {
          type: 'string',
          title: { 'zh-CN': '状态', en: 'Status' },
          oneOf: [
            { const: 'todo', title: { 'zh-CN': '未开始', en: 'To do' } },
            { const: 'done', title: { 'zh-CN': '已完成', en: 'Done' } },
          ],
        },
        progress: { type: 'number', title: { 'zh-CN': '进度', en: 'Progress' }, minimum: 0, maximum: 100 },
        comment: { type: 'string', title: { 'zh-CN': '说明', en: 'Comment' } },
        kpis: {
          type: 'array',
          title: 'KPI',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', title: '名称' },
              weight: { type: 'number', title: '权重' },
              actual: { type: 'number', title: '实际' },
              target: { type: 'number', title: '目标' },
              score: { type: 'number', title: '得分' },
            },
            required: ['name'],
          },
        },
        total: { type: 'number', title: { 'zh-CN': '总分', en: 'Total' } },
      },
      required: ['status'],
    },
    layout: {
      root: ['basics', 'table', 'totalNode'],
      nodes: {
        basics: {
          type: 'section',
          title: '基本信息',
          children: ['statusNode', 'progressNode', 'commentNode'],
        },
        statusNode: { type: 'field', path: 'status' },
        progressNode: { type: 'field', path: 'progress', widget: 'percent' },
        commentNode: { type: 'field', path: 'comment', widget: 'textarea' },
        table: {
          type: 'repeatingTable',
          path: 'kpis',
          children: ['nameCol', 'weightCol', 'actualCol', 'targetCol', 'scoreCol'],
        },
        nameCol: { type: 'field', path: 'name' },
        weightCol: { type: 'field', path: 'weight' },
        actualCol: { type: 'field', path: 'actual' },
        targetCol: { type: 'field', path: 'target' },
        scoreCol: { type: 'field', path: 'score' },
        totalNode: { type: 'field', path: 'total' },
      },
    },
    rules: [{ target: 'comment', visible: 'status = "done" AND progress < 50' }],
    computed: [
      { target: 'kpis[].score', formula: 'IFERROR(weight * MIN(actual / target, 1.2), 0)' },
      { target: 'total', formula: 'SUM(kpis[].score)' },
    ],
    validations: [
      { id: 'progressRange', formula: 'progress <= 100', message: '进度不能超过 100', paths: ['progress'] },
    ],
    messages: { progress: { maximum: { 'zh-CN': '进度不能超过 100', en: 'at most 100' } } },
  };
}

/** A designer over the check-in form (or another definition) with counting ids. */
export function createTestDesigner(definition: Form = checkInForm()): FormDesignerStore {
  return createFormDesigner({ definition, nextId: countingIds() });
}

/** The current document of a designer. */
export function doc(designer: FormDesignerStore): Form {
  return designer.getState().document;
}
