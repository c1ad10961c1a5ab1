import { columnPath, compile } from '@formboard/formula';
import {
  type FieldValidator,
  type FormDefinition,
  indexFields,
  type RecordValidator,
} from '@formboard/schema';
import { formatPath, getIn } from '../paths.ts';
import { compileFieldCheck, compileRecordCheck } from '../validation/recordCheck.ts';
import { ComputedFields } from './computedFields.ts';
import { compileCrossField } from './crossField.ts';
import { applyDefaults, isEmpty } from './defaults.ts';
import type { FormEngine } from './FormEngine.ts';
import { FieldRules } from './fieldRules.ts';
import { withoutHidden } from './hiddenValues.ts';
import { applyInitialValues } from './initialValues.ts';
import { PathListeners } from './listeners.ts';
import { RowKeyedState } from './rowKeyedState.ts';
import type { CompileFormula } from './runtimeFormula.ts';
import type { FieldState, FormEngineOptions, FormIssue, FormState } from './types.ts';
import { ValueStore } from './valueStore.ts';

const NO_ISSUES: readonly FormIssue[] = [];

/**
 * The engine of a form definition that is known to be valid: a published version, which the server
 * validated when it was saved. It does not validate the definition again, so a page showing published
 * forms carries neither ajv nor the definition schemas; `createFormEngine` validates first. Its formulas
 * may call every built-in function; `loadFormEngine` loads only those they call.
 */
export function openFormEngine(form: FormDefinition, options: FormEngineOptions = {}): FormEngine {
  return openEngine(form, options, compile);
}

/** The engine of a valid definition whose formulas are compiled by `compileFormula`. */
export function openEngine(
  form: FormDefinition,
  options: FormEngineOptions,
  compileFormula: CompileFormula,
): FormEngine {
  const index = indexFields(form.data);
  const context = options.context ?? {};
  const validateOn = options.validateOn ?? 'touched';
  const computed = new ComputedFields(form, index, compileFormula);
  const rules = new FieldRules(form, index, compileFormula);
  // Roll-up fields are the server's: it computes them from the records that point here.
  const rolledUp = new Set((form.rollups ?? []).map((r) => r.target));
  const listeners = new PathListeners();
  const validators = new Map<string, FieldValidator>();
  const crossField = compileCrossField(form, index, compileFormula);
  let recordCheck: RecordValidator | undefined;

  const store = new ValueStore(
    applyInitialValues(applyDefaults(options.value ?? {}, index), form, index, compileFormula, context),
  );
  const recomputeAll = () => {
    computed.runAll(store, context);
    rules.runAll(store, context);
  };
  recomputeAll();
  let initial = store.snapshot();
  /** Written since the start (or the last reset): the form is dirty. */
  let written = false;
  const touched = new RowKeyedState<true>();
  const issues = new RowKeyedState<readonly FormIssue[]>();
  let formIssues: readonly FormIssue[] = [];
  let submitCount = 0;
  const states = new Map<string, FieldState>();
  let formState: { readonly state: FormState; readonly key: readonly unknown[] } | undefined;

  const columns = new Map<string, string>();
  const columnOf = (path: string): string => {
    let column = columns.get(path);
    if (column === undefined) {
      column = columnPath(path);
      columns.set(path, column);
    }
    return column;
  };
  const validatorFor = (column: string): FieldValidator => {
    let validator = validators.get(column);
    if (!validator) {
      validator = compileFieldCheck(form, column);
      validators.set(column, validator);
    }
    return validator;
  };
  const isRequired = (path: string): boolean =>
    (index.fields.get(columnOf(path))?.required ?? false) || (rules.answer(path, 'required') ?? false);
  const isVisible = (path: string): boolean => rules.answer(path, 'visible') ?? true;

  const checkField = (path: string): void => {
    const found = isVisible(path)
      ? validatorFor(columnOf(path))(store.get(path), isRequired(path)).map((i) => ({ path, ...i }))
      : [];
    const known = issues.get(path);
    // The same problems as before keep their list, so the field need not re-render.
    if (known && sameIssues(known, found)) return;
    if (found.length > 0) issues.set(path, found);
    else issues.delete(path);
  };

  /** Runs the computed fields and rules a change reaches, then tells the listeners concerned. */
  const afterChange = (changedPaths: readonly string[], structural: readonly string[] = []) => {
    const changedColumns =
      changedPaths.length + structural.length === 1
        ? [columnOf(changedPaths[0] ?? structural[0] ?? '')]
        : [...new Set([...changedPaths, ...structural].map(columnOf))];
    const recomputed = computed.runAffected(changedColumns, store, context);
    const ruleColumns =
      recomputed.length === 0 ? changedColumns : [...changedColumns, ...recomputed.map(columnOf)];
    const ruleTargets = rules.runAffected(ruleColumns, store, context);
    listeners.notify(
      recomputed.length === 0 ? changedPaths : [...changedPaths, ...recomputed],
      ruleTargets.length === 0
        ? structural
        : [...structural, ...ruleTargets.map((t) => t.split('[]')[0] ?? t)],
    );
  };
  /** After a change of everything (submit, reset, drafts): every listener. */
  const afterAll = () => listeners.notify([], ['']);

  const rowsOf = (table: string): unknown[] => {
    const rows = store.get(table);
    return Array.isArray(rows) ? rows : [];
  };
  /** Writes a table's new rows and moves the rows' touched state and errors with them. */
  const changeRows = (table: string, rows: unknown[], mapping: (i: number) => number | undefined) => {
    store.set(table, rows);
    written = true;
    touched.remapRows(table, mapping);
    issues.remapRows(table, mapping);
    afterChange([], [table]);
  };

  const engine: FormEngine = {
    definition: form,
    fields: index,
    getValue: (path) => (path === undefined || path === '' ? store.snapshot() : store.get(path)),
    setValue(path, raw) {
      const field = index.fields.get(columnOf(path));
      const value =
        field && field.kind !== 'table' && field.kind !== 'group' && isEmpty(raw) ? undefined : raw;
      store.set(path, value);
      written = true;
      if (validateOn === 'change' || (validateOn === 'touched' && (touched.has(path) || issues.has(path))))
        checkField(path);
      afterChange([path]);
    },
    blur(path) {
      touched.set(path, true);
      if (validateOn !== 'change') checkField(path);
      afterChange([path]);
    },
    getFieldState(path) {
      const segments = store.segmentsOf(path);
      const value = store.getAt(segments);
      const column = columnOf(path);
      const fieldIssues = issues.get(path) ?? NO_ISSUES;
      const isTouched = touched.has(path);
      const dirty = !Object.is(value, getIn(initial, segments));
      const visible = isVisible(path);
      const required = isRequired(path);
      const readOnly =
        computed.has(column) || rolledUp.has(column) || (rules.answer(path, 'readOnly') ?? false);
      const computedError = computed.errors.get(path);
      // The same object while nothing about the field changed: React skips its re-render.
      const cached = states.get(path);
      if (
        cached &&
        Object.is(cached.value, value) &&
        cached.issues === fieldIssues &&
        cached.touched === isTouched &&
        cached.dirty === dirty &&
        cached.visible === visible &&
        cached.required === required &&
        cached.readOnly === readOnly &&
        cached.computedError === computedError
      )
        return cached;
      const state: FieldState = {
        value,
        issues: fieldIssues,
        touched: isTouched,
        dirty,
        visible,
        required,
        readOnly,
        ...(computedError ? { computedError } : {}),
      };
      states.set(path, state);
      return state;
    },
    getFormState() {
      const key = [written, issues.version, formIssues, submitCount];
      if (!formState || key.some((k, i) => k !== formState?.key[i])) {
        const state = { dirty: written, issues: [...formIssues, ...issues.all()], submitCount };
        formState = { state, key };
      }
      return formState.state;
    },
    subscribe: (path, listener) => listeners.add(path, listener),
    subscribeForm: (listener) => listeners.addForm(listener),
    addRow(table, row = {}, at) {
      const rows = rowsOf(table);
      const position = Math.max(0, Math.min(at ?? rows.length, rows.length));
      const added = applyDefaults(row, index, `${table}[]`);
      changeRows(table, [...rows.slice(0, position), added, ...rows.slice(position)], (i) =>
        i >= position ? i + 1 : i,
      );
    },
    removeRow(table, at) {
      const rows = rowsOf(table);
      if (at < 0 || at >= rows.length) return;
      changeRows(
        table,
        rows.filter((_, i) => i !== at),
        (i) => (i === at ? undefined : i > at ? i - 1 : i),
      );
    },
    moveRow(table, from, to) {
      const rows = [...rowsOf(table)];
      if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return;
      const [moved] = rows.splice(from, 1);
      rows.splice(to, 0, moved);
      changeRows(table, rows, (i) =>
        i === from ? to : from < to ? (i > from && i <= to ? i - 1 : i) : i >= to && i < from ? i + 1 : i,
      );
    },
    duplicateRow(table, at) {
      const row = rowsOf(table)[at];
      if (row === undefined) return;
      engine.addRow(table, structuredClone(row) as Record<string, unknown>, at + 1);
    },
    validate() {
      const found = runFullValidation();
      afterAll();
      return found;
    },
    submit() {
      submitCount += 1;
      const found = runFullValidation();
      for (const path of fieldPaths()) touched.set(path, true);
      afterAll();
      return found.length > 0 ? { ok: false, issues: found } : { ok: true, value: cleanValue() };
    },
    reset(value) {
      store.replace(value ? applyDefaults(value, index) : initial);
      touched.clear();
      issues.clear();
      formIssues = [];
      recomputeAll();
      if (value) initial = store.snapshot();
      written = false;
      afterAll();
    },
    serializeDraft() {
      return {
        format: 'formboard-draft',
        version: 1,
        formId: form.id,
        values: store.snapshot(),
        touched: touched.keys(),
        savedAt: new Date().toISOString(),
      };
    },
    restoreDraft(draft) {
      if (draft.format !== 'formboard-draft' || draft.formId !== form.id) return false;
      store.replace(applyDefaults(draft.values, index));
      written = true;
      touched.clear();
      issues.clear();
      for (const path of draft.touched) touched.set(path, true);
      recomputeAll();
      for (const path of draft.touched) checkField(path);
      afterAll();
      return true;
    },
  };

  /** The value without hidden fields: what a submission stores. */
  function cleanValue(): Record<string, unknown> {
    return withoutHidden(store.snapshot(), rules.hiddenPaths(store), (path) => store.segmentsOf(path));
  }

  /** Every concrete path of a scalar field in the current value. */
  function fieldPaths(): string[] {
    const out: string[] = [];
    for (const [path, field] of index.fields) {
      if (field.kind === 'table' || field.kind === 'group') continue;
      if (!field.inTable) {
        out.push(path);
        continue;
      }
      const [table = '', column = ''] = path.split('[].');
      const rows = store.get(table);
      if (Array.isArray(rows)) for (let i = 0; i < rows.length; i++) out.push(`${table}[${i}].${column}`);
    }
    return out;
  }

  // The record schema (checked as the server's ajv checks it) on the clean value, rule-required
  // fields, and the cross-field validations. Problems of hidden fields are not problems: they are not
  // submitted.
  function runFullValidation(): FormIssue[] {
    recordCheck ??= compileRecordCheck(form);
    const clean = cleanValue();
    const hidden = new Set(rules.hiddenPaths(store));
    const found: FormIssue[] = [];
    const requiredFound = new Set<string>();
    for (const issue of recordCheck(clean)) {
      const path = toConcrete(issue.pointer);
      if (hidden.has(path)) continue;
      found.push({ path, keyword: issue.keyword, message: issue.message });
      if (issue.keyword === 'required') requiredFound.add(path);
    }
    for (const path of fieldPaths()) {
      if (
        rules.answer(path, 'required') &&
        !requiredFound.has(path) &&
        isVisible(path) &&
        isEmpty(getIn(clean, store.segmentsOf(path)))
      )
        found.push(...validatorFor(columnOf(path))(undefined, true).map((i) => ({ path, ...i })));
    }
    const crossIssues = crossField(clean, context);
    formIssues = crossIssues.filter((issue) => issue.path === '');
    found.push(...crossIssues);
    issues.clear();
    const byPath = new Map<string, FormIssue[]>();
    for (const issue of found) {
      if (issue.path === '') continue;
      const list = byPath.get(issue.path);
      if (list) list.push(issue);
      else byPath.set(issue.path, [issue]);
    }
    for (const [path, list] of byPath) issues.set(path, list);
    return found;
  }

  return engine;
}

function sameIssues(a: readonly FormIssue[], b: readonly FormIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.keyword === b[i]?.keyword &&
        x.message.en === b[i]?.message.en &&
        x.message['zh-CN'] === b[i]?.message['zh-CN'],
    )
  );
}

/** "/kpis/0/weight" → "kpis[0].weight". */
function toConcrete(pointerText: string): string {
  return formatPath(
    pointerText
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~'))),
  );
}
