import {
  FormulaSyntaxError,
  type LocalizedMessage,
  type Node,
  parse,
  pathText,
  print,
} from '@formboard/formula';
import type { Condition, ConditionGroup, ConditionOperator, ConditionValue } from './conditions.ts';
import { type FieldTypeOf, toFormula } from './toFormula.ts';

/** A formula read back into conditions, or a formula the builder cannot show (edited as text). */
export type ReadFormula =
  | { readonly kind: 'conditions'; readonly group: ConditionGroup }
  | { readonly kind: 'custom'; readonly reason: LocalizedMessage };

const COMPARISON: Readonly<Record<string, ConditionOperator>> = {
  '=': 'eq',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

const CUSTOM: LocalizedMessage = {
  'zh-CN': '这个公式无法用条件表示，请作为自定义公式编辑',
  en: 'this formula cannot be shown as conditions; edit it as a custom formula',
};

/**
 * Reads a formula into conditions when the rule builder could have written it: the conditions are
 * written back and must print the same formula (same tree), otherwise it is a custom formula and is
 * left exactly as it is. A formula is never changed by being opened in the builder.
 */
export function fromFormula(text: string, typeOf: FieldTypeOf = () => undefined): ReadFormula {
  let ast: Node;
  try {
    ast = parse(text);
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    return { kind: 'custom', reason: error.messages };
  }
  const match = ast.type === 'Binary' && ast.op === 'OR' ? 'any' : 'all';
  const leaves: Node[] = [];
  const collect = (node: Node) => {
    if (node.type === 'Binary' && node.op === (match === 'any' ? 'OR' : 'AND')) {
      collect(node.left);
      collect(node.right);
    } else leaves.push(node);
  };
  collect(ast);
  const conditions: Condition[] = [];
  for (const leaf of leaves) {
    const condition = conditionOf(leaf);
    if (!condition) return { kind: 'custom', reason: CUSTOM };
    conditions.push(condition);
  }
  const group: ConditionGroup = { match, conditions };
  return toFormula(group, typeOf) === print(ast)
    ? { kind: 'conditions', group }
    : { kind: 'custom', reason: CUSTOM };
}

function fieldOf(node: Node | undefined): string | undefined {
  return node?.type === 'Field' ? pathText(node.path) : undefined;
}

function literalOf(node: Node | undefined): ConditionValue | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'Number':
    case 'String':
    case 'Boolean':
      return node.value;
    case 'Unary':
      return node.op === '-' && node.operand.type === 'Number' ? -node.operand.value : undefined;
    case 'Variable':
      return node.name === 'today' && node.path.length === 0 ? '$today' : undefined;
    case 'Call': {
      if (node.name !== 'DATE' || node.args.length !== 3) return undefined;
      const parts = node.args.map((a) => (a.type === 'Number' ? a.value : Number.NaN));
      if (parts.some((p) => !Number.isInteger(p))) return undefined;
      const [y, m, d] = parts as [number, number, number];
      return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    default:
      return undefined;
  }
}

/** The condition a formula node states, if it is one the builder writes. */
function conditionOf(node: Node): Condition | undefined {
  if (node.type === 'Binary') {
    // The builder writes the field on the left; `50 > progress` stays a custom formula.
    const operator = COMPARISON[node.op];
    const field = fieldOf(node.left);
    const value = literalOf(node.right);
    return operator && field !== undefined && value !== undefined ? { field, operator, value } : undefined;
  }
  if (node.type !== 'Call') return undefined;
  const [arg, second] = node.args;
  if (node.name === 'NOT' && node.args.length === 1 && arg) {
    const inner = conditionOf(arg);
    const negated: Partial<Record<ConditionOperator, ConditionOperator>> = {
      contains: 'notContains',
      empty: 'notEmpty',
      includes: 'excludes',
    };
    const operator = inner && arg.type === 'Call' ? negated[inner.operator] : undefined;
    return inner && operator ? { ...inner, operator } : undefined;
  }
  if (node.name === 'ISBLANK' && node.args.length === 1) {
    const field = fieldOf(arg);
    return field === undefined ? undefined : { field, operator: 'empty' };
  }
  if (node.name === 'CONTAINS' && node.args.length === 2) {
    const field = fieldOf(arg);
    const value = literalOf(second);
    return field !== undefined && value !== undefined ? { field, operator: 'contains', value } : undefined;
  }
  if (node.name === 'OR' && node.args.length === 1 && arg?.type === 'Binary' && arg.op === '=') {
    const field = fieldOf(arg.left);
    const value = literalOf(arg.right);
    return field !== undefined && value !== undefined ? { field, operator: 'includes', value } : undefined;
  }
  return undefined;
}
