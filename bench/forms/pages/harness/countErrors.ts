/** Counts the leaf errors of a nested error object (react-hook-form's `errors`, rjsf's error schema): objects with a string `type` or an `__errors` list. */
export function countLeafErrors(errors: unknown): number {
  if (typeof errors !== 'object' || errors === null) return 0;
  if ('type' in errors && typeof errors.type === 'string') return 1;
  let count = 0;
  for (const value of Object.values(errors)) count += countLeafErrors(value);
  return count;
}

/** How many distinct paths a list of errors names. */
export function distinctPaths<T>(errors: readonly T[], path: (error: T) => string): number {
  return new Set(errors.map(path)).size;
}
