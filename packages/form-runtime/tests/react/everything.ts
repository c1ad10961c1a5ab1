import { createMemoryOptionSource, type FormHost } from '../../src/index.ts';
import { defineForm, field } from './support.tsx';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const choices = [
  { const: 'a', title: t('选项甲', 'Option A') },
  { const: 'b', title: t('选项乙', 'Option B') },
];

/** A form using every built-in widget and layout node (for the accessibility and locale checks). */
export const everythingForm = defineForm({
  properties: {
    name: { type: 'string', title: t('姓名', 'Name') },
    note: { type: 'string', title: t('备注', 'Note') },
    mail: { type: 'string', format: 'email', title: t('邮箱', 'E-mail') },
    count: { type: 'integer', title: t('数量', 'Count'), 'x-unit': t('件', 'pcs') },
    rate: { type: 'number', title: t('比例', 'Rate') },
    money: { type: 'number', title: t('金额', 'Amount') },
    pick: { type: 'string', title: t('单选', 'Pick'), oneOf: choices },
    search: { type: 'string', title: t('搜索选择', 'Search pick'), oneOf: choices },
    many: {
      type: 'array',
      uniqueItems: true,
      title: t('多选', 'Many'),
      items: { type: 'string', oneOf: choices },
    },
    boxes: {
      type: 'array',
      uniqueItems: true,
      title: t('复选', 'Boxes'),
      items: { type: 'string', oneOf: choices },
    },
    radio: { type: 'string', title: t('单选按钮', 'Radio'), oneOf: choices },
    on: { type: 'boolean', title: t('开关', 'Switch') },
    day: { type: 'string', format: 'date', title: t('日期', 'Date') },
    at: { type: 'string', format: 'date-time', title: t('时间', 'Time') },
    range: { type: 'string', title: t('期间', 'Period') },
    stars: { type: 'integer', title: t('评分', 'Rating'), minimum: 1, maximum: 5 },
    level: { type: 'integer', title: t('滑块', 'Slider'), minimum: 0, maximum: 10 },
    progress: { type: 'number', title: t('进度', 'Progress') },
    owner: { type: 'string', format: 'user', title: t('负责人', 'Owner') },
    dept: { type: 'string', format: 'org-unit', title: t('部门', 'Department') },
    ref: { type: 'string', format: 'record', 'x-form': 'suppliers', title: t('供应商', 'Supplier') },
    file: { type: 'string', title: t('附件', 'Attachment') },
    doubled: { type: 'number', title: t('两倍', 'Doubled') },
    rows: {
      type: 'array',
      title: t('明细', 'Lines'),
      items: {
        type: 'object',
        properties: {
          item: { type: 'string', title: t('项目', 'Item') },
          qty: { type: 'number', title: t('数量', 'Qty') },
        },
        required: ['item'],
      },
    },
  },
  required: ['name', 'pick', 'radio', 'boxes'],
  root: ['intro', 'basics', 'tabs', 'wizard'],
  nodes: {
    intro: {
      type: 'text',
      format: 'markdown',
      content: t('请填写 **全部** 信息。', 'Fill in **everything**.'),
    },
    basics: { type: 'section', title: t('基本', 'Basics'), collapsible: true, children: ['cols', 'hr'] },
    hr: { type: 'text', content: '---' },
    cols: { type: 'columns', children: ['c1', 'c2'] },
    c1: { type: 'column', children: ['fName', 'fNote', 'fMail', 'fCount', 'fRate', 'fMoney'] },
    c2: { type: 'column', children: ['fPick', 'fSearch', 'fMany', 'fBoxes', 'fRadio', 'fOn'] },
    fName: field('name', { help: t('真实姓名', 'Legal name'), placeholder: t('张三', 'Jane Doe') }),
    fNote: field('note', { widget: 'textarea' }),
    fMail: field('mail'),
    fCount: field('count'),
    fRate: field('rate', { widget: 'percent' }),
    fMoney: field('money', { widget: 'currency' }),
    fPick: field('pick'),
    fSearch: field('search', { props: { searchable: true } }),
    fMany: field('many', { widget: 'multiSelect' }),
    fBoxes: field('boxes', { widget: 'checkboxes' }),
    fRadio: field('radio', { widget: 'radio' }),
    fOn: field('on'),
    tabs: { type: 'tabs', children: ['t1', 't2'] },
    t1: { type: 'tab', title: t('时间', 'Time'), children: ['fDay', 'fAt', 'fRange'] },
    t2: { type: 'tab', title: t('评价', 'Review'), children: ['fStars', 'fLevel', 'fProgress', 'fDoubled'] },
    fDay: field('day'),
    fAt: field('at'),
    fRange: field('range', { widget: 'dateRange' }),
    fStars: field('stars', { widget: 'rating' }),
    fLevel: field('level', { widget: 'slider' }),
    fProgress: field('progress', { widget: 'progress' }),
    fDoubled: field('doubled'),
    wizard: { type: 'steps', children: ['s1', 's2'] },
    s1: { type: 'step', title: t('人员', 'People'), children: ['fOwner', 'fDept', 'fRef', 'fFile'] },
    s2: { type: 'step', title: t('明细', 'Lines'), children: ['table'] },
    fOwner: field('owner'),
    fDept: field('dept'),
    fRef: field('ref'),
    fFile: field('file', { widget: 'file' }),
    table: { type: 'repeatingTable', path: 'rows', children: ['rItem', 'rQty'] },
    rItem: field('item'),
    rQty: field('qty'),
  },
  computed: [{ target: 'doubled', formula: 'count * 2' }],
});

/** A value for every field of everythingForm. */
export const everythingValue = {
  name: '张三',
  count: 3,
  rate: 40,
  money: 1234.5,
  pick: 'a',
  many: ['a', 'b'],
  boxes: ['b'],
  radio: 'b',
  on: true,
  day: '2026-11-01',
  at: '2026-11-27T02:30:00Z',
  range: '2026-11-01/2026-11-30',
  stars: 4,
  level: 6,
  progress: 70,
  owner: 'u-1',
  dept: 'd-1',
  ref: 'r-1',
  rows: [{ item: '螺栓', qty: 100 }],
};

/** In-memory host adapters for everythingForm. */
export const everythingHost: FormHost = {
  directory: {
    users: createMemoryOptionSource([{ id: 'u-1', label: '张三' }]),
    orgUnits: createMemoryOptionSource([{ id: 'd-1', label: '质量部' }]),
  },
  records: () => createMemoryOptionSource([{ id: 'r-1', label: '宁波精工' }]),
  upload: { upload: async (file) => ({ ref: 'f-1', name: file.name }) },
};
