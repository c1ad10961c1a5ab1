import * as fc from 'fast-check';

// Random data schemas of the form data subset (@formboard/schema's dataSchemaSchema: scalar fields,
// $refs, multi-selects, tables, groups) and random values near them, for comparing the runtime's
// record check with ajv's.

type Schema = Record<string, unknown>;

// Names people use, and names that are also properties of every object ("constructor"), which ajv
// reads through the prototype: the check must do the same.
const NAMES = ['a', 'b', 'c', 'score', 'name', 'qty', 'due', '名称', 'constructor', 'toString'];
const PATTERNS = ['^[A-Z]', '^\\d{3}$', '\\p{L}', '^[^@]+$', '^.{2,4}$'];
const FORMATS = ['date', 'date-time', 'email', 'uri', 'user', 'org-unit', 'record'];
const STRINGS = ['alpha', 'beta', '甲', '乙', 'x'];
const title = fc.constantFrom('Title', { 'zh-CN': '标题', en: 'Title' });

const optional = <T>(key: string, arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? {} : { [key]: v }));

const choices = <T>(values: fc.Arbitrary<T>) =>
  fc
    .uniqueArray(values, { minLength: 1, maxLength: 4 })
    .chain((list) =>
      fc.oneof(
        fc.constant({ enum: list }),
        fc.constant({ oneOf: list.map((v) => ({ const: v, title: `t${String(v)}` })) }),
      ),
    );

const stringField: fc.Arbitrary<Schema> = fc
  .tuple(
    optional('minLength', fc.integer({ min: 0, max: 4 })),
    optional('maxLength', fc.integer({ min: 0, max: 6 })),
    optional('pattern', fc.constantFrom(...PATTERNS)),
    optional('format', fc.constantFrom(...FORMATS)),
    fc.option(choices(fc.constantFrom(...STRINGS)), { nil: undefined }),
    optional('title', title),
    optional('default', fc.constantFrom(...STRINGS)),
  )
  .map((parts) => Object.assign({ type: 'string' }, ...parts.map((p) => p ?? {})));

const numberField: fc.Arbitrary<Schema> = fc
  .tuple(
    fc.constantFrom('number', 'integer'),
    optional('minimum', fc.integer({ min: -5, max: 5 })),
    optional('maximum', fc.integer({ min: 0, max: 100 })),
    optional('exclusiveMinimum', fc.double({ min: -5, max: 5, noNaN: true })),
    optional('exclusiveMaximum', fc.integer({ min: 0, max: 100 })),
    optional('multipleOf', fc.constantFrom(0.5, 1, 3, 0.1, 0.01)),
    fc.option(choices(fc.integer({ min: -3, max: 10 })), { nil: undefined }),
    optional('x-unit', fc.constantFrom('%', { 'zh-CN': '件', en: 'pcs' })),
  )
  .map(([type, ...parts]) => Object.assign({ type }, ...parts.map((p) => p ?? {})));

const booleanField: fc.Arbitrary<Schema> = optional('default', fc.boolean()).map((d) => ({
  type: 'boolean',
  ...d,
}));

const multiSelectField: fc.Arbitrary<Schema> = fc
  .tuple(
    choices(fc.constantFrom(...STRINGS)),
    fc.boolean(),
    optional('minItems', fc.integer({ min: 0, max: 2 })),
    optional('maxItems', fc.integer({ min: 0, max: 3 })),
  )
  .map(([items, unique, min, max]) => ({
    type: 'array',
    items: { type: 'string', ...items },
    ...(unique ? { uniqueItems: true } : {}),
    ...min,
    ...max,
  }));

const scalar = fc.oneof(stringField, numberField, booleanField, multiSelectField);

const object = (field: fc.Arbitrary<Schema>) =>
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), field), {
      minLength: 1,
      maxLength: 4,
      selector: ([n]) => n,
    })
    .chain((entries) =>
      fc.subarray(entries.map(([n]) => n)).map((required) => ({
        type: 'object',
        properties: Object.fromEntries(entries),
        ...(required.length > 0 ? { required } : {}),
      })),
    );

/** A form's `data`, with $defs sometimes (a reusable row and a reusable field) and custom messages. */
export const dataSchema: fc.Arbitrary<{ data: Schema; messages?: Schema }> = fc
  .tuple(object(scalar), scalar, fc.boolean())
  .chain(([row, def, withDefs]) => {
    const defs = withDefs ? { $defs: { row, field: def } } : {};
    const ref = (name: string) => fc.constant({ $ref: `#/$defs/${name}`, title: 'ref' });
    const tableRow = withDefs ? fc.oneof(object(scalar), ref('row')) : object(scalar);
    const table = fc
      .tuple(
        tableRow,
        optional('minItems', fc.integer({ min: 0, max: 2 })),
        optional('maxItems', fc.integer({ min: 1, max: 3 })),
      )
      .map(([items, min, max]) => ({ type: 'array', items, ...min, ...max }));
    const group = object(withDefs ? fc.oneof(scalar, ref('field'), table) : fc.oneof(scalar, table));
    const field = withDefs ? fc.oneof(scalar, table, group, ref('field')) : fc.oneof(scalar, table, group);
    return fc.tuple(object(field), fc.boolean()).map(([root, withMessages]) => ({
      data: { ...root, ...defs },
      ...(withMessages
        ? {
            messages: Object.fromEntries(
              Object.keys(root.properties).map((name) => [
                name,
                {
                  required: { 'zh-CN': '请填写', en: 'Please fill in' },
                  maxLength: 'Too long',
                  type: '类型不对',
                },
              ]),
            ),
          }
        : {}),
    }));
  });

// Strings near the formats and limits: dates (real and impossible), date-times with and without
// offsets, addresses, a character outside the BMP (two UTF-16 units, one code point).
const interestingString = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    ...STRINGS,
    '',
    ' ',
    'ABC',
    '123',
    '12a',
    '😀😀',
    '😀😀😀😀😀',
    'a@b.co',
    'a@b',
    'http://x.y/z',
  ),
  fc.constantFrom('mailto:a@b.c', '2026-02-29', '2024-02-29', '2026-13-01', '2026-11-27'),
  fc.constantFrom(
    '2026-11-27T10:30:00+08:00',
    '2026-11-27T10:30:00',
    '2026-11-27 23:59:60Z',
    '2026-11-27t10:30:00z',
  ),
);
const interestingNumber = fc.oneof(
  fc.integer({ min: -10, max: 110 }),
  fc.double({ min: -10, max: 110, noNaN: true }),
  fc.constantFrom(0, -0, 0.3, 1.5, 99.99, 1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY),
);
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  interestingString,
  interestingNumber,
  fc.jsonValue({ maxDepth: 2 }),
);

/** Values an enum-like schema allows (its enum, or its oneOf constants). */
function allowedOf(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as { const: unknown }[]).map((o) => o.const);
  return undefined;
}

/** A value for a schema: often a fitting one, sometimes anything, objects sometimes with unknown keys. */
export function valueFor(
  schema: Schema,
  defs: Readonly<Record<string, Schema>>,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') return valueFor(defs[schema.$ref.slice(8)] ?? {}, defs, depth);
  const allowed = allowedOf(schema);
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (schema.type) {
      case 'string':
        return allowed
          ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...allowed) }, interestingString)
          : interestingString;
      case 'number':
      case 'integer':
        return allowed
          ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...allowed) }, interestingNumber)
          : fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }) }, interestingNumber);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = schema.items as Schema;
        const choices = allowedOf(items);
        const item = choices ? fc.constantFrom(...choices, 'other') : valueFor(items, defs, depth + 1);
        return fc.array(item, { maxLength: 4 });
      }
      case 'object': {
        const properties = schema.properties as Record<string, Schema>;
        const entries = Object.entries(properties).map(([name, child]) =>
          fc
            .oneof({ weight: 4, arbitrary: valueFor(child, defs, depth + 1) }, fc.constant(undefined))
            .map((v) => [name, v] as const),
        );
        const extra = fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          fc.constantFrom('extra', 'x/y', 'a~b', '0'),
        );
        return fc.tuple(fc.tuple(...entries), extra).map(([pairs, key]) => {
          const out: Record<string, unknown> = {};
          // defineProperty: "constructor" becomes an own property like any other key.
          for (const [name, v] of pairs)
            if (v !== undefined)
              Object.defineProperty(out, name, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
          if (key !== undefined) out[key] = 1;
          return out;
        });
      }
      default:
        return junk;
    }
  })();
  return depth > 3 ? typed : fc.oneof({ weight: 12, arbitrary: typed }, junk);
}
