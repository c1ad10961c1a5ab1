import { analyzeFormula, type LocalizedMessage, suggest } from '@formboard/formula';
import { type FieldIndex, type FieldInfo, indexFields } from '../fields/fieldIndex.ts';
import { formulaFieldTypes } from '../fields/fieldScope.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { Report } from '../validate/issues.ts';
import { expectLogical, reportAnalysis } from './checkFormula.ts';
import type { ValidationContext } from './DefinitionKind.ts';

type Rollup = NonNullable<FormDefinition['rollups']>[number];

/** The value kind a roll-up field holds: numbers, or dates (ISO text, compared as text). */
type ValueKind = 'number' | 'date' | 'date-time';

/** A number field, a date field or a date-time field outside repeating tables; undefined otherwise. */
function valueKind(field: FieldInfo): ValueKind | undefined {
  if (field.inTable) return undefined;
  if (field.kind === 'number') return 'number';
  if (field.formulaType === 'date') return field.format === 'date-time' ? 'date-time' : 'date';
  return undefined;
}

const KIND_NAMES: Readonly<Record<ValueKind, LocalizedMessage>> = {
  number: { 'zh-CN': '数字', en: 'number' },
  date: { 'zh-CN': '日期', en: 'date' },
  'date-time': { 'zh-CN': '日期时间', en: 'date-time' },
};

/**
 * The meaning checks of a form's `rollups`: each target is a number (or, for min and max, a date)
 * field of this form outside tables, computed by nothing else; `from` is a known form (this one, or
 * one `context.form` finds — without it, cross-form checks are skipped) whose `via` field is a
 * record reference to this form; `field` and `weight` fit the measure; `where` is a TRUE/FALSE
 * formula over `from`'s fields; and no two forms roll up from each other (a form rolling up from
 * itself, a tree of records, is fine).
 */
export function checkFormRollups(
  form: FormDefinition,
  index: FieldIndex,
  context: ValidationContext,
  report: Report,
): void {
  const rollups = form.rollups ?? [];
  const computed = new Set((form.computed ?? []).map((c) => c.target));
  const targets = new Set<string>();
  const sources = new Map<string, FieldIndex | undefined>();
  const sourceIndex = (id: string): FieldIndex | undefined => {
    if (id === form.id) return index;
    if (!sources.has(id)) {
      const source = context.form?.(id);
      sources.set(id, source ? indexFields(source.data) : undefined);
    }
    return sources.get(id);
  };
  rollups.forEach((rollup, i) => {
    const at = `/rollups/${i}`;
    const target = checkTarget(rollup, index, computed, targets, `${at}/target`, report);
    targets.add(rollup.target);
    if (rollup.from !== form.id && !context.form) return;
    const source = sourceIndex(rollup.from);
    if (!source) {
      report(
        `${at}/from`,
        'rollup.unknownForm',
        { 'zh-CN': `表单 ${rollup.from} 不存在`, en: `there is no form ${rollup.from}` },
        rollup.from,
      );
      return;
    }
    checkVia(rollup, form.id, source, `${at}/via`, report);
    checkMeasure(rollup, target, source, at, report);
    if (rollup.where !== undefined) checkWhere(rollup.where, source, `${at}/where`, report);
  });
  if (context.form) checkCycles(form, context, report);
}

// The target: a known field of this form, of a kind the measure can give, set by this roll-up only.
function checkTarget(
  rollup: Rollup,
  index: FieldIndex,
  computed: ReadonlySet<string>,
  seen: ReadonlySet<string>,
  at: string,
  report: Report,
): ValueKind | undefined {
  const field = index.fields.get(rollup.target);
  if (!field) {
    unknownField(rollup.target, index, at, report, { 'zh-CN': '本表单', en: 'this form' });
    return undefined;
  }
  if (seen.has(rollup.target) || computed.has(rollup.target)) {
    report(
      at,
      'rollup.targetTaken',
      {
        'zh-CN': `${rollup.target} 已由${seen.has(rollup.target) ? '另一个汇总' : '计算公式'}得出，一个字段只能有一个来源`,
        en: `${rollup.target} is already set by ${seen.has(rollup.target) ? 'another roll-up' : 'a computed formula'}; a field has one source`,
      },
      rollup.target,
    );
  }
  // A choice field could not hold every value a roll-up gives.
  const kind = field.options ? undefined : valueKind(field);
  const wanted = rollup.measure === 'min' || rollup.measure === 'max' ? undefined : 'number';
  if (kind === undefined || (wanted !== undefined && kind !== wanted)) {
    report(
      at,
      'rollup.targetType',
      {
        'zh-CN': `汇总结果须写入表格以外的${wanted ? '数字' : '数字或日期'}字段，${rollup.target} 不是`,
        en: `a roll-up writes a ${wanted ? 'number' : 'number or date'} field outside tables; ${rollup.target} is not one`,
      },
      rollup.target,
    );
    return undefined;
  }
  return kind;
}

// `via`: a record-reference field of the source form, outside tables, pointing at this form.
function checkVia(rollup: Rollup, formId: string, source: FieldIndex, at: string, report: Report): void {
  const field = source.fields.get(rollup.via);
  if (!field) {
    unknownField(rollup.via, source, at, report, sourceName(rollup.from));
    return;
  }
  if (
    field.kind !== 'string' ||
    field.format !== 'record' ||
    field.inTable ||
    field.schema['x-form'] !== formId
  )
    report(
      at,
      'rollup.viaNotReference',
      {
        'zh-CN': `${rollup.from} 的 ${rollup.via} 不是指向本表单（${formId}）记录的关联字段`,
        en: `${rollup.via} of ${rollup.from} is not a record reference to this form (${formId})`,
      },
      rollup.via,
    );
}

// `field` and `weight`: present when the measure needs them, of a kind it can combine into the target.
function checkMeasure(
  rollup: Rollup,
  target: ValueKind | undefined,
  source: FieldIndex,
  at: string,
  report: Report,
): void {
  const needsField = rollup.measure !== 'count';
  if (rollup.field === undefined) {
    if (needsField)
      report(`${at}/field`, 'rollup.fieldRequired', {
        'zh-CN': `“${rollup.measure}”汇总须指定要汇总的字段（field）`,
        en: `a “${rollup.measure}” roll-up needs the field to combine (field)`,
      });
  } else {
    const field = source.fields.get(rollup.field);
    if (!field) unknownField(rollup.field, source, `${at}/field`, report, sourceName(rollup.from));
    else if (needsField) {
      const kind = valueKind(field);
      const numeric = rollup.measure !== 'min' && rollup.measure !== 'max';
      if (kind === undefined || (numeric && kind !== 'number'))
        report(
          `${at}/field`,
          'rollup.fieldType',
          {
            'zh-CN': `“${rollup.measure}”只能汇总表格以外的${numeric ? '数字' : '数字或日期'}字段，${rollup.field} 不是`,
            en: `“${rollup.measure}” combines a ${numeric ? 'number' : 'number or date'} field outside tables; ${rollup.field} is not one`,
          },
          rollup.field,
        );
      else if (target !== undefined && kind !== target)
        report(
          `${at}/target`,
          'rollup.targetType',
          {
            'zh-CN': `${rollup.field} 是${KIND_NAMES[kind]['zh-CN']}，结果字段 ${rollup.target} 须是同类字段`,
            en: `${rollup.field} is a ${KIND_NAMES[kind].en} field, so ${rollup.target} must be one too`,
          },
          rollup.target,
        );
    } else if (field.inTable)
      report(
        `${at}/field`,
        'rollup.fieldType',
        {
          'zh-CN': `不能按表格的一列（${rollup.field}）计数`,
          en: `records cannot be counted by a table column (${rollup.field})`,
        },
        rollup.field,
      );
  }
  checkWeight(rollup, source, `${at}/weight`, report);
}

function checkWeight(rollup: Rollup, source: FieldIndex, at: string, report: Report): void {
  if (rollup.measure !== 'weightedAvg') {
    if (rollup.weight !== undefined)
      report(
        at,
        'rollup.weightUnused',
        {
          'zh-CN': '只有加权平均（weightedAvg）使用权重字段',
          en: 'only a weighted average (weightedAvg) uses a weight field',
        },
        rollup.weight,
      );
    return;
  }
  if (rollup.weight === undefined) {
    report(at, 'rollup.weightRequired', {
      'zh-CN': '加权平均须指定权重字段（weight）',
      en: 'a weighted average needs a weight field (weight)',
    });
    return;
  }
  const field = source.fields.get(rollup.weight);
  if (!field) unknownField(rollup.weight, source, at, report, sourceName(rollup.from));
  else if (valueKind(field) !== 'number')
    report(
      at,
      'rollup.weightType',
      {
        'zh-CN': `权重须是表格以外的数字字段，${rollup.weight} 不是`,
        en: `the weight must be a number field outside tables; ${rollup.weight} is not one`,
      },
      rollup.weight,
    );
}

// `where`: a TRUE/FALSE formula over the source form's fields only. No variables: `$user` would be
// whoever happens to write (a roll-up is recomputed by any writer), and the clock (`$today`, which is
// also what `TODAY()` reads) would not be followed: roll-ups are recomputed when records are written.
function checkWhere(formula: string, source: FieldIndex, at: string, report: Report): void {
  const analyzed = analyzeFormula(formula, { fields: formulaFieldTypes(source) });
  if (!reportAnalysis(analyzed, formula, at, report) || !analyzed.ok) return;
  expectLogical(analyzed.type, formula, at, report);
  const variables = analyzed.dependencies.filter((name) => name.startsWith('$'));
  if (variables.length > 0)
    report(
      at,
      'rollup.whereVariable',
      {
        'zh-CN': `汇总条件只能读来源表单的字段，不能读 ${variables.join('、')}（包括 TODAY()、NOW()）：汇总在记录写入时重算，与写入人和时间无关`,
        en: `a roll-up condition reads only the fields of its source form, not ${variables.join(', ')} (nor TODAY() or NOW()): roll-ups are recomputed when records are written, whoever writes and whenever`,
      },
      formula,
    );
}

// Forms that roll up from each other would rewrite each other's records without end. Walks the
// roll-up sources reachable from this form (through `context.form`) and reports each roll-up whose
// source leads back here through another form.
function checkCycles(form: FormDefinition, context: ValidationContext, report: Report): void {
  const sourcesOf = (id: string): string[] =>
    ((id === form.id ? form : context.form?.(id))?.rollups ?? []).map((r) => r.from).filter((f) => f !== id);
  (form.rollups ?? []).forEach((rollup, i) => {
    if (rollup.from === form.id) return;
    const path = pathBack(rollup.from, form.id, sourcesOf);
    if (path)
      report(
        `/rollups/${i}/from`,
        'rollup.cycle',
        {
          'zh-CN': `汇总形成循环：${[form.id, ...path].join(' ← ')}`,
          en: `the roll-ups go round in a circle: ${[form.id, ...path].join(' ← ')}`,
        },
        rollup.from,
      );
  });
}

/** The chain of roll-up sources from `start` back to `goal` (depth first), or undefined. */
function pathBack(start: string, goal: string, sourcesOf: (id: string) => string[]): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (id === goal) return [id];
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const next of sourcesOf(id)) {
      const rest = walk(next);
      if (rest) return [id, ...rest];
    }
    return undefined;
  };
  return walk(start);
}

const sourceName = (formId: string): LocalizedMessage => ({
  'zh-CN': `表单 ${formId}`,
  en: `form ${formId}`,
});

function unknownField(
  path: string,
  index: FieldIndex,
  at: string,
  report: Report,
  where: LocalizedMessage,
): void {
  const guess = suggest(path, index.fields.keys());
  report(
    at,
    'rollup.unknownField',
    {
      'zh-CN': `${where['zh-CN']}没有字段 ${path}${guess ? `，是否想用 ${guess}？` : ''}`,
      en: `${where.en} has no field ${path}${guess ? ` — did you mean ${guess}?` : ''}`,
    },
    path,
  );
}
