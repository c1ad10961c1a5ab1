import { isReservedWord } from '@formboard/formula';

const KEY = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const KEY_CHAR = /[\p{L}\p{N}_]/u;

/** True when `key` can be a field key as is: letters, digits and `_`, not starting with a digit, not TRUE/AND/…. */
export function isFieldKey(key: string): boolean {
  return KEY.test(key) && !isReservedWord(key);
}

/** The nearest valid field key: other characters become `_`, a leading digit gets `_`, reserved words get `_`. */
export function toFieldKey(key: string): string {
  let out = '';
  for (const ch of key) out += KEY_CHAR.test(ch) ? ch : '_';
  if (out === '' || !/^[\p{L}_]/u.test(out)) out = `_${out}`;
  if (isReservedWord(out)) out = `${out}_`;
  return out;
}

/** Hands out unique field keys inside one object, renaming what is invalid or already taken. */
export class KeyAllocator {
  readonly #taken = new Set<string>();
  readonly #reserved: ReadonlySet<string>;

  /** `sourceKeys`: every key of the object, so that renamed keys never take a valid key's name. */
  constructor(sourceKeys: Iterable<string> = []) {
    this.#reserved = new Set([...sourceKeys].filter(isFieldKey));
  }

  /**
   * A unique valid key for `wanted`: itself when possible, else `toFieldKey(wanted)` with `_2`, `_3`…
   * `own` is false for made-up keys (flattened members), which must not take a source key's name.
   */
  allocate(wanted: string, own = true): string {
    if (isFieldKey(wanted) && !this.#taken.has(wanted) && (own || !this.#reserved.has(wanted))) {
      this.#taken.add(wanted);
      return wanted;
    }
    const base = toFieldKey(wanted);
    let key = base;
    for (let n = 2; this.#taken.has(key) || this.#reserved.has(key); n++) key = `${base}_${n}`;
    this.#taken.add(key);
    return key;
  }
}
