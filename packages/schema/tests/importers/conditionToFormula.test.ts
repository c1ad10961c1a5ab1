import { evaluate, prepareFormula, print } from '@formboard/formula';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFields } from '../../src/fields/fieldIndex.ts';
import { formulaFieldTypes } from '../../src/fields/fieldScope.ts';
import { conditionToFormula } from '../../src/importers/conditionToFormula.ts';
import { convertDataSchema } from '../../src/importers/convertDataSchema.ts';
import { ImportNotes } from '../../src/importers/ImportNotes.ts';
import { conditionTarget } from '../../src/importers/jsonFormsScope.ts';
import { Origins } from '../../src/importers/Origins.ts';
import type { DataSchema } from '../../src/schemas/dataSchema.ts';

// The fields conditions are tested on, one of each kind a condition can read.
const schema = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    choice: { type: 'string', enum: ['a', 'B', 'b2'] },
    amount: { type: 'number' },
    count: { type: 'integer' },
    flag: { type: 'boolean' },
    day: { type: 'string', format: 'date' },
    tags: { type: 'array', items: { type: 'string', enum: ['x', 'y', 'z'] } },
    owner: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } },
  },
};

const notes = new ImportNotes();
const converted = convertDataSchema(schema, notes, new Origins());
const data = converted.data as unknown as DataSchema;
const index = indexFields(data);
const fields = formulaFieldTypes(index);

function translate(condition: unknown): string | undefined {
  const node = conditionToFormula(condition, '/rule/condition', {
    index,
    notes,
    source: 'uiSchema',
    consequence: { 'zh-CN': '此规则未导入', en: 'the rule was not imported' },
    resolveScope: (scope) => conditionTarget(scope, converted.tree, index),
  });
  return node && print(node);
}

/** What our formula gives on `record`: TRUE or FALSE (anything else fails the comparison). */
function formulaResult(formula: string, record: Record<string, unknown>): unknown {
  const prepared = prepareFormula(formula, { fields });
  if (!prepared.ok) throw new Error(`${formula}: ${prepared.issues.map((i) => i.messages.en).join('; ')}`);
  return evaluate(prepared.compiled, { data: record });
}

// JSON Forms evaluates a schema condition with ajv on the value at the scope (undefined when missing).
const ajv = new Ajv({ strict: false });
function jsonFormsResult(
  condition: { schema: object; failWhenUndefined?: boolean },
  value: unknown,
): boolean {
  if (condition.failWhenUndefined && value === undefined) return false;
  return ajv.validate(condition.schema, value) as boolean;
}

const small = fc.integer({ min: -3, max: 3 });
const numberKeyword = fc.oneof(
  fc.record({ const: small }),
  fc.record({ enum: fc.uniqueArray(small, { minLength: 1, maxLength: 3 }) }),
  fc.record({ minimum: small }),
  fc.record({ maximum: small }),
  fc.record({ exclusiveMinimum: small }),
  fc.record({ exclusiveMaximum: small }),
  fc.record({ multipleOf: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constantFrom('number', 'integer', 'string', 'null') }),
);
const textValue = fc.constantFrom('a', 'A', 'ab', 'abc', 'B', 'b2', '引号"\\');
const textKeyword = fc.oneof(
  fc.record({ const: textValue }),
  fc.record({ enum: fc.uniqueArray(textValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ minLength: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ maxLength: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constantFrom('string', 'number') }),
);
const flagKeyword = fc.oneof(
  fc.record({ const: fc.boolean() }),
  fc.record({ type: fc.constantFrom('boolean', 'string') }),
);
const dayValue = fc.constantFrom('2026-01-01', '2026-11-27', '2027-03-05');
const dayKeyword = fc.oneof(
  fc.record({ const: dayValue }),
  fc.record({ enum: fc.uniqueArray(dayValue, { minLength: 1 }) }),
);
const tagKeyword = fc.oneof(
  fc.record({ contains: fc.record({ const: fc.constantFrom('x', 'y', 'z') }) }),
  fc.record({ minItems: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ maxItems: fc.integer({ min: 0, max: 3 }) }),
);

/** A condition schema for one field: a keyword, or a composition of them. */
const composed = (leaf: fc.Arbitrary<object>) =>
  fc.letrec<{ node: object }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ not: tie('node') }),
      fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).node;

const cases = [
  { path: 'amount', keyword: numberKeyword, value: fc.integer({ min: -8, max: 8 }).map((n) => n / 2) },
  { path: 'count', keyword: numberKeyword, value: small },
  { path: 'text', keyword: textKeyword, value: textValue },
  { path: 'choice', keyword: textKeyword, value: fc.constantFrom('a', 'B', 'b2') },
  { path: 'flag', keyword: flagKeyword, value: fc.boolean() },
  { path: 'day', keyword: dayKeyword, value: dayValue },
  {
    path: 'tags',
    keyword: tagKeyword,
    value: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { minLength: 1 }),
  },
] as const;

describe('conditionToFormula', () => {
  it.each(cases)('gives what JSON Forms gives for conditions on $path', ({ path, keyword, value }) => {
    fc.assert(
      fc.property(
        composed(keyword),
        fc.option(value as fc.Arbitrary<unknown>, { nil: undefined }),
        fc.boolean(),
        (conditionSchema, fieldValue, failWhenUndefined) => {
          const condition = { scope: `#/properties/${path}`, schema: conditionSchema, failWhenUndefined };
          const formula = translate(condition);
          expect(formula, JSON.stringify(condition)).toBeDefined();
          const record = fieldValue === undefined ? {} : { [path]: fieldValue };
          expect(formulaResult(formula as string, record), `${formula} on ${JSON.stringify(record)}`).toBe(
            jsonFormsResult(condition, fieldValue),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads object conditions through properties and required, where a missing property passes', () => {
    const condition = {
      scope: '#/properties/owner',
      schema: { properties: { age: { minimum: 18 } }, required: ['name'] },
    };
    const formula = translate(condition) as string;
    expect(formula).toBe('AND(OR(ISBLANK(owner.age), owner.age >= 18), NOT(ISBLANK(owner.name)))');
    for (const owner of [{}, { name: 'Li' }, { name: 'Li', age: 17 }, { name: 'Li', age: 30 }, { age: 30 }]) {
      expect(formulaResult(formula, { owner })).toBe(jsonFormsResult(condition, owner));
    }
  });

  it('combines AND and OR conditions and reads legacy LEAF conditions', () => {
    expect(
      translate({
        type: 'AND',
        conditions: [
          { scope: '#/properties/flag', schema: { const: true } },
          {
            type: 'OR',
            conditions: [
              { type: 'LEAF', scope: '#/properties/choice', expectedValue: 'B' },
              { scope: '#/properties/amount', schema: { exclusiveMaximum: 10 } },
            ],
          },
        ],
      }),
    ).toBe('AND(flag = TRUE, OR(choice = "B", amount < 10))');
  });

  it('writes text literals that parse back to the same text', () => {
    const tricky = 'say "hi" \\ 换行\n';
    const formula = translate({ scope: '#/properties/text', schema: { const: tricky } }) as string;
    expect(formulaResult(formula, { text: tricky })).toBe(true);
    expect(formulaResult(formula, { text: 'say hi' })).toBe(false);
  });

  it('notes the keyword it cannot translate, at its pointer, and gives no formula', () => {
    const local = new ImportNotes();
    const node = conditionToFormula(
      { scope: '#/properties/text', schema: { pattern: '^a' } },
      '/elements/0/rule/condition',
      {
        index,
        notes: local,
        source: 'uiSchema',
        consequence: { 'zh-CN': '此规则未导入', en: 'the rule was not imported' },
        resolveScope: (scope) => conditionTarget(scope, converted.tree, index),
      },
    );
    expect(node).toBeUndefined();
    expect(local.all).toEqual([
      {
        source: 'uiSchema',
        pointer: '/elements/0/rule/condition/schema/pattern',
        severity: 'dropped',
        code: 'condition.unsupported',
        message: {
          'zh-CN': '条件无法写成公式：不支持关键字 pattern；此规则未导入',
          en: 'the condition cannot be written as a formula: the keyword pattern is not supported; the rule was not imported',
        },
      },
    ]);
  });
});
