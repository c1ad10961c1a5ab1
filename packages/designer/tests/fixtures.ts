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

/**
 * An objective, shaped like the starter pack's, shared by the dashboard and workflow designer tests:
 * the fields a person fills in (title, status, owner, progress in %) are laid out; a health choice, an
 * org unit, a week (date), a score and a parent objective (record) are what boards group and measure by.
 */
export function objectiveForm(): Form {
  return {
    kind: 'form',
    id: 'objective',
    schemaVersion: 1,
    title: { 'zh-CN': '目标', en: 'Objective' },
    data: {
      type: 'object',
      properties: {
        title: { type: 'string', title: { 'zh-CN': '标题', en: 'Title' } },
        status: {
          type: 'string',
          title: { 'zh-CN': '状态', en: 'Status' },
          oneOf: [
            { const: 'draft', title: { 'zh-CN': '草稿', en: 'Draft' } },
            { const: 'pendingApproval', title: { 'zh-CN': '待上级确认', en: 'Awaiting approval' } },
            { const: 'active', title: { 'zh-CN': '进行中', en: 'Active' } },
          ],
        },
        health: {
          type: 'string',
          title: { 'zh-CN': '健康度', en: 'Health' },
          oneOf: [
            { const: 'onTrack', title: { 'zh-CN': '正常', en: 'On track' } },
            { const: 'atRisk', title: { 'zh-CN': '有风险', en: 'At risk' } },
          ],
        },
        owner: { type: 'string', format: 'user', title: { 'zh-CN': '负责人', en: 'Owner' } },
        unit: { type: 'string', format: 'org-unit', title: { 'zh-CN': '部门', en: 'Unit' } },
        week: { type: 'string', format: 'date', title: { 'zh-CN': '周', en: 'Week' } },
        progress: { type: 'number', title: { 'zh-CN': '进度', en: 'Progress' }, minimum: 0, maximum: 100 },
        score: { type: 'number', title: { 'zh-CN': '得分', en: 'Score' }, minimum: 0, maximum: 3 },
        parent: {
          type: 'string',
          format: 'record',
          'x-form': 'objective',
          title: { 'zh-CN': '上级', en: 'Parent' },
        },
      },
    },
    layout: {
      root: ['t', 's', 'o', 'p'],
      nodes: {
        t: { type: 'field', path: 'title' },
        s: { type: 'field', path: 'status' },
        o: { type: 'field', path: 'owner' },
        p: { type: 'field', path: 'progress' },
      },
    },
  };
}

/**
 * A key result that points at its objective (`objective`, a record reference), with number fields to
 * roll up (progress, weight), a date, a choice of numbers and a table whose number column must not
 * be offered: the child form of the objective's roll-ups.
 */
export function keyResultForm(): Form {
  return {
    kind: 'form',
    id: 'key-result',
    schemaVersion: 1,
    title: { 'zh-CN': '关键结果', en: 'Key result' },
    data: {
      type: 'object',
      properties: {
        objective: {
          type: 'string',
          format: 'record',
          'x-form': 'objective',
          title: { 'zh-CN': '所属目标', en: 'Objective' },
        },
        title: { type: 'string', title: { 'zh-CN': '标题', en: 'Title' } },
        progress: { type: 'number', title: { 'zh-CN': '进度', en: 'Progress' } },
        weight: { type: 'number', title: { 'zh-CN': '权重', en: 'Weight' } },
        confidence: { type: 'integer', title: { 'zh-CN': '信心', en: 'Confidence' }, enum: [1, 2, 3] },
        due: { type: 'string', format: 'date', title: { 'zh-CN': '截止日期', en: 'Due' } },
        checks: {
          type: 'array',
          items: { type: 'object', properties: { value: { type: 'number' } } },
        },
      },
    },
    layout: {
      root: ['kt', 'kp'],
      nodes: { kt: { type: 'field', path: 'title' }, kp: { type: 'field', path: 'progress' } },
    },
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

/** The objective form rolling up its key results' progress: weighted, confident ones only. */
export function objectiveRollingUpKeyResults(): Form {
  return {
    ...objectiveForm(),
    rollups: [
      {
        target: 'progress',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
        where: 'confidence > 1',
      },
    ],
  };
}
