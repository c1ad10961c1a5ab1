import type { Node } from './ast.ts';
import { Checker } from './Checker.ts';
import type { FormulaIssue } from './FormulaIssue.ts';
import type { FormulaType, TypeName } from './types.ts';

/**
 * Field types that are looked up rather than listed: a `Map` works, and so does a view over another
 * table (a table row's cells over the record's fields) that would be costly to copy. `keys` is read
 * only to suggest the field that was meant when a name is unknown.
 */
export interface FieldTypeLookup {
  get(path: string): FormulaType | TypeName | undefined;
  keys(): Iterable<string>;
}

/** Field types as a plain table by path, or as a lookup. */
export type FieldTypes = Readonly<Record<string, FormulaType | TypeName>> | FieldTypeLookup;

/** What `check` knows about the world a formula runs in. */
export interface CheckOptions {
  /**
   * Field types by path: `{ score: 'number', 'keyResults[].progress': 'number' }`. A `[]` path gives
   * the element type; the reference is then an array. When omitted, fields are not checked.
   */
  readonly fields?: FieldTypes;
  /** Types of context variable paths: `{ '$user.name': 'string' }`. $today and $now are always dates. */
  readonly variables?: Readonly<Record<string, FormulaType | TypeName>>;
  /** The formula text, for line/column and excerpts in issues. */
  readonly source?: string;
}

/** Result of `check`: the formula's static type, and the problems found (empty when it is sound). */
export interface CheckResult {
  readonly type: FormulaType;
  readonly issues: readonly FormulaIssue[];
}

/** Types by path or variable name. */
export type TypeTable = Readonly<Record<string, FormulaType | TypeName>>;

/** Whether field types come as a lookup (a table's values are type names or type objects, never functions). */
function isFieldTypeLookup(fields: FieldTypes): fields is FieldTypeLookup {
  return typeof (fields as { get?: unknown }).get === 'function';
}

/**
 * A lookup over field types, read one name at a time. A form checks ~100 formulas against a table of
 * ~500 fields, and each formula reads a handful of them: converting or copying the whole table per
 * formula (or per validation) would cost more than the checking itself.
 */
function fieldTypeLookup(fields: FieldTypes): FieldTypeLookup {
  if (isFieldTypeLookup(fields)) return fields;
  return {
    get: (path) => (Object.hasOwn(fields, path) ? fields[path] : undefined),
    keys: () => Object.keys(fields),
  };
}

/** The field types as a plain table (for `compile`, which reads every date field). */
export function fieldTypeTable(fields: FieldTypes): TypeTable {
  if (!isFieldTypeLookup(fields)) return fields;
  const table: Record<string, FormulaType | TypeName> = {};
  for (const path of fields.keys()) {
    const type = fields.get(path);
    if (type !== undefined) table[path] = type;
  }
  return table;
}

const NO_VARIABLES: TypeTable = {};

/** Type-checks a parsed formula: unknown fields/functions (with "did you mean"), argument counts and types. */
export function check(ast: Node, options: CheckOptions = {}): CheckResult {
  return checkSource(ast, options, options.source ?? '');
}

/**
 * `check` with the formula text given apart: `analyzeFormula` calls it once per formula of a form, and
 * copying its options into a new object with the text (`{ ...options, source }`) cost more than the
 * type check of a short formula.
 */
export function checkSource(ast: Node, options: Omit<CheckOptions, 'source'>, source: string): CheckResult {
  const checker = new Checker(
    source,
    options.fields ? fieldTypeLookup(options.fields) : undefined,
    options.variables ?? NO_VARIABLES,
  );
  const type = checker.visit(ast);
  const { issues } = checker;
  if (issues.length > 1) issues.sort((a, b) => a.span.start - b.span.start);
  return { type, issues };
}
