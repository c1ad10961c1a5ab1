import type { LocalizedMessage, TypeName } from '@formboard/formula';

/** How a condition compares a field with a value. */
export type ConditionOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'contains'
  | 'notContains'
  | 'empty'
  | 'notEmpty'
  | 'includes'
  | 'excludes';

/**
 * A value to compare with: text, a number, TRUE/FALSE; for date fields a date as `YYYY-MM-DD` or
 * `$today`.
 */
export type ConditionValue = string | number | boolean;

/** One condition: "状态 is 已完成", "进度 < 50". */
export interface Condition {
  /** The field's path as formulas write it (a row's own cell by its plain name in a row's rules). */
  readonly field: string;
  readonly operator: ConditionOperator;
  /** Absent for `empty` and `notEmpty`. */
  readonly value?: ConditionValue;
}

/** Conditions joined by AND (`all`) or OR (`any`). */
export interface ConditionGroup {
  readonly match: 'all' | 'any';
  readonly conditions: readonly Condition[];
}

/** Operators that take no value. */
export const NO_VALUE: ReadonlySet<ConditionOperator> = new Set(['empty', 'notEmpty']);

/** What each operator is called in the rule builder. */
export const OPERATOR_NAMES: Readonly<Record<ConditionOperator, LocalizedMessage>> = {
  eq: { 'zh-CN': '等于', en: 'is' },
  ne: { 'zh-CN': '不等于', en: 'is not' },
  lt: { 'zh-CN': '小于', en: 'is less than' },
  le: { 'zh-CN': '小于等于', en: 'is at most' },
  gt: { 'zh-CN': '大于', en: 'is greater than' },
  ge: { 'zh-CN': '大于等于', en: 'is at least' },
  contains: { 'zh-CN': '包含', en: 'contains' },
  notContains: { 'zh-CN': '不包含', en: 'does not contain' },
  empty: { 'zh-CN': '为空', en: 'is empty' },
  notEmpty: { 'zh-CN': '不为空', en: 'is filled in' },
  includes: { 'zh-CN': '包含选项', en: 'includes' },
  excludes: { 'zh-CN': '不包含选项', en: 'does not include' },
};

/** The operators that make sense for a field of a formula type (with options: only equality). */
export function operatorsFor(type: TypeName | undefined, hasOptions = false): readonly ConditionOperator[] {
  switch (type) {
    case 'number':
    case 'date':
      return hasOptions
        ? ['eq', 'ne', 'empty', 'notEmpty']
        : ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'empty', 'notEmpty'];
    case 'string':
      return hasOptions
        ? ['eq', 'ne', 'empty', 'notEmpty']
        : ['eq', 'ne', 'contains', 'notContains', 'empty', 'notEmpty'];
    case 'boolean':
      return ['eq', 'ne'];
    case 'string[]':
      return ['includes', 'excludes', 'empty', 'notEmpty'];
    default:
      return ['eq', 'ne', 'empty', 'notEmpty'];
  }
}
