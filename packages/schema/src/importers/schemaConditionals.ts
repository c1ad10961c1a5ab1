import type { Node } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import { pointer } from '../validate/issues.ts';
import { schemaToFormula } from './conditionToFormula.ts';
import type { SchemaConditional } from './convertDataSchema.ts';
import { childBySourceKey, type TreeField } from './FieldTree.ts';
import { call, field, not } from './formulaNodes.ts';
import type { ImportNotes } from './ImportNotes.ts';
import { isObject, type Located } from './normalizeSchema.ts';
import type { RuleSet } from './RuleSet.ts';

const IGNORED = new Set(['title', 'description', '$comment']);

/** Makes the fields named in `required` (of a then/else/dependentRequired entry) required when `condition` holds. */
function requireNames(
  names: unknown,
  at: string,
  members: readonly TreeField[],
  condition: Node,
  rules: RuleSet,
  notes: ImportNotes,
): void {
  if (!Array.isArray(names)) {
    notes.schema(at, 'dropped', 'keyword.invalid', {
      'zh-CN': 'required 应为属性名数组，未导入',
      en: 'required must be an array of property names; not imported',
    });
    return;
  }
  names.forEach((name, i) => {
    const member = typeof name === 'string' ? childBySourceKey(members, name) : undefined;
    if (member && (member.kind === 'field' || member.kind === 'table')) {
      rules.require(member.path, condition, { source: 'schema', pointer: `${at}/${i}` });
      return;
    }
    notes.schema(`${at}/${i}`, 'dropped', 'required.unknown', {
      'zh-CN': `${JSON.stringify(name)} 不是已导入的字段，不能设为必填`,
      en: `${JSON.stringify(name)} is not an imported field and cannot be made required`,
    });
  });
}

function branch(
  entry: Located,
  members: readonly TreeField[],
  condition: Node,
  rules: RuleSet,
  notes: ImportNotes,
): void {
  if (!isObject(entry.value)) {
    notes.schema(entry.at, 'dropped', 'keyword.invalid', {
      'zh-CN': '应为 JSON Schema 对象，未导入',
      en: 'must be a JSON Schema object; not imported',
    });
    return;
  }
  for (const [keyword, value] of Object.entries(entry.value)) {
    const at = `${entry.at}${pointer(keyword)}`;
    if (keyword === 'required') requireNames(value, at, members, condition, rules, notes);
    else if (!IGNORED.has(keyword)) {
      notes.schema(at, 'dropped', 'conditional.keyword', {
        'zh-CN': `条件结构中只支持 required，未导入 ${keyword}`,
        en: `only required is supported inside a conditional schema; ${keyword} was not imported`,
      });
    }
  }
}

/**
 * Turns the conditional requirements of a schema — `if`/`then`/`else` whose branches list `required`,
 * and `dependentRequired` (or the array form of `dependencies`) — into required rules.
 */
export function conditionalRules(
  conditionals: readonly SchemaConditional[],
  index: FieldIndex,
  notes: ImportNotes,
  rules: RuleSet,
): void {
  for (const conditional of conditionals) {
    if (conditional.kind === 'if') {
      const { members } = conditional;
      const condition = schemaToFormula(conditional.condition.value, conditional.condition.at, members, {
        index,
        notes,
        source: 'schema',
        consequence: { 'zh-CN': 'then/else 未导入', en: 'then/else were not imported' },
      });
      if (!condition) continue;
      notes.schema(conditional.condition.at, 'changed', 'conditional.rule', {
        'zh-CN': 'if/then/else 导入为必填规则',
        en: 'if/then/else was imported as required rules',
      });
      if (conditional.whenTrue) branch(conditional.whenTrue, members, condition, rules, notes);
      if (conditional.whenFalse) branch(conditional.whenFalse, members, not(condition), rules, notes);
      continue;
    }
    const { entry, members } = conditional;
    if (!isObject(entry.value)) {
      notes.schema(entry.at, 'dropped', 'keyword.invalid', {
        'zh-CN': '应为对象，未导入',
        en: 'must be an object; not imported',
      });
      continue;
    }
    for (const [trigger, names] of Object.entries(entry.value)) {
      const at = `${entry.at}${pointer(trigger)}`;
      const source = childBySourceKey(members, trigger);
      if (!Array.isArray(names) || !source || source.kind !== 'field') {
        notes.schema(at, 'dropped', 'conditional.dependency', {
          'zh-CN': Array.isArray(names)
            ? `${trigger} 不是已导入的字段，未导入此依赖`
            : '不支持依赖结构（只支持属性名数组）',
          en: Array.isArray(names)
            ? `${trigger} is not an imported field; this dependency was not imported`
            : 'dependent schemas are not supported (only arrays of property names)',
        });
        continue;
      }
      notes.schema(at, 'changed', 'conditional.rule', {
        'zh-CN': `依赖导入为必填规则：填写 ${trigger} 时必填`,
        en: `the dependency was imported as required rules: required when ${trigger} is filled in`,
      });
      requireNames(names, at, members, not(call('ISBLANK', field(source.path))), rules, notes);
    }
  }
}
