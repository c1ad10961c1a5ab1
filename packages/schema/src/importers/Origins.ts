import type { ImportSource } from './ImportResult.ts';

/** Where a part of the imported definition came from in the source documents. */
export interface Origin {
  readonly source: ImportSource;
  readonly pointer: string;
}

/**
 * Remembers which source location each part of the imported definition came from, so that a
 * validation issue found in the result (`/layout/nodes/f_age/widget`) can be reported at the source
 * (`/age/ui:widget` of the uiSchema).
 */
export class Origins {
  readonly #byPointer = new Map<string, Origin>();

  /** Records that the definition's `target` pointer came from `origin` (the first record wins). */
  add(target: string, origin: Origin): void {
    if (!this.#byPointer.has(target)) this.#byPointer.set(target, origin);
  }

  /** The origin of the longest recorded prefix of `target`; the schema root when none is recorded. */
  find(target: string): Origin {
    for (let at = target; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const origin = this.#byPointer.get(at);
      if (origin) return origin;
      if (at === '') return { source: 'schema', pointer: '' };
    }
  }
}
