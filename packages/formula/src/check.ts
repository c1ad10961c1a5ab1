import { type Node, pathText, type Span, variableText } from './ast.ts';
import type { FormulaIssue } from './FormulaIssue.ts';
import type { ParamKind } from './functions/FunctionSpec.ts';
import { getFunction, listFunctions } from './functions/registry.ts';
import { atPosition, type MessageKey, message } from './messages.ts';
import { excerptAt, lineColumn } from './sourcePosition.ts';
import { suggest } from './suggest.ts';
import {
  arrayOf,
  elementType,
  type FormulaType,
  T,
  type TypeName,
  toType,
  typeName,
  unionType,
} from './types.ts';

/** What `check` knows about the world a formula runs in. */
export interface CheckOptions {
  /**
   * Field types by path: `{ score: 'number', 'keyResults[].progress': 'number' }`. A `[]` path gives
   * the element type; the reference is then an array. When omitted, fields are not checked.
   */
  readonly fields?: Readonly<Record<string, FormulaType | TypeName>>;
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

const BUILT_IN_VARIABLES = new Set(['today', 'now', 'user', 'record']);

type TypeTable = Readonly<Record<string, FormulaType | TypeName>>;

const NO_TYPES: ReadonlyMap<string, FormulaType> = new Map();
const typeMaps = new WeakMap<TypeTable, ReadonlyMap<string, FormulaType>>();
const variableRootSets = new WeakMap<ReadonlyMap<string, FormulaType>, ReadonlySet<string>>();

// A form checks many formulas against one field table: convert it once, not once per formula.
function typeMap(table: TypeTable): ReadonlyMap<string, FormulaType> {
  let map = typeMaps.get(table);
  if (!map) {
    map = new Map(Object.entries(table).map(([k, v]) => [k, toType(v)]));
    typeMaps.set(table, map);
  }
  return map;
}

function rootsOf(variables: ReadonlyMap<string, FormulaType>): ReadonlySet<string> {
  let roots = variableRootSets.get(variables);
  if (!roots) {
    roots = new Set([
      ...BUILT_IN_VARIABLES,
      ...[...variables.keys()].map((k) => k.slice(1).split('.')[0] ?? ''),
    ]);
    variableRootSets.set(variables, roots);
  }
  return roots;
}

/** Type-checks a parsed formula: unknown fields/functions (with "did you mean"), argument counts and types. */
export function check(ast: Node, options: CheckOptions = {}): CheckResult {
  const issues: FormulaIssue[] = [];
  const source = options.source ?? '';
  const fields = options.fields ? typeMap(options.fields) : undefined;
  const variables = options.variables ? typeMap(options.variables) : NO_TYPES;
  const variableRoots = rootsOf(variables);

  const report = (span: Span, code: MessageKey, params: Readonly<Record<string, string | number>>): void => {
    const { line, column } = source ? lineColumn(source, span.start) : { line: 1, column: span.start + 1 };
    issues.push({
      code,
      span,
      line,
      column,
      excerpt: source ? excerptAt(source, span.start) : '',
      messages: atPosition(message(code, params), line, column),
    });
  };

  const visit = (node: Node): FormulaType => {
    switch (node.type) {
      case 'Number':
        return T.number;
      case 'String':
        return T.string;
      case 'Boolean':
        return T.boolean;
      case 'Blank':
        return T.blank;
      case 'Field': {
        const name = pathText(node.path);
        if (!fields) return T.any;
        const type = fields.get(name);
        if (!type) {
          report(node.span, 'unknownField', { name, suggestion: suggest(name, fields.keys()) ?? '' });
          return T.any;
        }
        return node.path.some((s) => s.each) ? arrayOf(type) : type;
      }
      case 'Variable': {
        const text = variableText(node.name, node.path);
        if (!variableRoots.has(node.name)) {
          report(node.span, 'unknownVariable', {
            name: text,
            suggestion: suggest(node.name, variableRoots) ? `$${suggest(node.name, variableRoots)}` : '',
          });
          return T.any;
        }
        if ((node.name === 'today' || node.name === 'now') && node.path.length === 0) return T.date;
        return variables.get(text) ?? T.any;
      }
      case 'Unary': {
        const operand = visit(node.operand);
        expectOperand(node.op, operand, node.operand.span, isNumeric);
        return operand.kind === 'array' ? arrayOf(T.number) : T.number;
      }
      case 'Binary':
        return visitBinary(node);
      case 'Array':
        return arrayOf(unionType(node.elements.map(visit)));
      case 'Call':
        return visitCall(node);
    }
  };

  const expectOperand = (
    op: string,
    type: FormulaType,
    span: Span,
    ok: (t: FormulaType) => boolean,
  ): void => {
    if (!ok(elementType(type))) report(span, 'operandType', { op, actual: typeName(type) });
  };

  const visitBinary = (node: Extract<Node, { type: 'Binary' }>): FormulaType => {
    const left = visit(node.left);
    const right = visit(node.right);
    const lift = (result: FormulaType): FormulaType =>
      left.kind === 'array' || right.kind === 'array' ? arrayOf(result) : result;
    const l = elementType(left);
    const r = elementType(right);
    switch (node.op) {
      case '+':
      case '-': {
        const dateLeft = l.kind === 'date';
        if (dateLeft && r.kind === 'date' && node.op === '-') return lift(T.number);
        if (dateLeft || (r.kind === 'date' && node.op === '+')) {
          expectOperand(
            node.op,
            dateLeft ? right : left,
            dateLeft ? node.right.span : node.left.span,
            isNumeric,
          );
          return lift(T.date);
        }
        expectOperand(node.op, left, node.left.span, isNumeric);
        expectOperand(node.op, right, node.right.span, isNumeric);
        return lift(l.kind === 'any' || r.kind === 'any' ? T.any : T.number);
      }
      case '*':
      case '/':
      case '^':
        expectOperand(node.op, left, node.left.span, isNumeric);
        expectOperand(node.op, right, node.right.span, isNumeric);
        return lift(T.number);
      case '&':
        return lift(T.string);
      case 'AND':
      case 'OR':
        expectOperand(node.op, left, node.left.span, isLogical);
        expectOperand(node.op, right, node.right.span, isLogical);
        return lift(T.boolean);
      default:
        return lift(T.boolean);
    }
  };

  const visitCall = (node: Extract<Node, { type: 'Call' }>): FormulaType => {
    const argTypes = node.args.map(visit);
    const spec = getFunction(node.name);
    if (!spec) {
      const names = listFunctions().map((f) => f.name);
      report(node.span, 'unknownFunction', { name: node.name, suggestion: suggest(node.name, names) ?? '' });
      return T.any;
    }
    if (argTypes.length < spec.minArgs || argTypes.length > spec.maxArgs) {
      const expected =
        spec.minArgs === spec.maxArgs
          ? String(spec.minArgs)
          : spec.maxArgs === Number.POSITIVE_INFINITY
            ? `${spec.minArgs}+`
            : `${spec.minArgs}–${spec.maxArgs}`;
      report(node.span, 'argCount', { name: spec.name, expected, actual: argTypes.length });
    }
    argTypes.forEach((type, i) => {
      const kind = spec.params[Math.min(i, spec.params.length - 1)];
      if (kind && !accepts(kind, type)) {
        report((node.args[i] as Node).span, 'argType', {
          name: spec.name,
          index: i + 1,
          expected: kindName(kind),
          actual: typeName(type),
        });
      }
    });
    return typeof spec.returns === 'function' ? spec.returns(argTypes) : spec.returns;
  };

  const type = visit(ast);
  issues.sort((a, b) => a.span.start - b.span.start);
  return { type, issues };
}

function isNumeric(t: FormulaType): boolean {
  return t.kind === 'number' || t.kind === 'boolean' || t.kind === 'blank' || t.kind === 'any';
}

function isLogical(t: FormulaType): boolean {
  return isNumeric(t);
}

/** Whether an argument of static type `type` fits a parameter of kind `kind`. */
function accepts(kind: ParamKind, type: FormulaType): boolean {
  if (type.kind === 'any' || type.kind === 'blank') return true;
  switch (kind) {
    case 'values':
    case 'array':
      return true;
    case 'scalar':
      return type.kind !== 'array';
    case 'number':
    case 'boolean':
      return isNumeric(type);
    case 'date':
      return type.kind === 'date' || type.kind === 'string';
    case 'string':
      return type.kind !== 'array';
    case 'numbers':
      return isNumeric(elementType(type));
  }
}

function kindName(kind: ParamKind): string {
  switch (kind) {
    case 'numbers':
      return 'number[]';
    case 'values':
    case 'scalar':
    case 'array':
      return 'any';
    default:
      return kind;
  }
}
