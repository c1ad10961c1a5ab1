import type { LocalizedText } from '../schemas/localizedText.ts';
import { displayValue } from './displayValue.ts';
import type { TreeField } from './FieldTree.ts';
import { bool } from './formulaNodes.ts';
import type { JsonFormsContext } from './jsonFormsLayout.ts';
import { resolveScope } from './jsonFormsScope.ts';
import { isObject, type JsonObject } from './normalizeSchema.ts';
import { placeFields } from './placeSchemaFields.ts';

/** The parts of the JSON Forms walker a table's columns reuse. */
export interface ColumnHelpers {
  label(value: unknown, at: string): LocalizedText | undefined;
  widget(field: TreeField, options: JsonObject, at: string): string | undefined;
  noteOptions(options: JsonObject, at: string, handled: ReadonlySet<string>): void;
}

interface DetailControl {
  readonly element: JsonObject;
  readonly at: string;
}

/** The Controls of a detail UI schema in order, noting what a table's columns cannot keep. */
function detailControls(element: unknown, at: string, ctx: JsonFormsContext, out: DetailControl[]): void {
  if (!isObject(element)) return;
  if (element.rule !== undefined) {
    ctx.notes.ui(`${at}/rule`, 'dropped', 'rule.detail', {
      'zh-CN': '表格行内的规则按行计算，无法写成字段规则，未导入',
      en: 'rules inside a table row are evaluated per row and cannot become field rules; not imported',
    });
  }
  if (element.type === 'Control') {
    out.push({ element, at });
    return;
  }
  if (!Array.isArray(element.elements)) {
    ctx.notes.ui(at, 'dropped', 'ui.detailElement', {
      'zh-CN': `表格列中不能放 ${displayValue(element.type)}，未导入`,
      en: `a ${displayValue(element.type)} cannot be a table column; not imported`,
    });
    return;
  }
  if (element.type !== 'VerticalLayout') {
    ctx.notes.ui(at, 'changed', 'ui.detailFlattened', {
      'zh-CN': `详情中的 ${displayValue(element.type)} 已展开为表格的列`,
      en: `the ${displayValue(element.type)} in the detail was flattened into table columns`,
    });
  }
  element.elements.forEach((child, i) => {
    detailControls(child, `${at}/elements/${i}`, ctx, out);
  });
}

/**
 * A repeating table for an array control: columns from `options.detail` when it is a UI schema (its
 * Controls in order, scoped relative to a row), else every column of the row.
 */
export function jsonFormsTable(
  table: TreeField,
  options: JsonObject,
  at: string,
  label: LocalizedText | undefined,
  ctx: JsonFormsContext,
  helpers: ColumnHelpers,
): string {
  const columns: string[] = [];
  const placeColumn = (
    column: TreeField,
    readOnly: boolean,
    origin: { source: 'uiSchema' | 'schema'; pointer: string },
  ) => {
    if (readOnly || column.readOnly) ctx.rules.place(column.path, bool(true), bool(true), origin, ctx.notes);
  };
  const detail = options.detail;
  if (isObject(detail)) {
    const controls: DetailControl[] = [];
    detailControls(detail, `${at}/options/detail`, ctx, controls);
    const placed = new Set<string>();
    for (const { element, at: controlAt } of controls) {
      const scope = typeof element.scope === 'string' ? element.scope : '';
      const target = resolveScope(scope, table.children);
      const column = target?.kind === 'property' ? target.field : undefined;
      if (column?.kind !== 'field') {
        ctx.notes.ui(`${controlAt}/scope`, 'dropped', 'ui.scope', {
          'zh-CN': `scope ${JSON.stringify(element.scope)} 没有指向此表格的列，未导入`,
          en: `the scope ${JSON.stringify(element.scope)} does not point at a column of this table; not imported`,
        });
        continue;
      }
      if (placed.has(column.path)) {
        ctx.notes.ui(controlAt, 'changed', 'ui.duplicateColumn', {
          'zh-CN': `${column.sourceKey} 在表格中出现多次，只保留第一列`,
          en: `${column.sourceKey} appears more than once in the table; only the first column was kept`,
        });
        continue;
      }
      placed.add(column.path);
      const controlOptions = isObject(element.options) ? element.options : {};
      helpers.noteOptions(controlOptions, controlAt, new Set(['multi', 'slider', 'toggle', 'format']));
      const node: JsonObject = { type: 'field', path: column.layoutPath };
      const columnLabel = helpers.label(element.label, `${controlAt}/label`);
      if (columnLabel !== undefined) node.label = columnLabel;
      const widget = helpers.widget(column, controlOptions, controlAt);
      if (widget) node.widget = widget;
      const flag =
        typeof controlOptions.readonly === 'boolean' ? controlOptions.readonly : controlOptions.readOnly;
      placeColumn(column, flag === true, { source: 'uiSchema', pointer: controlAt });
      columns.push(ctx.builder.add(`f_${column.path}`, node, { source: 'uiSchema', pointer: controlAt }));
    }
  } else if (detail === 'REGISTERED') {
    ctx.notes.ui(`${at}/options/detail`, 'changed', 'ui.registeredDetail', {
      'zh-CN': '注册的详情 UI schema 不在导入范围内：表格显示所有列',
      en: 'registered detail UI schemas are not part of the import; the table shows every column',
    });
  }
  if (columns.length === 0) {
    const ids = placeFields(
      table.children,
      undefined,
      at,
      {
        builder: ctx.builder,
        index: ctx.index,
        notes: ctx.notes,
        onPlace: (column, readOnly, origin) => placeColumn(column, readOnly, origin),
      },
      { inTable: true, readOnly: false },
    );
    columns.push(...ids);
  }
  for (const option of ['showSortButtons', 'elementLabelProp', 'labelRef']) {
    if (option in options) {
      ctx.notes.ui(`${at}/options/${option}`, 'dropped', 'ui.option', {
        'zh-CN': `未导入表格选项 ${option}：Formboard 没有对应的设置`,
        en: `the table option ${option} was not imported: Formboard has no counterpart`,
      });
    }
  }
  const node: JsonObject = { type: 'repeatingTable', path: table.layoutPath, children: columns };
  const title = label ?? table.title;
  if (title !== undefined) node.title = title;
  return ctx.builder.add(`t_${table.path}`, node, { source: 'uiSchema', pointer: at });
}
