import type { Locale } from '@formboard/formula';
import type { RuleMessages } from './rules/RuleText.tsx';
import { COMMON_DESIGNER_MESSAGES, type CommonDesignerMessages } from './shared/sessionMessages.ts';

/** Every string the designer's own UI shows, in zh-CN and en (the rule builder's among them). */
export interface DesignerMessages extends CommonDesignerMessages, RuleMessages {
  readonly designer: string;
  readonly palette: string;
  readonly searchPalette: string;
  readonly noPaletteMatch: string;
  readonly canvas: string;
  readonly emptyCanvas: string;
  readonly outline: string;
  readonly properties: string;
  readonly nothingSelected: string;
  readonly manySelected: (count: number) => string;
  readonly design: string;
  readonly preview: string;
  readonly phoneWidth: string;
  readonly moveHandle: (name: string) => string;
  readonly addItem: (name: string) => string;
  readonly dropHere: string;
  readonly fieldKey: string;
  readonly applyKey: string;
  readonly advanced: string;
  readonly rules: string;
  readonly visibleWhen: string;
  readonly requiredWhen: string;
  readonly readOnlyWhen: string;
  readonly computed: string;
  readonly initialValue: string;
  readonly initialValueHint: string;
  readonly whenConditions: string;
  readonly sampleData: string;
  readonly dragInstructions: string;
  readonly pickedUp: (name: string) => string;
  readonly over: (position: number, container: string) => string;
  readonly overNothing: string;
  readonly dropped: (name: string, position: number, container: string) => string;
  readonly cancelled: (name: string) => string;
  readonly previewNeedsFixes: string;
  readonly toolbar: string;
  /** What screen readers call a palette card. */
  readonly draggableComponent: string;
}

const zh: DesignerMessages = {
  ...COMMON_DESIGNER_MESSAGES['zh-CN'],
  designer: '表单设计器',
  palette: '组件',
  searchPalette: '搜索组件',
  noPaletteMatch: '没有匹配的组件',
  canvas: '画布',
  emptyCanvas: '把左侧的组件拖到这里，或点击组件添加',
  outline: '大纲',
  properties: '属性',
  nothingSelected: '选中一个组件以编辑它的属性',
  manySelected: (count) => `已选中 ${count} 个组件`,
  design: '设计',
  preview: '预览',
  phoneWidth: '手机宽度',
  moveHandle: (name) => `移动 ${name}`,
  addItem: (name) => `添加 ${name}`,
  dropHere: '放在这里',
  fieldKey: '字段标识',
  applyKey: '修改标识',
  advanced: '高级',
  rules: '规则',
  visibleWhen: '显示条件',
  requiredWhen: '必填条件',
  readOnlyWhen: '只读条件',
  computed: '计算公式',
  initialValue: '初始值',
  initialValueHint: '新记录开始时计算一次，之后可以修改',
  always: '不设条件',
  whenConditions: '满足以下条件时',
  matchAll: '全部满足',
  matchAny: '任一满足',
  addCondition: '添加条件',
  removeCondition: '删除条件',
  field: '字段',
  operator: '比较',
  value: '值',
  customFormula: '自定义公式：条件编辑器无法表示它，请直接编辑公式',
  editAsFormula: '改为编辑公式',
  useConditions: '改用条件编辑',
  formula: '公式',
  result: '示例数据下的结果',
  suggestions: '建议',
  sampleData: '示例数据',
  dragInstructions:
    '按空格键拿起组件，用方向键选择位置，再按空格键或回车键放下，按 Esc 取消。组件面板中按回车键直接添加到选中组件旁。',
  pickedUp: (name) => `已拿起 ${name}。`,
  over: (position, container) => `位置：${container}，第 ${position} 个。`,
  overNothing: '这里不能放下。',
  dropped: (name, position, container) => `已把 ${name} 放到 ${container}，第 ${position} 个。`,
  cancelled: (name) => `已取消移动 ${name}。`,
  yes: '是',
  no: '否',
  previewNeedsFixes: '表单还有问题，修正后才能预览',
  toolbar: '设计器工具栏',
  draggableComponent: '可拖动的组件',
};

const en: DesignerMessages = {
  ...COMMON_DESIGNER_MESSAGES.en,
  designer: 'Form designer',
  palette: 'Components',
  searchPalette: 'Search components',
  noPaletteMatch: 'No component matches',
  canvas: 'Canvas',
  emptyCanvas: 'Drag components here from the left, or click one to add it',
  outline: 'Outline',
  properties: 'Properties',
  nothingSelected: 'Select a component to edit its properties',
  manySelected: (count) => `${count} components selected`,
  design: 'Design',
  preview: 'Preview',
  phoneWidth: 'Phone width',
  moveHandle: (name) => `Move ${name}`,
  addItem: (name) => `Add ${name}`,
  dropHere: 'Drop here',
  fieldKey: 'Field key',
  applyKey: 'Change key',
  advanced: 'Advanced',
  rules: 'Rules',
  visibleWhen: 'Show when',
  requiredWhen: 'Required when',
  readOnlyWhen: 'Read-only when',
  computed: 'Computed value',
  initialValue: 'Initial value',
  initialValueHint: 'Computed once when a new record starts; it can be changed afterwards',
  always: 'No condition',
  whenConditions: 'When these conditions hold',
  matchAll: 'All of them',
  matchAny: 'Any of them',
  addCondition: 'Add condition',
  removeCondition: 'Remove condition',
  field: 'Field',
  operator: 'Comparison',
  value: 'Value',
  customFormula: 'Custom formula: the condition editor cannot show it; edit the formula itself',
  editAsFormula: 'Edit as formula',
  useConditions: 'Use conditions',
  formula: 'Formula',
  result: 'Result with the sample data',
  suggestions: 'Suggestions',
  sampleData: 'Sample data',
  dragInstructions:
    'Press Space to pick up a component, choose a place with the arrow keys, then press Space or Enter to drop it, or Escape to cancel. In the palette, Enter adds the component next to the selection.',
  pickedUp: (name) => `Picked up ${name}.`,
  over: (position, container) => `Position ${position} in ${container}.`,
  overNothing: 'It cannot be dropped here.',
  dropped: (name, position, container) => `Dropped ${name} at position ${position} in ${container}.`,
  cancelled: (name) => `Moving ${name} was cancelled.`,
  yes: 'Yes',
  no: 'No',
  previewNeedsFixes: 'The form has problems; fix them to preview it',
  toolbar: 'Designer toolbar',
  draggableComponent: 'draggable component',
};

/** The designer's strings in zh-CN and en. */
export const DESIGNER_MESSAGES: Readonly<Record<Locale, DesignerMessages>> = { 'zh-CN': zh, en };

/** The designer's strings for a locale. */
export function designerMessages(locale: Locale): DesignerMessages {
  return DESIGNER_MESSAGES[locale];
}
