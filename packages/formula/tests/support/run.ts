import { compile, evaluate, parse, type Scope, type Value } from '../../src/index.ts';

/** The fixed clock of the tests: 2026-11-27 10:30 in Asia/Shanghai. */
export const TEST_NOW = Date.parse('2026-11-27T02:30:00Z');

/** Parses, compiles and evaluates `formula` against `data` with the test clock in Asia/Shanghai. */
export function run(formula: string, data: Record<string, unknown> = {}, scope: Scope = {}): Value {
  return evaluate(compile(parse(formula)), { data, now: TEST_NOW, timeZone: 'Asia/Shanghai', ...scope });
}

/** The error code of a result, or undefined when it is not an error. */
export function errorCode(value: Value): string | undefined {
  return value !== null && typeof value === 'object' && 'code' in value ? value.code : undefined;
}
