import type { LocalizedMessage, Node } from '@formboard/formula';
import type { FieldIndex, FieldInfo } from '../fields/fieldIndex.ts';
import { pointer } from '../validate/issues.ts';
import {
  ANNOTATIONS,
  all,
  always,
  type ConditionReporter,
  compose,
  guard,
  type Split,
} from './conditionSplit.ts';
import { displayValue } from './displayValue.ts';
import { childBySourceKey, type TreeField } from './FieldTree.ts';
import { and, bool, call, field, not, or } from './formulaNodes.ts';
import type { ImportNotes } from './ImportNotes.ts';
import type { ImportSource } from './ImportResult.ts';
import { isObject } from './normalizeSchema.ts';
import { ValueCondition } from './valueCondition.ts';

/** What a condition's scope points at: one field, or an object (the root, a group) by its members. */
export type ConditionTarget =
  | { readonly kind: 'field'; readonly info: FieldInfo }
  | { readonly kind: 'object'; readonly members: readonly TreeField[] };

/** What translating conditions needs. */
export interface ConditionContext {
  readonly index: FieldIndex;
  readonly notes: ImportNotes;
  /** Which document the pointers given to the translation point into. */
  readonly source: ImportSource;
  /** What is lost when a condition cannot be translated: "the rule was not imported". */
  readonly consequence: LocalizedMessage;
  /** Resolves a JSON Forms scope (`#/properties/a`); undefined when it points at nothing imported. */
  readonly resolveScope?: (scope: string) => ConditionTarget | undefined;
}

class Translator implements ConditionReporter {
  readonly ctx: ConditionContext;
  readonly values: ValueCondition;

  constructor(ctx: ConditionContext) {
    this.ctx = ctx;
    this.values = new ValueCondition(this);
  }

  unsupported(at: string, what: LocalizedMessage): undefined {
    const { consequence } = this.ctx;
    this.ctx.notes.add({
      source: this.ctx.source,
      pointer: at,
      severity: 'dropped',
      code: 'condition.unsupported',
      message: {
        'zh-CN': `条件无法写成公式：${what['zh-CN']}；${consequence['zh-CN']}`,
        en: `the condition cannot be written as a formula: ${what.en}; ${consequence.en}`,
      },
    });
    return undefined;
  }

  cannot(at: string, keyword: string): undefined {
    return this.unsupported(at, {
      'zh-CN': `不支持关键字 ${keyword}`,
      en: `the keyword ${keyword} is not supported`,
    });
  }

  changed(at: string, code: string, message: LocalizedMessage): void {
    this.ctx.notes.add({ source: this.ctx.source, pointer: at, severity: 'changed', code, message });
  }

  /** A schema applied to one field's value. */
  value(schema: unknown, at: string, info: FieldInfo): Split | undefined {
    return this.values.value(schema, at, info);
  }

  /** A schema applied to an object (the root, a group): its `properties` and `required`. */
  object(schema: unknown, at: string, members: readonly TreeField[]): Split | undefined {
    if (typeof schema === 'boolean') return always(schema);
    if (!isObject(schema)) {
      return this.unsupported(at, {
        'zh-CN': '条件应为 JSON Schema 对象',
        en: 'the schema must be an object',
      });
    }
    const parts: Split[] = [];
    for (const [keyword, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword)) continue;
      const here = `${at}${pointer(keyword)}`;
      let part: Split | undefined;
      if (keyword === 'properties' && isObject(value)) part = this.properties(value, here, members);
      else if (keyword === 'required' && Array.isArray(value)) part = this.required(value, here, members);
      else if (keyword === 'type') part = always(value === 'object');
      else if (['not', 'allOf', 'anyOf', 'oneOf'].includes(keyword)) {
        part = compose(this, keyword, value, here, (s, inner) => this.object(s, inner, members));
      } else part = this.cannot(here, keyword);
      if (!part) return undefined;
      parts.push(part);
    }
    return all(parts);
  }

  member(name: string, at: string, members: readonly TreeField[]): TreeField | undefined {
    const member = childBySourceKey(members, name);
    if (!member || member.kind === 'table') {
      this.unsupported(at, {
        'zh-CN': member ? `${name} 是表格` : `${name} 不是已导入的字段`,
        en: member ? `${name} is a table` : `${name} is not an imported field`,
      });
      return undefined;
    }
    return member;
  }

  properties(
    value: Readonly<Record<string, unknown>>,
    at: string,
    members: readonly TreeField[],
  ): Split | undefined {
    const parts: Split[] = [];
    for (const [name, schema] of Object.entries(value)) {
      const here = `${at}${pointer(name)}`;
      const member = this.member(name, here, members);
      if (!member) return undefined;
      let node: Node | undefined;
      if (member.kind === 'field') {
        const info = this.ctx.index.fields.get(member.path);
        if (!info) return this.cannot(here, name);
        const split = this.value(schema, here, info);
        // `properties` checks only the properties that are there: a missing one passes.
        node = split && guard(split, member.path, true);
      } else {
        node = this.object(schema, here, member.children)?.present;
      }
      if (!node) return undefined;
      parts.push({ present: node, blank: false, safe: true });
    }
    return all(parts);
  }

  required(names: readonly unknown[], at: string, members: readonly TreeField[]): Split | undefined {
    const parts: Split[] = [];
    for (const [i, name] of names.entries()) {
      const member = this.member(displayValue(name), `${at}/${i}`, members);
      if (!member) return undefined;
      const present = member.kind === 'field' ? not(call('ISBLANK', field(member.path))) : bool(true);
      parts.push({ present, blank: false, safe: true });
    }
    return all(parts);
  }
}

/**
 * Translates a JSON Schema applied to an object's members (the `if` of an `if`/`then`) into a formula;
 * undefined, with a note, when some keyword cannot be written as a formula.
 */
export function schemaToFormula(
  schema: unknown,
  at: string,
  members: readonly TreeField[],
  ctx: ConditionContext,
): Node | undefined {
  return new Translator(ctx).object(schema, at, members)?.present;
}

/**
 * Translates a JSON Forms rule condition — `{ scope, schema, failWhenUndefined }`, `{ type: 'AND' | 'OR',
 * conditions }` or the legacy `{ type: 'LEAF', scope, expectedValue }` — into a formula that gives TRUE
 * exactly when JSON Forms considers the condition fulfilled; undefined, with a note, when it cannot.
 */
export function conditionToFormula(condition: unknown, at: string, ctx: ConditionContext): Node | undefined {
  const translator = new Translator(ctx);
  const visit = (cond: unknown, here: string): Node | undefined => {
    if (!isObject(cond)) {
      return translator.unsupported(here, { 'zh-CN': '条件应为对象', en: 'the condition must be an object' });
    }
    if (cond.type === 'AND' || cond.type === 'OR') {
      if (!Array.isArray(cond.conditions)) {
        return translator.unsupported(`${here}/conditions`, {
          'zh-CN': 'conditions 应为数组',
          en: 'conditions must be an array',
        });
      }
      const nodes: Node[] = [];
      for (const [i, inner] of cond.conditions.entries()) {
        const node = visit(inner, `${here}/conditions/${i}`);
        if (!node) return undefined;
        nodes.push(node);
      }
      return cond.type === 'AND' ? and(...nodes) : or(...nodes);
    }
    const isLeaf = cond.type === 'LEAF';
    if (!isLeaf && !('schema' in cond)) {
      ctx.notes.add({
        source: ctx.source,
        pointer: here,
        severity: 'changed',
        code: 'condition.always',
        message: {
          'zh-CN': '条件没有 schema，JSON Forms 视其为始终成立，导入为 TRUE',
          en: 'the condition has no schema, so JSON Forms always treats it as fulfilled; imported as TRUE',
        },
      });
      return bool(true);
    }
    const scope = typeof cond.scope === 'string' ? cond.scope : '';
    const target = ctx.resolveScope?.(scope);
    if (!target) {
      return translator.unsupported(`${here}/scope`, {
        'zh-CN': `scope ${JSON.stringify(cond.scope)} 没有指向已导入的字段`,
        en: `the scope ${JSON.stringify(cond.scope)} does not point at an imported field`,
      });
    }
    const schema = isLeaf ? { const: cond.expectedValue } : cond.schema;
    const schemaAt = isLeaf ? `${here}/expectedValue` : `${here}/schema`;
    if (target.kind === 'object') return translator.object(schema, schemaAt, target.members)?.present;
    const split = translator.value(schema, schemaAt, target.info);
    return split && guard(split, target.info.path, split.blank && cond.failWhenUndefined !== true);
  };
  return visit(condition, at);
}
