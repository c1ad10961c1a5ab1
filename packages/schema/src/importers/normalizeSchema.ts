import { pointer } from '../validate/issues.ts';
import type { ImportNotes } from './ImportNotes.ts';

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** A value together with the JSON pointer it was read from in the source schema. */
export interface Located<T = unknown> {
  readonly value: T;
  readonly at: string;
}

/**
 * A source schema with its `$ref` resolved and its `allOf` merged, every keyword remembering where it
 * was written, so a note about `minLength` points at the `$defs` entry that holds it.
 */
export interface NormalizedSchema {
  /** Where the schema itself is written. */
  readonly at: string;
  /** Keywords other than `$ref`, `allOf`, `properties` and `required`. */
  readonly keys: Map<string, Located>;
  /** Property schemas as written (not normalized), by property name. */
  readonly properties: Map<string, Located>;
  readonly required: Located<string>[];
  /** Pointers of the schemas reached through `$ref` on the way here: following one again would loop. */
  readonly refs: Set<string>;
  /** The `#/definitions/<name>` or `#/$defs/<name>` the schema refers to, when it does. */
  readonly ref?: {
    readonly name: string;
    readonly at: string;
    /** True when the `$ref` has no siblings but annotations (title, description): it can stay a `$ref`. */
    readonly plain: boolean;
  };
}

/** The source document and what normalization learned about it. */
export interface SourceSchema {
  readonly root: unknown;
  readonly notes: ImportNotes;
  /** Pointers of every schema reached through a `$ref`. */
  readonly usedRefs: Set<string>;
}

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ANNOTATIONS = new Set(['$ref', 'title', 'description', '$comment']);

/** Resolves a local reference (`#`, `#/definitions/a`, `#/properties/x/items`) in `root`. */
export function resolveRef(root: unknown, ref: string): Located | undefined {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return { value: root, at: '' };
  if (!fragment.startsWith('/')) return undefined;
  const segments = fragment
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let value: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(value) && /^(0|[1-9][0-9]*)$/.test(segment)) value = value[Number(segment)];
    else if (isObject(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return { value, at: pointer(...segments) };
}

/** The definition name of `#/definitions/<name>` or `#/$defs/<name>`, else undefined. */
export function definitionName(ref: string): string | undefined {
  const match = /^#\/(?:definitions|\$defs)\/([^/]+)$/.exec(ref);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}

function empty(at: string, stack: readonly string[]): NormalizedSchema {
  return { at, keys: new Map(), properties: new Map(), required: [], refs: new Set(stack) };
}

/** Copies `from` into `into`; with `report`, a keyword that both define differently is noted (the later wins). */
function mergeInto(
  into: NormalizedSchema,
  from: NormalizedSchema,
  source: SourceSchema,
  report: boolean,
): void {
  for (const [key, entry] of from.keys) {
    const existing = into.keys.get(key);
    if (report && existing && JSON.stringify(existing.value) !== JSON.stringify(entry.value)) {
      source.notes.schema(entry.at, 'changed', 'allOf.conflict', {
        'zh-CN': `allOf 中 ${key} 有多个不同的值，保留此处的值`,
        en: `allOf gives ${key} different values; this one was kept`,
      });
    }
    into.keys.set(key, entry);
  }
  for (const [name, entry] of from.properties) {
    if (report && into.properties.has(name)) {
      source.notes.schema(entry.at, 'changed', 'allOf.conflict', {
        'zh-CN': `allOf 中属性 ${name} 定义了多次，保留此处的定义`,
        en: `allOf defines property ${name} more than once; this definition was kept`,
      });
    }
    into.properties.set(name, entry);
  }
  for (const entry of from.required) {
    if (!into.required.some((r) => r.value === entry.value)) into.required.push(entry);
  }
  for (const ref of from.refs) into.refs.add(ref);
}

/**
 * Normalizes one source schema: follows its `$ref` (local references only), merges `allOf` branches
 * into one schema (with a note), and unwraps `anyOf`/`oneOf` of one schema and `{ "type": "null" }`.
 * Returns undefined, with a note, for a reference that cannot be followed or that loops.
 */
export function normalizeSchema(
  raw: unknown,
  at: string,
  source: SourceSchema,
  stack: readonly string[] = [],
): NormalizedSchema | undefined {
  if (!isObject(raw)) return undefined;
  const result = empty(at, stack);
  let ref: NormalizedSchema['ref'];

  if (Object.hasOwn(raw, '$ref')) {
    const refAt = `${at}/$ref`;
    const target = typeof raw.$ref === 'string' ? resolveRef(source.root, raw.$ref) : undefined;
    if (!target || typeof raw.$ref !== 'string') {
      const local = typeof raw.$ref === 'string' && raw.$ref.startsWith('#');
      source.notes.schema(refAt, 'error', 'ref.unresolved', {
        'zh-CN': `无法解析引用 ${JSON.stringify(raw.$ref)}：${local ? '文档中没有这个位置' : '只支持文档内的引用（#/…）'}；使用它的结构未导入`,
        en: `cannot resolve the reference ${JSON.stringify(raw.$ref)}: ${local ? 'nothing is there in the document' : 'only references inside the document (#/…) are supported'}; the schema using it was not imported`,
      });
      return undefined;
    }
    if (stack.includes(target.at)) {
      source.notes.schema(refAt, 'dropped', 'ref.recursive', {
        'zh-CN': `引用 ${raw.$ref} 指向自身（递归结构），无法导入`,
        en: `the reference ${raw.$ref} refers back to itself (a recursive structure) and cannot be imported`,
      });
      return undefined;
    }
    source.usedRefs.add(target.at);
    const inner = normalizeSchema(target.value, target.at, source, [...stack, target.at]);
    if (!inner) return undefined;
    mergeInto(result, inner, source, false);
    const name = definitionName(raw.$ref);
    if (name !== undefined) {
      ref = { name, at: target.at, plain: Object.keys(raw).every((k) => ANNOTATIONS.has(k)) };
    }
  }

  if (Object.hasOwn(raw, 'allOf')) {
    const allOfAt = `${at}/allOf`;
    if (Array.isArray(raw.allOf)) {
      source.notes.schema(allOfAt, 'changed', 'allOf.merged', {
        'zh-CN': 'allOf 的各个分支已合并为一个定义',
        en: 'the branches of allOf were merged into one schema',
      });
      raw.allOf.forEach((branch, i) => {
        const inner = normalizeSchema(branch, `${allOfAt}/${i}`, source, stack);
        if (inner) mergeInto(result, inner, source, true);
      });
    } else {
      result.keys.set('allOf', { value: raw.allOf, at: allOfAt });
    }
  }

  const own = empty(at, stack);
  for (const [key, value] of Object.entries(raw)) {
    const keyAt = `${at}${pointer(key)}`;
    if (key === '$ref' || key === 'allOf') continue;
    if (key === 'properties' && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        own.properties.set(name, { value: schema, at: `${keyAt}${pointer(name)}` });
      }
    } else if (key === 'required' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      value.forEach((name: string, i) => {
        own.required.push({ value: name, at: `${keyAt}/${i}` });
      });
    } else {
      own.keys.set(key, { value, at: keyAt });
    }
  }
  mergeInto(result, own, source, result.keys.size > 0 && Object.hasOwn(raw, 'allOf'));
  unwrapNullable(result, source, stack);
  return ref ? { ...result, ref } : result;
}

const isNullSchema = (schema: unknown): boolean =>
  isObject(schema) && (schema.type === 'null' || (Object.hasOwn(schema, 'const') && schema.const === null));

/** `anyOf: [X, { type: "null" }]` (a nullable X) becomes X: every field may be left empty anyway. */
function unwrapNullable(result: NormalizedSchema, source: SourceSchema, stack: readonly string[]): void {
  for (const keyword of ['anyOf', 'oneOf']) {
    const entry = result.keys.get(keyword);
    if (!entry || !Array.isArray(entry.value)) continue;
    const branches = entry.value.map((schema, i) => ({ schema, i }));
    const others = branches.filter((b) => !isNullSchema(b.schema));
    const only = others[0];
    if (others.length !== 1 || branches.length < 2 || !only) continue;
    const inner = normalizeSchema(only.schema, `${entry.at}/${only.i}`, source, stack);
    if (!inner) continue;
    result.keys.delete(keyword);
    mergeInto(result, inner, source, false);
  }
}
