import fc from 'fast-check';
import { listFunctions, type Node } from '../../src/index.ts';

const SPAN = { start: 0, end: 0 };
const FIELD_KEYS = ['score', 'target', 'actual', '目标值', '状态', 'kr', 'a_1', '_x'];
const VARIABLES = ['today', 'now', 'user', 'record'];
const FUNCTION_NAMES = listFunctions()
  .filter((f) => f.minArgs <= 3)
  .map((f) => f.name);

const literal: fc.Arbitrary<Node> = fc.oneof(
  fc.oneof(fc.nat({ max: 1000 }), fc.double({ min: 0, max: 1e9, noNaN: true })).map((n) => ({
    type: 'Number' as const,
    value: Math.abs(n),
    span: SPAN,
  })),
  fc
    .string({ maxLength: 8, unit: 'grapheme' })
    .map((value) => ({ type: 'String' as const, value, span: SPAN })),
  fc.boolean().map((value) => ({ type: 'Boolean' as const, value, span: SPAN })),
  fc.constant({ type: 'Blank' as const, span: SPAN }),
  fc
    .array(fc.record({ key: fc.constantFrom(...FIELD_KEYS), each: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((path) => ({ type: 'Field' as const, path, span: SPAN })),
  fc
    .tuple(
      fc.constantFrom(...VARIABLES),
      fc.array(fc.constantFrom('name', 'id', 'orgUnit'), { maxLength: 2 }),
    )
    .map(([name, path]) => ({ type: 'Variable' as const, name, path, span: SPAN })),
);

/** Random formula ASTs (spans zeroed) covering every node type, operator and many functions. */
export const arbitraryAst: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc
      .tuple(fc.constantFrom('-' as const, '+' as const, '%' as const), tie('node'))
      .map(([op, operand]) => ({ type: 'Unary' as const, op, operand, span: SPAN })),
    fc
      .tuple(
        fc.constantFrom(
          ...(['+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>=', 'AND', 'OR'] as const),
        ),
        tie('node'),
        tie('node'),
      )
      .map(([op, left, right]) => ({ type: 'Binary' as const, op, left, right, span: SPAN })),
    fc
      .tuple(fc.constantFrom(...FUNCTION_NAMES), fc.array(tie('node'), { maxLength: 3 }))
      .map(([name, args]) => ({ type: 'Call' as const, name, args, span: SPAN })),
    fc
      .array(tie('node'), { maxLength: 3 })
      .map((elements) => ({ type: 'Array' as const, elements, span: SPAN })),
  ),
})).node;

/** Random record data shaped like the fields the arbitrary ASTs read. */
export const arbitraryData: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...FIELD_KEYS, 'name', 'id'),
  fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 10 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2026-11-27', '2026-02-30', '2026-11-27T08:00:00+08:00'),
    fc.array(
      fc.dictionary(fc.constantFrom(...FIELD_KEYS), fc.oneof(fc.double(), fc.string(), fc.constant(null))),
      {
        maxLength: 4,
      },
    ),
    fc.object({ maxDepth: 2 }),
  ),
);

/** An AST with spans zeroed, for comparing trees parsed from different texts. */
export function withoutSpans(node: Node): Node {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'span' ? SPAN : value))) as Node;
}
