import fc from 'fast-check';

// Random edits of a valid definition, for fuzzing the validator: each mutation picks its target by an
// index into the document's nodes (modulo their number), so fast-check can shrink a failing case to
// fewer and simpler edits, and replaying the same edits on the same document gives the same result.

/** A JSON value (objects may carry own `__proto__` keys, as JSON.parse makes them). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type JsonObject = { [key: string]: Json };

/** Keys that trip code which reads properties from plain objects. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

/** One edit of a document. */
export type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly key: number }
  | { readonly op: 'replace'; readonly at: number; readonly value: Json }
  | { readonly op: 'rename'; readonly at: number; readonly key: number; readonly name: string }
  | { readonly op: 'duplicate'; readonly at: number; readonly item: number }
  | { readonly op: 'inject'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly op: 'longString'; readonly at: number; readonly chunk: string; readonly length: number }
  | {
      readonly op: 'deepNesting';
      readonly at: number;
      readonly depth: number;
      readonly shape: 'array' | 'object';
    }
  | { readonly op: 'deepFormula'; readonly at: number; readonly depth: number; readonly call: string }
  | { readonly op: 'swap'; readonly at: number; readonly other: number };

/** A place in the document: the value, and where it hangs (none for the root). */
interface Node {
  readonly value: Json;
  readonly parent?: JsonObject | Json[];
  readonly key?: string | number;
}

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every node of a document, depth first, without recursion (documents may be nested thousands deep). */
export function nodesOf(root: Json): Node[] {
  const nodes: Node[] = [];
  const stack: Node[] = [{ value: root }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    nodes.push(node);
    const { value } = node;
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        stack.push({ value: child, parent: value, key: i });
      });
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) stack.push({ value: value[key] as Json, parent: value, key });
    }
  }
  return nodes;
}

/** A deep copy, without recursion (structuredClone overflows the stack on very deep documents). */
export function copyJson(root: Json): Json {
  const copyOf = (value: Json): Json =>
    Array.isArray(value) ? [] : value !== null && typeof value === 'object' ? {} : value;
  const top = copyOf(root);
  const stack: [Json, Json][] = [[root, top]];
  for (let pair = stack.pop(); pair; pair = stack.pop()) {
    const [from, to] = pair;
    if (Array.isArray(from)) {
      for (const item of from) {
        const copy = copyOf(item);
        (to as Json[]).push(copy);
        stack.push([item, copy]);
      }
    } else if (isObject(from)) {
      for (const key of Object.keys(from)) {
        const copy = copyOf(from[key] as Json);
        define(to as JsonObject, key, copy);
        stack.push([from[key] as Json, copy]);
      }
    }
  }
  return top;
}

/** The JSON text of a document, without recursion, for comparing documents of any depth. */
export function jsonText(root: Json): string {
  const out: string[] = [];
  const work: ({ readonly value: Json } | { readonly text: string })[] = [{ value: root }];
  for (let item = work.pop(); item; item = work.pop()) {
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const { value } = item;
    if (Array.isArray(value)) {
      out.push('[');
      work.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        work.push({ value: value[i] as Json });
        if (i > 0) work.push({ text: ',' });
      }
    } else if (isObject(value)) {
      out.push('{');
      work.push({ text: '}' });
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        work.push({ value: value[key] as Json }, { text: `${JSON.stringify(key)}:` });
        if (i > 0) work.push({ text: ',' });
      }
    } else out.push(JSON.stringify(value));
  }
  return out.join('');
}

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function define(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function put(node: Node, value: Json): Json | undefined {
  if (node.parent === undefined) return value;
  if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
  else define(node.parent, node.key as string, value);
  return undefined;
}

const leafType = (value: Json): string => (value === null ? 'null' : typeof value);

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

function nested(depth: number, shape: 'array' | 'object'): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = shape === 'array' ? [value] : { a: value };
  return value;
}

/** Applies one mutation in place and returns the document's root (new when the root was replaced). */
export function applyMutation(root: Json, mutation: Mutation): Json {
  const nodes = nodesOf(root);
  const objects = nodes.filter((n) => isObject(n.value));
  const replaceWith = (candidates: readonly Node[], value: Json): Json => {
    const node = pick(candidates, mutation.at);
    return node ? (put(node, value) ?? root) : root;
  };
  switch (mutation.op) {
    case 'delete': {
      const target = pick(objects, mutation.at)?.value as JsonObject | undefined;
      const key = target && pick(Object.keys(target), mutation.key);
      if (target && key !== undefined) delete target[key];
      return root;
    }
    case 'rename': {
      const target = pick(objects, mutation.at)?.value as JsonObject | undefined;
      const key = target && pick(Object.keys(target), mutation.key);
      if (!target || key === undefined) return root;
      // Rebuild in order, so the renamed key keeps its place.
      const entries = Object.entries(target);
      for (const k of Object.keys(target)) delete target[k];
      for (const [k, v] of entries) define(target, k === key ? mutation.name : k, v);
      return root;
    }
    case 'duplicate': {
      const arrays = nodes.filter((n) => Array.isArray(n.value) && n.value.length > 0);
      const target = pick(arrays, mutation.at)?.value as Json[] | undefined;
      if (!target) return root;
      const index = mutation.item % target.length;
      target.splice(index + 1, 0, copyJson(target[index] as Json));
      return root;
    }
    case 'inject': {
      const target = pick(objects, mutation.at)?.value as JsonObject | undefined;
      if (target) define(target, mutation.key, copyJson(mutation.value));
      return root;
    }
    case 'replace':
      // A copy: fast-check may hand the same generated value to several runs while shrinking.
      return replaceWith(nodes, copyJson(mutation.value));
    case 'longString':
      return replaceWith(
        nodes.slice(1),
        mutation.chunk.repeat(Math.ceil(mutation.length / mutation.chunk.length)),
      );
    case 'deepNesting':
      return replaceWith(nodes.slice(1), nested(mutation.depth, mutation.shape));
    case 'swap': {
      // Two leaves of the same JSON type trade places: the schema still holds, the meaning may not
      // (a layout path names another field, a formula lands on another target), which reaches the checks.
      const leaves = nodes.slice(1).filter((n) => n.value === null || typeof n.value !== 'object');
      const first = pick(leaves, mutation.at);
      if (!first) return root;
      const same = leaves.filter((n) => n !== first && leafType(n.value) === leafType(first.value));
      const second = pick(same, mutation.other);
      if (!second) return root;
      const value = first.value;
      put(first, second.value);
      put(second, value);
      return root;
    }
    case 'deepFormula': {
      const strings = nodes.filter((n) => typeof n.value === 'string');
      const text = `${`${mutation.call}(`.repeat(mutation.depth)}1${')'.repeat(mutation.depth)}`;
      return replaceWith(strings, text);
    }
  }
}

const at = fc.nat();
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '',
    'form',
    'field',
    'object',
    'array',
    'string',
    '#/$defs/kpiRow',
    0,
    -1,
    1e21,
    {},
    [],
  ),
);
const keyName = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...HOSTILE_KEYS, '', 'type', '$ref', 'kind', 'properties', 'items', 'children', 'n/1~0'),
  fc.string({ minLength: 200, maxLength: 300, unit: 'grapheme' }),
);

/** Any one mutation. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('swap' as const), at, other: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at, key: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at, value: jsonValue }),
  fc.record({ op: fc.constant('rename' as const), at, key: fc.nat(), name: keyName }),
  fc.record({ op: fc.constant('duplicate' as const), at, item: fc.nat() }),
  fc.record({
    op: fc.constant('inject' as const),
    at,
    key: fc.constantFrom(...HOSTILE_KEYS),
    value: jsonValue,
  }),
  fc.record({
    op: fc.constant('longString' as const),
    at,
    chunk: fc.constantFrom('a', '中文', 'x+', '(', '"', '\\', '\u0000', '😀', '${', 'SUM(a)+'),
    length: fc.integer({ min: 1_000, max: 200_000 }),
  }),
  fc.record({
    op: fc.constant('deepNesting' as const),
    at,
    depth: fc.integer({ min: 10, max: 3_000 }),
    shape: fc.constantFrom('array' as const, 'object' as const),
  }),
  fc.record({
    op: fc.constant('deepFormula' as const),
    at,
    depth: fc.integer({ min: 10, max: 2_000 }),
    call: fc.constantFrom('', 'SUM', 'IF', 'NOT', '-'),
  }),
);

/** A copy of `document` with 1 to `max` random mutations applied in turn, and the mutations. */
export function mutatedDocument(
  document: Json,
  max = 4,
): fc.Arbitrary<{ readonly mutations: readonly Mutation[]; readonly document: Json }> {
  return fc.array(mutationArbitrary, { minLength: 1, maxLength: max }).map((mutations) => ({
    mutations,
    document: mutations.reduce(applyMutation, copyJson(document)),
  }));
}
