import { isReservedWord, type LocalizedMessage } from '@formboard/formula';

// Field keys are what records, formulas and dashboards store and read: stable, unique among their
// siblings, never derived from the label (labels change, keys must not), and never a word the formula
// language reserves (TRUE, AND…).

/** The pattern of a data schema property name (letters, digits, `_`; not starting with a digit). */
const KEY = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** Names a record object must not carry as own keys in JavaScript. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Why `key` cannot name a field among `siblings` (the other keys of its object), or undefined. */
export function keyProblem(key: string, siblings: readonly string[]): LocalizedMessage | undefined {
  if (key === '') return { 'zh-CN': '字段标识不能为空', en: 'the field key cannot be empty' };
  if (!KEY.test(key)) {
    return {
      'zh-CN': `字段标识 ${key} 只能包含字母、数字和下划线，且不能以数字开头`,
      en: `the field key ${key} may only hold letters, digits and _, and cannot start with a digit`,
    };
  }
  if (key.length > 64) {
    return { 'zh-CN': '字段标识最长 64 个字符', en: 'a field key is at most 64 characters long' };
  }
  if (isReservedWord(key) || UNSAFE.has(key)) {
    return {
      'zh-CN': `${key} 是保留字，不能用作字段标识`,
      en: `${key} is a reserved word and cannot be a field key`,
    };
  }
  if (siblings.includes(key)) {
    return { 'zh-CN': `字段标识 ${key} 已被使用`, en: `the field key ${key} is already used` };
  }
  return undefined;
}

/** Makes random-looking short ids: 5 base-36 characters (60 million values) from `crypto`. */
export function randomId(): string {
  const bytes = new Uint32Array(1);
  crypto.getRandomValues(bytes);
  return ((bytes[0] ?? 0) % 36 ** 5).toString(36).padStart(5, '0');
}

/**
 * A new field key: the palette item's prefix and a random suffix (`number_k3x9q`), unique among
 * `taken`. Random rather than counted, so a key deleted from one version is not handed to a new field
 * whose records would then mix with the old ones'.
 */
export function newFieldKey(prefix: string, taken: ReadonlySet<string>, nextId: () => string): string {
  for (;;) {
    const key = `${prefix}_${nextId()}`;
    if (!taken.has(key) && keyProblem(key, []) === undefined) return key;
  }
}

/** Makes new layout node ids (`n_k3x9q`), unique among the existing nodes and each other. */
export function nodeIdMaker(existing: Readonly<Record<string, unknown>>, nextId: () => string): () => string {
  const issued = new Set<string>();
  return () => {
    for (;;) {
      const id = `n_${nextId()}`;
      if (Object.hasOwn(existing, id) || issued.has(id)) continue;
      issued.add(id);
      return id;
    }
  };
}
