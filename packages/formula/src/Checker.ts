import { type Node, pathText, type Span, variableText } from './ast.ts';
import type { FieldTypeLookup, TypeTable } from './check.ts';
import { type CheckMessageKey, checkMessage } from './checkMessages.ts';
import type { FormulaIssue } from './FormulaIssue.ts';
import type { ParamKind } from './functions/FunctionSpec.ts';
import { getFunction, listFunctions } from './functions/registry.ts';
import { atPosition } from './messages.ts';
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

const BUILT_IN_VARIABLES = ['today', 'now', 'user', 'record'];

/**
 * The walk behind `check`: one instance per formula, its steps as methods rather than closures made
 * per call (a form's validation checks every formula of the form, and each closure costs an allocation
 * — and, under tsx's keepNames, a defineProperty).
 */
export class Checker {
  readonly issues: FormulaIssue[] = [];
  /** The names a variable may start with (`user` for `$user.name`), found when a formula has one. */
  private roots: ReadonlySet<string> | undefined;

  constructor(
    private readonly source: string,
    private readonly fields: FieldTypeLookup | undefined,
    private readonly variables: TypeTable,
  ) {}

  /** The static type of `node`, reporting the problems met on the way. */
  visit(node: Node): FormulaType {
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
        const { fields } = this;
        if (!fields) return T.any;
        const found = fields.get(name);
        if (found === undefined) {
          this.report(node.span, 'unknownField', { name, suggestion: suggest(name, fields.keys()) ?? '' });
          return T.any;
        }
        const type = toType(found);
        for (const segment of node.path) if (segment.each) return arrayOf(type);
        return type;
      }
      case 'Variable': {
        const text = variableText(node.name, node.path);
        this.roots ??= new Set([
          ...BUILT_IN_VARIABLES,
          ...Object.keys(this.variables).map((k) => k.slice(1).split('.')[0] ?? ''),
        ]);
        const { roots } = this;
        if (!roots.has(node.name)) {
          const suggestion = suggest(node.name, roots);
          this.report(node.span, 'unknownVariable', {
            name: text,
            suggestion: suggestion ? `$${suggestion}` : '',
          });
          return T.any;
        }
        if ((node.name === 'today' || node.name === 'now') && node.path.length === 0) return T.date;
        const { variables } = this;
        return Object.hasOwn(variables, text) ? toType(variables[text] as FormulaType | TypeName) : T.any;
      }
      case 'Unary': {
        const operand = this.visit(node.operand);
        this.expectOperand(node.op, operand, node.operand.span, isNumeric);
        return operand.kind === 'array' ? arrayOf(T.number) : T.number;
      }
      case 'Binary':
        return this.visitBinary(node);
      case 'Array':
        return arrayOf(unionType(node.elements.map((element) => this.visit(element))));
      case 'Call':
        return this.visitCall(node);
    }
  }

  private report(span: Span, code: CheckMessageKey, params: Readonly<Record<string, string | number>>): void {
    const { source } = this;
    const { line, column } = source ? lineColumn(source, span.start) : { line: 1, column: span.start + 1 };
    this.issues.push({
      code,
      span,
      line,
      column,
      excerpt: source ? excerptAt(source, span.start) : '',
      messages: atPosition(checkMessage(code, params), line, column),
    });
  }

  private expectOperand(op: string, type: FormulaType, span: Span, ok: (t: FormulaType) => boolean): void {
    if (!ok(elementType(type))) this.report(span, 'operandType', { op, actual: typeName(type) });
  }

  private visitBinary(node: Extract<Node, { type: 'Binary' }>): FormulaType {
    const left = this.visit(node.left);
    const right = this.visit(node.right);
    const lifted = left.kind === 'array' || right.kind === 'array';
    const l = elementType(left);
    const r = elementType(right);
    let result: FormulaType;
    switch (node.op) {
      case '+':
      case '-': {
        const dateLeft = l.kind === 'date';
        if (dateLeft && r.kind === 'date' && node.op === '-') {
          result = T.number;
        } else if (dateLeft || (r.kind === 'date' && node.op === '+')) {
          this.expectOperand(
            node.op,
            dateLeft ? right : left,
            dateLeft ? node.right.span : node.left.span,
            isNumeric,
          );
          result = T.date;
        } else {
          this.expectOperand(node.op, left, node.left.span, isNumeric);
          this.expectOperand(node.op, right, node.right.span, isNumeric);
          result = l.kind === 'any' || r.kind === 'any' ? T.any : T.number;
        }
        break;
      }
      case '*':
      case '/':
      case '^':
        this.expectOperand(node.op, left, node.left.span, isNumeric);
        this.expectOperand(node.op, right, node.right.span, isNumeric);
        result = T.number;
        break;
      case '&':
        result = T.string;
        break;
      case 'AND':
      case 'OR':
        this.expectOperand(node.op, left, node.left.span, isLogical);
        this.expectOperand(node.op, right, node.right.span, isLogical);
        result = T.boolean;
        break;
      default:
        result = T.boolean;
    }
    return lifted ? arrayOf(result) : result;
  }

  private visitCall(node: Extract<Node, { type: 'Call' }>): FormulaType {
    const argTypes: FormulaType[] = [];
    for (const arg of node.args) argTypes.push(this.visit(arg));
    const spec = getFunction(node.name);
    if (!spec) {
      const names = listFunctions().map((f) => f.name);
      this.report(node.span, 'unknownFunction', {
        name: node.name,
        suggestion: suggest(node.name, names) ?? '',
      });
      return T.any;
    }
    if (argTypes.length < spec.minArgs || argTypes.length > spec.maxArgs) {
      const expected =
        spec.minArgs === spec.maxArgs
          ? String(spec.minArgs)
          : spec.maxArgs === Number.POSITIVE_INFINITY
            ? `${spec.minArgs}+`
            : `${spec.minArgs}–${spec.maxArgs}`;
      this.report(node.span, 'argCount', { name: spec.name, expected, actual: argTypes.length });
    }
    for (let i = 0; i < argTypes.length; i++) {
      const type = argTypes[i] as FormulaType;
      const kind = spec.params[Math.min(i, spec.params.length - 1)];
      if (kind && !accepts(kind, type)) {
        this.report((node.args[i] as Node).span, 'argType', {
          name: spec.name,
          index: i + 1,
          expected: kindName(kind),
          actual: typeName(type),
        });
      }
    }
    return typeof spec.returns === 'function' ? spec.returns(argTypes) : spec.returns;
  }
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
