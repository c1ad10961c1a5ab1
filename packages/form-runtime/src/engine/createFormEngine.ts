import { columnPath } from '@formboard/formula';
import {
  compileFieldValidator,
  compileRecordValidator,
  type FieldIndex,
  type FieldValidator,
  type FormDefinition,
  formKind,
  formulaFieldTypes,
  indexFields,
  validateAs,
} from '@formboard/schema';
import { formatPath, getIn, parsePath, setIn } from '../paths.ts';
import { ComputedFields } from './computedFields.ts';
import { compileCrossField } from './crossField.ts';
import { applyDefaults, isEmpty } from './defaults.ts';
import { FieldRules } from './fieldRules.ts';
import { PathListeners } from './listeners.ts';
import { RowKeyedState } from './rowKeyedState.ts';
import type {
  FieldState,
  FormContext,
  FormDraft,
  FormEngineOptions,
  FormIssue,
  FormState,
  SubmitResult,
} from './types.ts';

/** A headless form: values, computed fields, rules, validation and drafts, without any DOM. */
export interface FormEngine {
  readonly definition: FormDefinition;
  /** The value at a concrete path ("kpis[2].weight"), or the whole value. */
  getValue(path?: string): unknown;
  /** Sets a value as the user typed it; empty input ("", null, []) clears the field. */
  setValue(path: string, value: unknown): void;
  /** The field lost focus: marks it touched and checks it. */
  blur(path: string): void;
  getFieldState(path: string): FieldState;
  getFormState(): FormState;
  /** Listens to one field (and what is inside it); returns the unsubscribe function. */
  subscribe(path: string, listener: () => void): () => void;
  /** Listens to every change. */
  subscribeForm(listener: () => void): () => void;
  addRow(table: string, row?: Readonly<Record<string, unknown>>, index?: number): void;
  removeRow(table: string, index: number): void;
  moveRow(table: string, from: number, to: number): void;
  duplicateRow(table: string, index: number): void;
  /** Checks the whole form without submitting. */
  validate(): readonly FormIssue[];
  /** Checks everything; the clean value (hidden fields left out) or the problems. */
  submit(): SubmitResult;
  /** Back to the starting value (or a new one). */
  reset(value?: Readonly<Record<string, unknown>>): void;
  serializeDraft(): FormDraft;
  /** Restores a saved draft of this form; false when it belongs to another form. */
  restoreDraft(draft: FormDraft): boolean;
}

/** Thrown by createFormEngine for a definition that does not validate. */
export class InvalidFormDefinitionError extends Error {
  readonly issues: readonly { pointer: string; message: { 'zh-CN': string; en: string } }[];
  constructor(issues: InvalidFormDefinitionError['issues']) {
    super(`invalid form definition: ${issues.map((i) => `${i.pointer} ${i.message.en}`).join('; ')}`);
    this.name = 'InvalidFormDefinitionError';
    this.issues = issues;
  }
}

/** Creates the engine of a form definition (validated first; invalid ones throw InvalidFormDefinitionError). */
export function createFormEngine(definition: unknown, options: FormEngineOptions = {}): FormEngine {
  const form = options.trustedDefinition ? (definition as FormDefinition) : validFormOrThrow(definition);
  const index: FieldIndex = indexFields(form.data);
  const fieldTypes = formulaFieldTypes(index);
  const context: FormContext = options.context ?? {};
  const validateOn = options.validateOn ?? 'touched';
  const computed = new ComputedFields(form, index);
  const rules = new FieldRules(form, index);
  const listeners = new PathListeners();
  const validators = new Map<string, FieldValidator>();
  const recordValidator = compileRecordValidator(form);
  const crossField = compileCrossField(form, fieldTypes);

  let initial: unknown = applyDefaults(options.value ?? {}, index);
  let values: unknown = initial;
  const touched = new RowKeyedState<true>();
  const issues = new RowKeyedState<readonly FormIssue[]>();
  const formIssues: FormIssue[] = [];
  let submitCount = 0;
  let stateCache = new Map<string, FieldState>();
  let formStateCache: FormState | undefined;

  const recomputeAll = () => {
    values = computed.runAll(values, context).values;
    rules.runAll(values, context);
  };
  recomputeAll();
  initial = values;

  const validatorFor = (path: string): FieldValidator => {
    const column = columnPath(path);
    let validator = validators.get(column);
    if (!validator) {
      validator = compileFieldValidator(form, column);
      validators.set(column, validator);
    }
    return validator;
  };

  const isRequired = (path: string): boolean =>
    (index.fields.get(columnPath(path))?.required ?? false) || (rules.answer(path, 'required') ?? false);
  const isVisible = (path: string): boolean => rules.answer(path, 'visible') ?? true;

  const checkField = (path: string): void => {
    const found = isVisible(path)
      ? validatorFor(path)(getIn(values, parsePath(path)), isRequired(path)).map((i) => ({ path, ...i }))
      : [];
    if (found.length > 0) issues.set(path, found);
    else issues.delete(path);
  };

  /** Runs computed fields and rules after a change and tells the listeners. */
  const afterChange = (changedPaths: readonly string[], structural: readonly string[] = []) => {
    const columns = [...new Set([...changedPaths, ...structural].map(columnPath))];
    const result = computed.runAffected(columns, values, context);
    values = result.values;
    const ruleTargets = rules.runAffected([...columns, ...result.changed.map(columnPath)], values, context);
    stateCache = new Map();
    formStateCache = undefined;
    listeners.notify(
      [...changedPaths, ...result.changed],
      [...structural, ...ruleTargets.map((t) => t.split('[]')[0] ?? t)],
    );
  };

  const engine: FormEngine = {
    definition: form,
    getValue: (path) => (path === undefined ? values : getIn(values, parsePath(path))),
    setValue(path, raw) {
      const field = index.fields.get(columnPath(path));
      const value =
        field && field.kind !== 'table' && field.kind !== 'group' && isEmpty(raw) ? undefined : raw;
      values = setIn(values, parsePath(path), value);
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
      const cached = stateCache.get(path);
      if (cached) return cached;
      const computedError = computed.errors.get(path);
      const state: FieldState = {
        value: getIn(values, parsePath(path)),
        issues: issues.get(path) ?? [],
        touched: touched.has(path),
        dirty: !Object.is(getIn(values, parsePath(path)), getIn(initial, parsePath(path))),
        visible: isVisible(path),
        required: isRequired(path),
        readOnly: computed.has(columnPath(path)) || (rules.answer(path, 'readOnly') ?? false),
        ...(computedError ? { computedError } : {}),
      };
      stateCache.set(path, state);
      return state;
    },
    getFormState() {
      formStateCache ??= { dirty: values !== initial, issues: [...formIssues, ...issues.all()], submitCount };
      return formStateCache;
    },
    subscribe: (path, listener) => listeners.add(path, listener),
    subscribeForm: (listener) => listeners.addForm(listener),
    addRow(table, row = {}, at) {
      const rows = (getIn(values, parsePath(table)) as unknown[] | undefined) ?? [];
      const position = Math.max(0, Math.min(at ?? rows.length, rows.length));
      const next = [
        ...rows.slice(0, position),
        applyDefaults(row, index, `${table}[]`),
        ...rows.slice(position),
      ];
      values = setIn(values, parsePath(table), next);
      for (const state of [touched, issues]) state.remapRows(table, (i) => (i >= position ? i + 1 : i));
      afterChange([], [table]);
    },
    removeRow(table, at) {
      const rows = (getIn(values, parsePath(table)) as unknown[] | undefined) ?? [];
      if (at < 0 || at >= rows.length) return;
      values = setIn(
        values,
        parsePath(table),
        rows.filter((_, i) => i !== at),
      );
      for (const state of [touched, issues])
        state.remapRows(table, (i) => (i === at ? undefined : i > at ? i - 1 : i));
      afterChange([], [table]);
    },
    moveRow(table, from, to) {
      const rows = [...((getIn(values, parsePath(table)) as unknown[] | undefined) ?? [])];
      if (from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return;
      const [moved] = rows.splice(from, 1);
      rows.splice(to, 0, moved);
      values = setIn(values, parsePath(table), rows);
      const mapping = (i: number) =>
        i === from ? to : from < to ? (i > from && i <= to ? i - 1 : i) : i >= to && i < from ? i + 1 : i;
      for (const state of [touched, issues]) state.remapRows(table, mapping);
      afterChange([], [table]);
    },
    duplicateRow(table, at) {
      const row = getIn(values, [...parsePath(table), at]);
      if (row === undefined) return;
      engine.addRow(table, structuredClone(row) as Record<string, unknown>, at + 1);
    },
    validate() {
      return runFullValidation();
    },
    submit() {
      submitCount += 1;
      const found = runFullValidation();
      for (const path of fieldPaths()) touched.set(path, true);
      stateCache = new Map();
      formStateCache = undefined;
      listeners.notify(fieldPaths(), ['']);
      return found.length > 0 ? { ok: false, issues: found } : { ok: true, value: cleanValue() };
    },
    reset(value) {
      if (value) initial = applyDefaults(value, index);
      values = initial;
      touched.clear();
      issues.clear();
      formIssues.length = 0;
      recomputeAll();
      if (value) initial = values;
      stateCache = new Map();
      formStateCache = undefined;
      listeners.notify(fieldPaths(), ['']);
    },
    serializeDraft() {
      return {
        format: 'formboard-draft',
        version: 1,
        formId: form.id,
        values: values as Record<string, unknown>,
        touched: touched.keys(),
        savedAt: new Date().toISOString(),
      };
    },
    restoreDraft(draft) {
      if (draft.format !== 'formboard-draft' || draft.formId !== form.id) return false;
      values = applyDefaults(draft.values, index);
      touched.clear();
      issues.clear();
      for (const path of draft.touched) touched.set(path, true);
      recomputeAll();
      for (const path of draft.touched) checkField(path);
      stateCache = new Map();
      formStateCache = undefined;
      listeners.notify(fieldPaths(), ['']);
      return true;
    },
  };

  /** The value without hidden fields: what a submission stores. */
  function cleanValue(): Record<string, unknown> {
    let clean = values;
    for (const path of rules.hiddenPaths(values)) clean = setIn(clean, parsePath(path), undefined);
    return clean as Record<string, unknown>;
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
      const rows = getIn(values, parsePath(table));
      if (Array.isArray(rows)) for (let i = 0; i < rows.length; i++) out.push(`${table}[${i}].${column}`);
    }
    return out;
  }

  // The record schema (ajv, as the server checks it) on the clean value, rule-required fields, and the
  // cross-field validations. Problems of hidden fields are not problems: they are not submitted.
  function runFullValidation(): FormIssue[] {
    const clean = cleanValue();
    const hidden = new Set(rules.hiddenPaths(values));
    const found: FormIssue[] = [];
    for (const issue of recordValidator(clean)) {
      const path = toConcrete(issue.pointer);
      if (!hidden.has(path)) found.push({ path, keyword: issue.keyword, message: issue.message });
    }
    for (const path of fieldPaths()) {
      if (rules.answer(path, 'required') && isVisible(path) && isEmpty(getIn(clean, parsePath(path)))) {
        if (!found.some((f) => f.path === path && f.keyword === 'required')) {
          found.push(...validatorFor(path)(undefined, true).map((i) => ({ path, ...i })));
        }
      }
    }
    formIssues.length = 0;
    for (const issue of crossField(clean, context)) {
      if (issue.path === '') formIssues.push(issue);
      found.push(issue);
    }
    issues.clear();
    for (const issue of found) {
      if (issue.path !== '') issues.set(issue.path, [...(issues.get(issue.path) ?? []), issue]);
    }
    return found;
  }

  return engine;
}

function validFormOrThrow(definition: unknown): FormDefinition {
  const checked = validateAs(formKind, definition);
  if (!checked.ok) throw new InvalidFormDefinitionError(checked.issues);
  return checked.value;
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
