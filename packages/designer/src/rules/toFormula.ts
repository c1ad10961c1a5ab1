import { type Node, print, type TypeName } from '@formboard/formula';
import type { Condition, ConditionGroup, ConditionOperator, ConditionValue } from './conditions.ts';

// The rule builder writes formulas through the formula package's own printer: values are quoted and
// escaped exactly as the parser reads them back, and the text is the canonical form `fromFormula`
// compares with.

const SPAN = { start: 0, end: 0 };
const COMPARISON: Partial<Record<ConditionOperator, '=' | '<>' | '<' | '<=' | '>' | '>='>> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The type of a field, for writing its values (dates as DATE(…)). */
export type FieldTypeOf = (field: string) => TypeName | undefined;

function fieldNode(path: string): Node {
  const segments = path
    .split('.')
    .map((part) =>
      part.endsWith('[]') ? { key: part.slice(0, -2), each: true } : { key: part, each: false },
    );
  return { type: 'Field', path: segments, span: SPAN };
}

/** The formula node of a condition's value. */
export function valueNode(value: ConditionValue, type: TypeName | undefined): Node {
  if (typeof value === 'number') {
    return value < 0
      ? { type: 'Unary', op: '-', operand: { type: 'Number', value: -value, span: SPAN }, span: SPAN }
      : { type: 'Number', value, span: SPAN };
  }
  if (typeof value === 'boolean') return { type: 'Boolean', value, span: SPAN };
  if (type === 'date' && value === '$today') return { type: 'Variable', name: 'today', path: [], span: SPAN };
  const date = type === 'date' ? DATE.exec(value) : null;
  if (date) {
    const args = date.slice(1, 4).map((part): Node => ({ type: 'Number', value: Number(part), span: SPAN }));
    return { type: 'Call', name: 'DATE', args, span: SPAN };
  }
  return { type: 'String', value, span: SPAN };
}

function not(node: Node): Node {
  return { type: 'Call', name: 'NOT', args: [node], span: SPAN };
}

/** The formula node of one condition. */
export function conditionNode(condition: Condition, typeOf: FieldTypeOf): Node {
  const field = fieldNode(condition.field);
  const type = typeOf(condition.field);
  const value = valueNode(condition.value ?? '', type);
  const op = COMPARISON[condition.operator];
  if (op) return { type: 'Binary', op, left: field, right: value, span: SPAN };
  switch (condition.operator) {
    case 'contains':
    case 'notContains': {
      const call: Node = { type: 'Call', name: 'CONTAINS', args: [field, value], span: SPAN };
      return condition.operator === 'contains' ? call : not(call);
    }
    case 'empty':
    case 'notEmpty': {
      const call: Node = { type: 'Call', name: 'ISBLANK', args: [field], span: SPAN };
      return condition.operator === 'empty' ? call : not(call);
    }
    default: {
      // A multi-select includes a value when any of its items equals it.
      const equal: Node = { type: 'Binary', op: '=', left: field, right: value, span: SPAN };
      const call: Node = { type: 'Call', name: 'OR', args: [equal], span: SPAN };
      return condition.operator === 'includes' ? call : not(call);
    }
  }
}

/** The formula of a group of conditions; undefined when it has none (no rule). */
export function toFormula(group: ConditionGroup, typeOf: FieldTypeOf = () => undefined): string | undefined {
  const nodes = group.conditions.map((c) => conditionNode(c, typeOf));
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  const op = group.match === 'all' ? 'AND' : 'OR';
  return print(rest.reduce<Node>((left, right) => ({ type: 'Binary', op, left, right, span: SPAN }), first));
}
