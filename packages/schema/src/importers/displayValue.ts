/**
 * Any JSON value from an imported document as text for a note or a lookup key. `String()` throws on
 * objects without a prototype (JSON with a "__proto__": null member), which imports must survive.
 */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return '(unreadable)';
  }
}
