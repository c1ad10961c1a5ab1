import type { Node } from '@formboard/formula';
import type { FieldInfo } from '../fields/fieldIndex.ts';
import { pointer } from '../validate/issues.ts';
import {
  ANNOTATIONS,
  all,
  always,
  any,
  type ConditionReporter,
  compose,
  holds,
  type Split,
} from './conditionSplit.ts';
import { bool, call, compare, field, isBool, num, text } from './formulaNodes.ts';
import { isObject } from './normalizeSchema.ts';

// Keywords that apply to objects only: ajv lets any other value pass them.
const OBJECT_KEYWORDS = new Set([
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'dependentRequired',
]);

/** Translates a schema applied to the value of one field (scalar or multi-select) into a Split. */
export class ValueCondition {
  readonly report: ConditionReporter;

  constructor(report: ConditionReporter) {
    this.report = report;
  }

  /** A schema applied to the value of one field. */
  value(schema: unknown, at: string, info: FieldInfo): Split | undefined {
    if (typeof schema === 'boolean') return always(schema);
    if (!isObject(schema)) {
      return this.report.unsupported(at, {
        'zh-CN': '条件应为 JSON Schema 对象',
        en: 'the schema must be an object',
      });
    }
    const parts: Split[] = [];
    for (const [keyword, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword)) continue;
      const here = `${at}${pointer(keyword)}`;
      const part = this.valueKeyword(keyword, value, here, info);
      if (!part) return undefined;
      parts.push(part);
    }
    return all(parts);
  }

  valueKeyword(keyword: string, value: unknown, at: string, info: FieldInfo): Split | undefined {
    const path = field(info.path);
    const isNumber = info.formulaType === 'number';
    const isText = info.formulaType === 'string';
    const isList = info.kind === 'multiSelect';
    switch (keyword) {
      case 'const':
        return this.equals([value], at, info);
      case 'enum':
        return Array.isArray(value)
          ? this.equals(value, at, info)
          : this.report.unsupported(at, { 'zh-CN': 'enum 应为数组', en: 'enum must be an array' });
      case 'type':
        return this.type(value, at, info);
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof value !== 'number') {
          return this.report.unsupported(at, {
            'zh-CN': `${keyword} 应为数字`,
            en: `${keyword} must be a number`,
          });
        }
        if (!isNumber) return always(true); // only numbers are compared; other values pass
        const op = ({ minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' } as const)[
          keyword
        ];
        return { present: compare(op, path, num(value)), blank: true, safe: holds(op, 0, value) };
      }
      case 'multipleOf':
        if (typeof value !== 'number' || value <= 0) {
          return this.report.unsupported(at, {
            'zh-CN': 'multipleOf 应为正数',
            en: 'multipleOf must be a positive number',
          });
        }
        if (!isNumber) return always(true);
        return { present: compare('=', call('MOD', path, num(value)), num(0)), blank: true, safe: true };
      case 'minLength':
      case 'maxLength': {
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          return this.report.unsupported(at, {
            'zh-CN': `${keyword} 应为整数`,
            en: `${keyword} must be an integer`,
          });
        }
        if (!isText && info.formulaType !== 'date') return always(true);
        if (!isText) return this.report.cannot(at, keyword);
        const op = keyword === 'minLength' ? '>=' : '<=';
        return {
          present: compare(op, call('LEN', path), num(value)),
          blank: true,
          safe: holds(op, 0, value),
        };
      }
      case 'minItems':
      case 'maxItems': {
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          return this.report.unsupported(at, {
            'zh-CN': `${keyword} 应为整数`,
            en: `${keyword} must be an integer`,
          });
        }
        if (!isList) return info.kind === 'table' ? this.report.cannot(at, keyword) : always(true);
        const op = keyword === 'minItems' ? '>=' : '<=';
        return {
          present: compare(op, call('COUNTA', path), num(value)),
          blank: true,
          safe: holds(op, 0, value),
        };
      }
      case 'contains': {
        if (!isList) return info.kind === 'table' ? this.report.cannot(at, keyword) : always(true);
        const inner = isObject(value) ? value : {};
        const options = 'const' in inner ? [inner.const] : Array.isArray(inner.enum) ? inner.enum : undefined;
        if (
          !options ||
          Object.keys(inner).some((k) => k !== 'const' && k !== 'enum' && !ANNOTATIONS.has(k))
        ) {
          return this.report.cannot(at, keyword);
        }
        // `tags = "x"` compares item by item; OR(…) is TRUE when any item matched.
        const wanted = options.filter((o): o is string => typeof o === 'string');
        const present =
          wanted.length === 0 ? bool(false) : call('OR', ...wanted.map((o) => compare('=', path, text(o))));
        return { present, blank: true, safe: false };
      }
      case 'not':
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        return compose(this.report, keyword, value, at, (s, here) => this.value(s, here, info));
      default:
        // Object keywords do not apply to a field's value (ajv lets it pass); anything else has no formula.
        return OBJECT_KEYWORDS.has(keyword) && info.kind !== 'group'
          ? always(true)
          : this.report.cannot(at, keyword);
    }
  }

  /** `const` / `enum`: the value equals one of `values`. */
  equals(values: readonly unknown[], at: string, info: FieldInfo): Split | undefined {
    const parts: Split[] = [];
    const path = field(info.path);
    for (const value of values) {
      if (value === null) {
        this.report.changed(at, 'condition.null', {
          'zh-CN': 'null 只匹配显式的 null，而未填写的字段没有值（不是 null）：这一项永不成立',
          en: 'null matches only an explicit null, and a field that is not filled in has no value (not null): this part never holds',
        });
        parts.push({ present: bool(false), blank: false, safe: true });
      } else if (typeof value === 'object') {
        return this.report.unsupported(at, {
          'zh-CN': '不能与对象或数组比较',
          en: 'comparing with an object or an array is not supported',
        });
      } else if (info.kind === 'multiSelect' || info.kind === 'table' || info.kind === 'group') {
        return this.report.cannot(at, 'const');
      } else {
        parts.push(this.equalsOne(value as string | number | boolean, info, path, at));
      }
    }
    return any(parts);
  }

  equalsOne(value: string | number | boolean, info: FieldInfo, path: Node, at: string): Split {
    const never: Split = { present: bool(false), blank: false, safe: true };
    if (info.formulaType === 'boolean') {
      return typeof value === 'boolean'
        ? { present: compare('=', path, bool(value)), blank: false, safe: value }
        : never;
    }
    if (info.formulaType === 'number') {
      return typeof value === 'number'
        ? { present: compare('=', path, num(value)), blank: false, safe: value !== 0 }
        : never;
    }
    if (typeof value !== 'string') return never;
    if (value === '') {
      this.report.changed(at, 'condition.emptyText', {
        'zh-CN': '空文本与“未填写”相同：与 "" 比较的这一项永不成立',
        en: 'empty text is the same as "not filled in": this comparison with "" never holds',
      });
      return never;
    }
    if (info.formulaType === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return never;
      return { present: compare('=', path, call('DATEVALUE', text(value))), blank: false, safe: false };
    }
    // `=` ignores case; among options that differ by more than case it means the same as JSON equality.
    const options = (info.options ?? []).map((o) => String(o).toLowerCase());
    const caseSafe = info.options?.includes(value) === true && new Set(options).size === options.length;
    const present = caseSafe ? compare('=', path, text(value)) : call('EXACT', path, text(value));
    return { present, blank: false, safe: value !== '' };
  }

  /** `type`: compared with the field's own type (a field only ever holds values of its type). */
  type(value: unknown, at: string, info: FieldInfo): Split | undefined {
    const types = Array.isArray(value) ? value : [value];
    if (!types.every((t) => typeof t === 'string')) {
      return this.report.unsupported(at, { 'zh-CN': 'type 应为类型名', en: 'type must name types' });
    }
    const own: Readonly<Record<string, string>> = {
      string: 'string',
      number: 'number',
      boolean: 'boolean',
      multiSelect: 'array',
      table: 'array',
      group: 'object',
    };
    const matches = types.some((t) => t === own[info.kind] || (t === 'integer' && info.kind === 'number'));
    const integerOnly = info.kind === 'number' && types.includes('integer') && !types.includes('number');
    const present = !matches
      ? bool(false)
      : integerOnly
        ? compare('=', field(info.path), call('INT', field(info.path)))
        : bool(true);
    // A missing value has no type (ajv: `type` fails on undefined); `null` is never stored, so it never matches.
    return { present, blank: false, safe: isBool(present, false) };
  }
}
