import { createDependencyGraph, type TypeName, typeName } from '@formboard/formula';
import {
  type FieldIndex,
  fieldTypesFor,
  formulaFieldTypes,
  indexFields,
  qualifyDependency,
  tableOf,
} from '../fields/fieldIndex.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { pointer, type Report } from '../validate/issues.ts';
import { checkFormLayout } from './checkFormLayout.ts';
import { checkFormula, expectLogical } from './checkFormula.ts';

/** The meaning checks of a form, beyond its JSON Schema: data refs, layout, formulas, ids, cycles. */
export function checkForm(form: FormDefinition, report: Report): void {
  const index = indexFields(form.data);
  for (const problem of index.problems) {
    const reason = {
      missing: {
        'zh-CN': `引用的定义 ${problem.ref} 不存在`,
        en: `${problem.ref} is not defined under $defs`,
      },
      notARow: {
        'zh-CN': `${problem.ref} 不是表格行（对象）`,
        en: `${problem.ref} is not a table row (an object)`,
      },
      notAField: {
        'zh-CN': `${problem.ref} 是表格行，不能当作字段`,
        en: `${problem.ref} is a table row, not a field`,
      },
    }[problem.reason];
    report(`${problem.pointer}/$ref`, 'data.badRef', reason, problem.ref);
  }
  checkRequiredLists(form, report);
  checkFormLayout(form.layout, index, report);
  checkFormulas(form, index, report);
  checkMessages(form, index, report);
}

function checkRequiredLists(form: FormDefinition, report: Report): void {
  const visit = (schema: Readonly<Record<string, unknown>>, at: string): void => {
    const properties = (schema.properties ?? {}) as Readonly<
      Record<string, Readonly<Record<string, unknown>>>
    >;
    const required = (schema.required ?? []) as readonly string[];
    required.forEach((name, i) => {
      if (!Object.hasOwn(properties, name)) {
        report(
          `${at}/required/${i}`,
          'data.unknownRequired',
          {
            'zh-CN': `必填列表中的 ${name} 不是此对象的字段`,
            en: `required names ${name}, which is not a field of this object`,
          },
          name,
        );
      }
    });
    for (const [key, child] of Object.entries(properties)) {
      const childAt = `${at}${pointer('properties', key)}`;
      if (child.type === 'object') visit(child, childAt);
      const items = child.items as Readonly<Record<string, unknown>> | undefined;
      if (child.type === 'array' && items?.type === 'object') visit(items, `${childAt}/items`);
    }
  };
  visit(form.data as Readonly<Record<string, unknown>>, '/data');
  for (const [name, def] of Object.entries(form.data.$defs ?? {})) {
    if (def.type === 'object')
      visit(def as Readonly<Record<string, unknown>>, `/data${pointer('$defs', name)}`);
  }
}

function unknownPath(path: string, at: string, report: Report): void {
  report(
    at,
    'form.unknownPath',
    { 'zh-CN': `数据中没有字段 ${path}`, en: `the data has no field ${path}` },
    path,
  );
}

function checkFormulas(form: FormDefinition, index: FieldIndex, report: Report): void {
  const types = formulaFieldTypes(index);
  // One field table per table's row formulas, shared by every formula (the checker caches by identity).
  const tables = new Map<string, Record<string, TypeName>>();
  const typesFor = (target: string): Record<string, TypeName> => {
    const table = tableOf(target);
    if (table === undefined) return types;
    let found = tables.get(table);
    if (!found) {
      found = fieldTypesFor(index, target);
      tables.set(table, found);
    }
    return found;
  };

  const ruleTargets = new Set<string>();
  (form.rules ?? []).forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (!index.fields.has(rule.target)) unknownPath(rule.target, `${at}/target`, report);
    if (ruleTargets.has(rule.target)) {
      report(
        `${at}/target`,
        'form.duplicateRule',
        {
          'zh-CN': `${rule.target} 已有规则，请合并到一条`,
          en: `${rule.target} already has a rule; merge them into one`,
        },
        rule.target,
      );
    }
    ruleTargets.add(rule.target);
    for (const key of ['visible', 'required', 'readOnly'] as const) {
      const source = rule[key];
      if (source === undefined) continue;
      const checked = checkFormula(source, `${at}/${key}`, typesFor(rule.target), report);
      if (checked) expectLogical(checked.type, source, `${at}/${key}`, report);
    }
  });

  const dependencyMap: Record<string, readonly string[]> = {};
  const computedAt = new Map<string, string>();
  (form.computed ?? []).forEach((entry, i) => {
    const at = `/computed/${i}`;
    const target = index.fields.get(entry.target);
    if (!target) unknownPath(entry.target, `${at}/target`, report);
    else if (target.kind === 'table' || target.kind === 'group') {
      report(
        `${at}/target`,
        'form.computedNotScalar',
        {
          'zh-CN': `${entry.target} 是表格或分组，不能由公式计算`,
          en: `${entry.target} is a table or group and cannot be computed`,
        },
        entry.target,
      );
    }
    if (computedAt.has(entry.target)) {
      report(
        `${at}/target`,
        'form.duplicateComputed',
        {
          'zh-CN': `${entry.target} 已由另一个公式计算`,
          en: `${entry.target} is already computed by another formula`,
        },
        entry.target,
      );
    }
    computedAt.set(entry.target, at);
    const checked = checkFormula(entry.formula, `${at}/formula`, typesFor(entry.target), report);
    if (!checked) return;
    dependencyMap[entry.target] = checked.dependencies.map((d) => qualifyDependency(d, entry.target, index));
    if (target && target.kind !== 'table' && target.kind !== 'group')
      checkResultType(entry, target, checked.type, at, report);
  });

  for (const cycle of createDependencyGraph(dependencyMap).cycles) {
    const first = cycle[0] ?? '';
    report(
      `${computedAt.get(first) ?? '/computed'}/formula`,
      'form.computedCycle',
      {
        'zh-CN': `计算字段循环依赖：${cycle.join(' → ')}`,
        en: `computed fields depend on each other in a cycle: ${cycle.join(' → ')}`,
      },
      cycle,
    );
  }

  const validationIds = new Set<string>();
  (form.validations ?? []).forEach((validation, i) => {
    const at = `/validations/${i}`;
    if (validationIds.has(validation.id)) {
      report(
        `${at}/id`,
        'form.duplicateId',
        { 'zh-CN': `校验 id ${validation.id} 重复`, en: `validation id ${validation.id} is used twice` },
        validation.id,
      );
    }
    validationIds.add(validation.id);
    const checked = checkFormula(validation.formula, `${at}/formula`, types, report);
    if (checked) expectLogical(checked.type, validation.formula, `${at}/formula`, report);
    (validation.paths ?? []).forEach((path, j) => {
      if (!index.fields.has(path)) unknownPath(path, `${at}/paths/${j}`, report);
    });
  });
}

// A computed field must receive what its formula gives: numbers for number fields, and so on.
function checkResultType(
  entry: { target: string; formula: string },
  target: { kind: string; formulaType: string; inTable: boolean },
  type: Parameters<typeof typeName>[0],
  at: string,
  report: Report,
): void {
  const element = type.kind === 'array' ? type.of : type;
  if (type.kind === 'array' && target.kind !== 'multiSelect') {
    report(
      `${at}/formula`,
      'form.computedType',
      {
        'zh-CN': `公式返回一列值（${typeName(type)}），但 ${entry.target} 只有一个值；可用 SUM 等汇总`,
        en: `the formula gives a list (${typeName(type)}) but ${entry.target} holds one value; aggregate it, e.g. with SUM`,
      },
      entry.formula,
    );
    return;
  }
  const expected = target.formulaType.replace('[]', '');
  const compatible =
    element.kind === 'any' ||
    element.kind === 'blank' ||
    element.kind === expected ||
    (expected === 'string' && element.kind !== 'array');
  if (!compatible) {
    report(
      `${at}/formula`,
      'form.computedType',
      {
        'zh-CN': `${entry.target} 是${expected}字段，公式却返回${typeName(element)}`,
        en: `${entry.target} holds ${expected} values but the formula gives ${typeName(element)}`,
      },
      entry.formula,
    );
  }
}

function checkMessages(form: FormDefinition, index: FieldIndex, report: Report): void {
  for (const path of Object.keys(form.messages ?? {})) {
    if (!index.fields.has(path)) unknownPath(path, pointer('messages', path), report);
  }
}
