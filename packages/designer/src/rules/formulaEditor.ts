import {
  analyzeFormula,
  evaluate,
  type FormulaIssue,
  type FormulaType,
  type LocalizedMessage,
  listFunctions,
  prepareFormula,
  type TypeName,
  toJSONValue,
} from '@formboard/formula';
import { FORMULA_VARIABLES, notLogical } from '@formboard/schema';
import type { ScopeField } from './formulaScope.ts';

/** One completion offered at the cursor. */
export interface Completion {
  readonly kind: 'field' | 'function' | 'variable';
  /** What is shown: the field's label, the function's syntax… */
  readonly label: LocalizedMessage;
  /** What replaces the typed word: `progress`, `ROUND(`, `$today`. */
  readonly insert: string;
  /** More about it: the field's type, the function's description. */
  readonly detail: LocalizedMessage;
}

/** Completions for the word at the cursor: it spans `from`–`to` of the text and is replaced by one. */
export interface Completions {
  readonly from: number;
  readonly to: number;
  readonly items: readonly Completion[];
}

const WORD = /[\p{L}\p{N}\p{M}_.[\]$]/u;

/** Whether the cursor sits inside a string literal (after an odd number of quotes on its left). */
function inString(text: string, cursor: number): boolean {
  let open: string | undefined;
  for (let i = 0; i < cursor; i++) {
    const ch = text[i] as string;
    if (open === undefined) {
      if (ch === '"') open = '"';
      else if (ch === '“') open = '”';
    } else if (ch === '\\') i++;
    else if (ch === open) {
      if (open === '"' && text[i + 1] === '"' && i + 1 < cursor) i++;
      else open = undefined;
    }
  }
  return open !== undefined;
}

/** The `$variables` a formula may read, with their types: a definition's (the default), or a workflow's. */
export type FormulaVariables = Readonly<Record<string, TypeName>>;

/**
 * Completes the word at the cursor with field names (matched by name or by label, so typing 进度
 * offers `progress`), function names and context variables. Nothing inside a string literal.
 */
export function completeAt(
  text: string,
  cursor: number,
  fields: readonly ScopeField[],
  variables: FormulaVariables = FORMULA_VARIABLES,
): Completions {
  let from = cursor;
  while (from > 0 && WORD.test(text[from - 1] as string)) from--;
  let to = cursor;
  while (to < text.length && WORD.test(text[to] as string)) to++;
  if (inString(text, cursor)) return { from: cursor, to: cursor, items: [] };
  const word = text.slice(from, cursor);
  const lower = word.toLowerCase();
  const items: { item: Completion; rank: number }[] = [];
  if (word.startsWith('$')) {
    for (const name of ['$today', '$now', ...Object.keys(variables)]) {
      if (!name.toLowerCase().startsWith(lower)) continue;
      const type = name === '$today' || name === '$now' ? 'date' : (variables[name] as TypeName);
      items.push({
        item: { kind: 'variable', label: { 'zh-CN': name, en: name }, insert: name, detail: typeText(type) },
        rank: 0,
      });
    }
    return { from, to, items: items.map((i) => i.item) };
  }
  for (const field of fields) {
    const byName = field.name.toLowerCase().startsWith(lower);
    const byLabel =
      word !== '' && (field.label['zh-CN'].includes(word) || field.label.en.toLowerCase().includes(lower));
    if (!byName && !byLabel) continue;
    const item: Completion = {
      kind: 'field',
      label: { 'zh-CN': `${field.label['zh-CN']}（${field.name}）`, en: `${field.label.en} (${field.name})` },
      insert: field.name,
      detail: typeText(field.type),
    };
    items.push({ item, rank: byName ? 0 : 1 });
  }
  if (word !== '' && !word.includes('.') && !word.includes('[')) {
    for (const fn of listFunctions()) {
      if (!fn.name.startsWith(word.toUpperCase())) continue;
      items.push({
        item: {
          kind: 'function',
          label: { 'zh-CN': fn.syntax, en: fn.syntax },
          insert: `${fn.name}(`,
          detail: fn.description,
        },
        rank: 2,
      });
    }
  }
  items.sort((a, b) => a.rank - b.rank);
  return { from, to, items: items.map((i) => i.item) };
}

const TYPE_NAMES: Readonly<Record<string, LocalizedMessage>> = {
  number: { 'zh-CN': '数字', en: 'number' },
  string: { 'zh-CN': '文本', en: 'text' },
  boolean: { 'zh-CN': '是/否', en: 'yes/no' },
  date: { 'zh-CN': '日期', en: 'date' },
  'string[]': { 'zh-CN': '多个选项', en: 'list of choices' },
  'number[]': { 'zh-CN': '一列数字', en: 'column of numbers' },
};

function typeText(type: TypeName): LocalizedMessage {
  return TYPE_NAMES[type] ?? { 'zh-CN': type, en: type };
}

/** What checking a formula in the editor found: its type, or its problems with their positions. */
export type FormulaDiagnosis =
  | { readonly ok: true; readonly type: FormulaType; readonly dependencies: readonly string[] }
  | { readonly ok: false; readonly issues: readonly FormulaIssue[] };

function typesOf(fields: readonly ScopeField[]): Record<string, TypeName> {
  return Object.fromEntries(fields.map((f) => [f.name, f.type]));
}

/**
 * Checks a formula as the definition's validation will (parse and type-check against the fields and
 * `$variables` it can read — a workflow passes its own, `workflowVariables`): each problem with its
 * span, line, column and zh-CN/en message. `logical` also requires a TRUE/FALSE result, as rules,
 * validations and conditions do.
 */
export function diagnose(
  text: string,
  fields: readonly ScopeField[],
  logical = false,
  variables: FormulaVariables = FORMULA_VARIABLES,
): FormulaDiagnosis {
  const result = analyzeFormula(text, { fields: typesOf(fields), variables });
  if (!result.ok) return result;
  const problem = logical ? notLogical(result.type) : undefined;
  if (problem) {
    const issue: FormulaIssue = {
      code: 'notLogical',
      span: { start: 0, end: text.length },
      line: 1,
      column: 1,
      excerpt: text.split('\n')[0] ?? '',
      messages: problem,
    };
    return { ok: false, issues: [issue] };
  }
  return { ok: true, type: result.type, dependencies: result.dependencies };
}

/** Sample data and context for a live result. */
export interface SampleScope {
  /** A record (or, for a row formula, the row's cells over the record). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly now?: number | Date;
  readonly timeZone?: string;
}

/** The live result of a formula over sample data, as JSON (errors as `{ error, message }`), or its problems. */
export function evaluateSample(
  text: string,
  fields: readonly ScopeField[],
  sample: SampleScope,
  variables: FormulaVariables = FORMULA_VARIABLES,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly FormulaIssue[] } {
  const prepared = prepareFormula(text, { fields: typesOf(fields), variables });
  if (!prepared.ok) return prepared;
  const scope = {
    data: sample.data,
    timeZone: sample.timeZone ?? 'Asia/Shanghai',
    ...(sample.variables ? { variables: sample.variables } : {}),
    ...(sample.now !== undefined ? { now: sample.now } : {}),
  };
  return { ok: true, value: toJSONValue(evaluate(prepared.compiled, scope)) };
}
