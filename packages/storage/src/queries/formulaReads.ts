import { dependencies, parse } from '@formboard/formula';

/** The field paths a formula reads; none when it does not parse (compiling it reports why). */
export function formulaReads(formula: string | undefined): string[] {
  if (!formula) return [];
  try {
    return dependencies(parse(formula));
  } catch {
    return [];
  }
}
