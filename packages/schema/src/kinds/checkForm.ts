import { type FieldIndex, indexFields } from '../fields/fieldIndex.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { pointer, type Report } from '../validate/issues.ts';
import type { KeysOf } from '../validate/schemaWalk.ts';
import {
  checkComputed,
  checkRules,
  checkValidations,
  FormulaChecks,
  unknownPath,
} from './checkFormFormulas.ts';
import { checkFormLayout } from './checkFormLayout.ts';
import { checkFormRollups } from './checkFormRollups.ts';
import { checkFormUnique } from './checkFormUnique.ts';
import type { ValidationContext } from './DefinitionKind.ts';
import type { FormCheckMemo, FormSection } from './FormCheckMemo.ts';

/**
 * The meaning checks of a form, beyond its JSON Schema: data refs, layout, formulas, ids, cycles.
 * With a memo (createDefinitionValidator), work on parts that did not change since the last call is
 * reused: the same code runs either way, only skipping what it already knows. `context` resolves the
 * other forms its roll-ups read; `keysOf` gives the keys of the big maps as the walk read them.
 */
export function checkForm(
  form: FormDefinition,
  report: Report,
  memo?: FormCheckMemo,
  context: ValidationContext = {},
  keysOf: KeysOf = Object.keys,
): void {
  memo?.begin();
  const index = memo ? memo.indexOf(form.data) : indexFields(form.data, '/data', undefined, keysOf);
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
  const checks = new FormulaChecks(index, memo);
  const section: Section = memo
    ? (name, key, run) => memo.section(name, key, checks.shape, report, run)
    : (_name, _key, run) => run(report);
  section('required', form.data, (r) => checkRequiredLists(form, index, r));
  section('layout', form.layout, (r) => checkFormLayout(form.layout, index, r, keysOf));
  section('rules', form.rules, (r) => checkRules(form, checks, r));
  section('computed', form.computed, (r) => checkComputed(form, checks, r));
  section('validations', form.validations, (r) => checkValidations(form, checks, r));
  section('messages', form.messages, (r) => checkMessages(form, index, r));
  section('access', form.access, (r) => checkHiddenFields(form, index, r));
  // Not remembered: the roll-ups also read other forms, which the memo does not track.
  if (form.rollups) checkFormRollups(form, index, context, report);
  if (form.unique) checkFormUnique(form, index, report);
}

/** Runs one part of the checks (or replays its remembered issues). */
type Section = (name: FormSection, key: object | undefined, run: (report: Report) => void) => void;

// Each object schema's `required` names must be its own properties: the data root, its groups, the
// rows of its tables written inline, and the rows under $defs. Groups and tables are found through the
// index (document order, each group before what it holds), not by walking the data schema again.
function checkRequiredLists(form: FormDefinition, index: FieldIndex, report: Report): void {
  const check = (schema: Readonly<Record<string, unknown>>, at: string): void => {
    const properties = (schema.properties ?? {}) as Readonly<Record<string, unknown>>;
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
  };
  check(form.data as Readonly<Record<string, unknown>>, '/data');
  for (const field of index.fields.values()) {
    if (field.kind === 'group') check(field.schema, field.pointer);
    const items = field.schema.items as Readonly<Record<string, unknown>> | undefined;
    if (field.kind === 'table' && items?.type === 'object') check(items, `${field.pointer}/items`);
  }
  for (const [name, def] of Object.entries(form.data.$defs ?? {})) {
    if (def.type === 'object')
      check(def as Readonly<Record<string, unknown>>, `/data${pointer('$defs', name)}`);
  }
}

// Hidden fields are whole fields a role never sees: top-level or group fields, or whole tables.
function checkHiddenFields(form: FormDefinition, index: FieldIndex, report: Report): void {
  for (const [role, paths] of Object.entries(form.access?.hiddenFields ?? {})) {
    paths.forEach((path, i) => {
      const field = index.fields.get(path);
      if (!field) unknownPath(path, pointer('access', 'hiddenFields', role, String(i)), report);
      else if (field.inTable)
        report(
          pointer('access', 'hiddenFields', role, String(i)),
          'access.tableColumn',
          {
            'zh-CN': `不能只隐藏表格的一列（${path}），请隐藏整个表格`,
            en: `a table column (${path}) cannot be hidden alone; hide the whole table`,
          },
          path,
        );
    });
  }
}

function checkMessages(form: FormDefinition, index: FieldIndex, report: Report): void {
  for (const path of Object.keys(form.messages ?? {})) {
    if (!index.fields.has(path)) unknownPath(path, pointer('messages', path), report);
  }
}
