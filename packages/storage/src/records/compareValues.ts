const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Orders field values for sorting: blanks last, numbers numerically, text by zh-CN collation (拼音). */
export function compareValues(a: unknown, b: unknown): number {
  const blankA = a === undefined || a === null || a === '';
  const blankB = b === undefined || b === null || b === '';
  if (blankA || blankB) return Number(blankA) - Number(blankB);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
