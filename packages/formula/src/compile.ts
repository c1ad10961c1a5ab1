import { type Node, type PathSegment, pathText, variableText } from './ast.ts';
import { COMPARISONS, compareNumbers } from './compare.ts';
import { civilNow, type EvalContext, tick } from './context.ts';
import { dateOnly } from './dates.ts';
import { fromJS, readOwn } from './fromJS.ts';
import type { FunctionLookup } from './functions/FunctionSpec.ts';
import { getFunction } from './functions/registry.ts';
import { message } from './messages.ts';
import { applyBinary, applyUnary } from './operators.ts';
import { elementType, type FormulaType, type TypeName, toType } from './types.ts';
import { FormulaDate, FormulaError, formulaError, type Value } from './values.ts';

/** A compiled node: a closure over the evaluation context. */
type Evaluator = (ctx: EvalContext) => Value;

/** What compiling one formula needs besides the node: the date fields and the functions it may call. */
interface Compiling {
  readonly dateFields: ReadonlySet<string>;
  readonly functions: FunctionLookup;
}

/** Options for `compile`. */
export interface CompileOptions {
  /** Field types by path (as in `check`); fields typed `date` read ISO text as dates. */
  readonly fields?: Readonly<Record<string, FormulaType | TypeName>>;
}

/** A formula ready to evaluate many times. Build with `compile`, run with `evaluate`. */
export interface CompiledFormula {
  readonly ast: Node;
  /** @internal the closure tree; use `evaluate`. */
  readonly run: Evaluator;
}

/**
 * Compiles an AST into a tree of closures: no JavaScript source is generated, nothing is `eval`ed.
 * Unknown functions and wrong argument counts compile to #NAME? / #VALUE! results (`check` reports them).
 */
export function compile(ast: Node, options: CompileOptions = {}): CompiledFormula {
  return compileWith(ast, getFunction, options);
}

/**
 * `compile` with the functions of `functions` only: for pages that load the built-in functions they
 * need on demand (`loadFunctions`), so their bundle does not carry all of them.
 */
export function compileWith(
  ast: Node,
  functions: FunctionLookup,
  options: CompileOptions = {},
): CompiledFormula {
  const dateFields = new Set<string>();
  for (const [path, type] of Object.entries(options.fields ?? {})) {
    if (elementType(toType(type)).kind === 'date') dateFields.add(path);
  }
  return { ast, run: compileNode(ast, { dateFields, functions }) };
}

function compileNode(node: Node, c: Compiling): Evaluator {
  switch (node.type) {
    case 'Number':
    case 'String':
    case 'Boolean': {
      const value = node.value;
      return () => value;
    }
    case 'Blank':
      return () => null;
    case 'Field':
      return compileField(node.path, c.dateFields.has(pathText(node.path)));
    case 'Variable':
      return compileVariable(node.name, node.path);
    case 'Unary': {
      const operand = compileNode(node.operand, c);
      const op = node.op;
      return (ctx) => {
        const v = operand(ctx);
        return typeof v === 'number' && op === '-' ? -v : applyUnary(op, v, ctx);
      };
    }
    case 'Binary':
      return compileBinary(node, c);
    case 'Array': {
      const elements = node.elements.map((e) => compileNode(e, c));
      return (ctx) => elements.map((e) => e(ctx));
    }
    case 'Call':
      return compileCall(node, c);
  }
}

function compileBinary(node: Extract<Node, { type: 'Binary' }>, c: Compiling): Evaluator {
  const left = compileNode(node.left, c);
  const right = compileNode(node.right, c);
  const op = node.op;
  // Fast paths for the common number-number case; everything else goes through Excel's coercion rules.
  switch (op) {
    case '+':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a + b;
          if (Number.isFinite(r)) return r;
        }
        return applyBinary(op, a, b, ctx);
      };
    case '-':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a - b;
          if (Number.isFinite(r)) return r;
        }
        return applyBinary(op, a, b, ctx);
      };
    case '*':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a * b;
          if (Number.isFinite(r)) return r;
        }
        return applyBinary(op, a, b, ctx);
      };
    case '/':
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
          const r = a / b;
          if (Number.isFinite(r)) return r;
        }
        return applyBinary(op, a, b, ctx);
      };
    case 'AND':
      // Short-circuit: `ISBLANK(x) OR x > 3` never evaluates the right side needlessly.
      return (ctx) => {
        const a = left(ctx);
        if (a === false) return false;
        return applyBinary(op, a, right(ctx), ctx);
      };
    case 'OR':
      return (ctx) => {
        const a = left(ctx);
        if (a === true) return true;
        return applyBinary(op, a, right(ctx), ctx);
      };
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const test = COMPARISONS[op];
      return (ctx) => {
        const a = left(ctx);
        const b = right(ctx);
        if (typeof a === 'number' && typeof b === 'number') return test(compareNumbers(a, b));
        if (a === b && typeof a === 'string') return test(0);
        return applyBinary(op, a, b, ctx);
      };
    }
    default:
      return (ctx) => applyBinary(op, left(ctx), right(ctx), ctx);
  }
}

function compileField(path: readonly PathSegment[], asDate: boolean): Evaluator {
  const name = pathText(path);
  const [first, ...rest] = path;
  // The common case: a top-level scalar field.
  if (first && !first.each && rest.length === 0) {
    const key = first.key;
    return (ctx) => {
      const raw = readOwn(ctx.data, key);
      if (typeof raw === 'number' && Number.isFinite(raw) && !asDate) return raw;
      return fromJS(raw, name, ctx.timeZone, asDate);
    };
  }
  return (ctx) => readPath(ctx, ctx.data, path, 0, name, asDate);
}

// Walks a path; a `[]` segment maps the rest of the path over the array's rows and flattens the result.
function readPath(
  ctx: EvalContext,
  container: unknown,
  path: readonly PathSegment[],
  from: number,
  name: string,
  asDate: boolean,
): Value {
  let current = container;
  for (let i = from; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    current = readOwn(current, segment.key);
    if (segment.each) {
      const rows = Array.isArray(current) ? (current as readonly unknown[]) : [];
      tick(ctx, rows.length);
      const out: Value[] = [];
      for (const row of rows) {
        const v = readPath(ctx, row, path, i + 1, name, asDate);
        if (Array.isArray(v)) out.push(...(v as readonly Value[]));
        else out.push(v);
      }
      return out;
    }
  }
  return fromJS(current, name, ctx.timeZone, asDate);
}

function compileVariable(name: string, path: readonly string[]): Evaluator {
  const text = variableText(name, path);
  if (path.length === 0 && (name === 'today' || name === 'now')) {
    return (ctx) => {
      if (Object.hasOwn(ctx.variables, name)) return fromJS(ctx.variables[name], text, ctx.timeZone, true);
      const now = new FormulaDate(civilNow(ctx), true);
      return name === 'today' ? dateOnly(now) : now;
    };
  }
  return (ctx) => {
    let current: unknown = readOwn(ctx.variables, name);
    for (const key of path) current = readOwn(current, key);
    return fromJS(current, text, ctx.timeZone);
  };
}

function compileCall(node: Extract<Node, { type: 'Call' }>, c: Compiling): Evaluator {
  const spec = c.functions(node.name);
  if (!spec) {
    const error = formulaError('#NAME?', 'unknownFunction', { name: node.name, suggestion: '' });
    return () => error;
  }
  const count = node.args.length;
  if (count < spec.minArgs || count > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? String(spec.minArgs) : `${spec.minArgs}–${spec.maxArgs}`;
    const error = new FormulaError(
      '#VALUE!',
      message('argCount', { name: spec.name, expected, actual: count }),
    );
    return () => error;
  }
  const args = node.args.map((a) => compileNode(a, c));
  if ('lazy' in spec) {
    const lazy = spec.lazy;
    return (ctx) => {
      tick(ctx, 1);
      return lazy(args, ctx);
    };
  }
  const call = spec.call;
  switch (args.length) {
    case 1: {
      const [a] = args as [Evaluator];
      return (ctx) => {
        tick(ctx, 1);
        return call([a(ctx)], ctx);
      };
    }
    case 2: {
      const [a, b] = args as [Evaluator, Evaluator];
      return (ctx) => {
        tick(ctx, 1);
        return call([a(ctx), b(ctx)], ctx);
      };
    }
    default:
      return (ctx) => {
        tick(ctx, 1);
        const values: Value[] = new Array(args.length);
        for (let i = 0; i < args.length; i++) values[i] = (args[i] as Evaluator)(ctx);
        return call(values, ctx);
      };
  }
}
