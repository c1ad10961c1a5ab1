import type { LocalizedMessage, Node } from '@formboard/formula';
import { and, bool, call, compare, field, not, num, or } from './formulaNodes.ts';

/**
 * A schema condition on one value, split the way JSON Forms evaluates it: `present` is the formula for
 * a value that is filled in, `blank` the result when the value is missing (ajv skips most keywords for
 * `undefined`: `minimum` passes, `const` fails), and `safe` tells whether `present` already gives
 * `blank` on an empty field — then no ISBLANK guard is needed.
 */
export interface Split {
  readonly present: Node;
  readonly blank: boolean;
  readonly safe: boolean;
}

/** Where translation problems go: each method notes one and returns undefined (the condition is lost). */
export interface ConditionReporter {
  unsupported(at: string, what: LocalizedMessage): undefined;
  /** A keyword that has no formula. */
  cannot(at: string, keyword: string): undefined;
  /** A part translated with a change of meaning worth telling. */
  changed(at: string, code: string, message: LocalizedMessage): void;
}

/** Keywords that say nothing about the value. */
export const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  '$schema',
  '$id',
]);

/** A condition that always (or never) holds, for a missing value too. */
export const always = (value: boolean): Split => ({ present: bool(value), blank: value, safe: true });

/** Every part must hold. */
export function all(parts: readonly Split[]): Split {
  return {
    present: and(...parts.map((p) => p.present)),
    blank: parts.every((p) => p.blank),
    safe: parts.every((p) => p.safe),
  };
}

/** Some part must hold. */
export function any(parts: readonly Split[]): Split {
  return {
    present: or(...parts.map((p) => p.present)),
    blank: parts.some((p) => p.blank),
    safe: parts.every((p) => p.safe),
  };
}

/** `not`, `allOf`, `anyOf`, `oneOf` over sub-schemas translated by `inner`. */
export function compose(
  report: ConditionReporter,
  keyword: string,
  value: unknown,
  at: string,
  inner: (schema: unknown, at: string) => Split | undefined,
): Split | undefined {
  if (keyword === 'not') {
    const split = inner(value, at);
    return split && { present: not(split.present), blank: !split.blank, safe: split.safe };
  }
  if (!Array.isArray(value) || value.length === 0) {
    return report.unsupported(at, {
      'zh-CN': `${keyword} 应为非空数组`,
      en: `${keyword} must be a non-empty array`,
    });
  }
  const parts: Split[] = [];
  for (const [i, schema] of value.entries()) {
    const split = inner(schema, `${at}/${i}`);
    if (!split) return undefined;
    parts.push(split);
  }
  if (keyword === 'allOf') return all(parts);
  if (keyword === 'anyOf') return any(parts);
  // oneOf: exactly one branch holds.
  const count = parts
    .map((p) => call('IF', p.present, num(1), num(0)))
    .reduce((sum, n) => compare('+', sum, n));
  return {
    present: compare('=', count, num(1)),
    blank: parts.filter((p) => p.blank).length === 1,
    safe: parts.every((p) => p.safe),
  };
}

/** Whether `left op right` holds: what a comparison gives on an empty field, read as 0. */
export function holds(op: '>=' | '<=' | '>' | '<', left: number, right: number): boolean {
  if (op === '>=') return left >= right;
  if (op === '<=') return left <= right;
  if (op === '>') return left > right;
  return left < right;
}

/** The final formula for one field: `present`, guarded with ISBLANK when an empty field must give `blank`. */
export function guard(split: Split, path: string, blank: boolean): Node {
  if (split.safe && split.blank === blank) return split.present;
  const isBlank = call('ISBLANK', field(path));
  return blank ? or(isBlank, split.present) : and(not(isBlank), split.present);
}
