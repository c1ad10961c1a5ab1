import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { RollupWhere } from './rollupWhere.ts';

/** One roll-up of a form: which records it reads, through which field, and how it combines them. */
export type FormRollup = NonNullable<FormDefinition['rollups']>[number];

/** The value at a formula-syntax path outside tables (`score`, `stats.total`) of a record's data. */
export function valueAtPath(data: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = data;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Readonly<Record<string, unknown>>)[segment];
  }
  return value;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBlank = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

// Adding in ascending order makes a sum independent of the order the records come in, so every
// database (and a generator of sample data) gets the same bits for the same records.
const ascending = (a: number, b: number) => a - b;
const sumOf = (values: number[]) => values.sort(ascending).reduce((sum, v) => sum + v, 0);

/**
 * A roll-up's value over the records that point at one record (`children`, their data): `count`
 * — how many (with a value in `field`, when it names one); `sum` — 0 when there is nothing to add;
 * `avg`, `min`, `max`, `weightedAvg` — blank (undefined) when no record has a value. Only values of
 * the field's kind count: numbers, or ISO text for `min`/`max` of a date field (`kind: 'text'`,
 * compared as text), so a value of another type left by an older version of the form is ignored, as
 * boards ignore it. A weighted average reads records with both a number and a weight and is blank
 * when the weights add up to 0. A roll-up with a `where` reads only the children `where` (its
 * compiled formula, `compileRollupWhere`) lets through; calling it without one is a mistake, and throws.
 */
export function rollupValue(
  rollup: FormRollup,
  all: readonly Readonly<Record<string, unknown>>[],
  kind: 'number' | 'text' = 'number',
  where?: RollupWhere,
): number | string | undefined {
  if (rollup.where !== undefined && where === undefined)
    throw new Error(
      `the roll-up into ${rollup.target} has a where formula: pass it compiled (compileRollupWhere)`,
    );
  const children = where ? all.filter(where) : all;
  const field = rollup.field;
  if (rollup.measure === 'count')
    return field === undefined
      ? children.length
      : children.filter((c) => !isBlank(valueAtPath(c, field))).length;
  if (field === undefined) return undefined;
  const values = children.map((c) => valueAtPath(c, field));
  switch (rollup.measure) {
    case 'sum':
      return sumOf(values.filter(isNumber));
    case 'avg': {
      const numbers = values.filter(isNumber);
      return numbers.length === 0 ? undefined : sumOf(numbers) / numbers.length;
    }
    case 'min':
    case 'max':
      return extreme(values, rollup.measure, kind);
    case 'weightedAvg':
      return weightedAverage(values, rollup.weight, children);
  }
}

function extreme(values: readonly unknown[], measure: 'min' | 'max', kind: 'number' | 'text') {
  return kind === 'number'
    ? best(values.filter(isNumber), measure)
    : best(
        values.filter((v): v is string => typeof v === 'string' && v !== ''),
        measure,
      );
}

function best<T extends number | string>(values: readonly T[], measure: 'min' | 'max'): T | undefined {
  let found: T | undefined;
  for (const value of values)
    if (found === undefined || (measure === 'min' ? value < found : value > found)) found = value;
  return found;
}

// Each pair is added in (weight, value) order, the products and the weights alike: every product
// is at most its weight when the value is at most 1, so a weighted average of values within 0–1 (a
// progress) stays within 0–1 despite rounding.
function weightedAverage(
  values: readonly unknown[],
  weightPath: string | undefined,
  children: readonly Readonly<Record<string, unknown>>[],
): number | undefined {
  if (weightPath === undefined) return undefined;
  const pairs: [number, number][] = [];
  children.forEach((child, i) => {
    const value = values[i];
    const weight = valueAtPath(child, weightPath);
    if (isNumber(value) && isNumber(weight)) pairs.push([weight, value]);
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let weighted = 0;
  let weights = 0;
  for (const [weight, value] of pairs) {
    weighted += weight * value;
    weights += weight;
  }
  return pairs.length === 0 || weights === 0 ? undefined : weighted / weights;
}
