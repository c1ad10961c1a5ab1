type Schema = Record<string, unknown>;

/** The test that picks a union branch: its `$ref`, or its `type` tag (plus `items.type` to split arrays). */
function tagOf(branch: Schema): { test: Schema; key: string; refined: boolean } | undefined {
  if (((branch.required as string[] | undefined) ?? []).includes('$ref'))
    return { test: { type: 'object', required: ['$ref'] }, key: '$ref', refined: false };
  const type = (branch.properties as Schema | undefined)?.type as Schema | undefined;
  if (!type) return undefined;
  const tag =
    'const' in type ? { const: type.const } : Array.isArray(type.enum) ? { enum: type.enum } : undefined;
  if (!tag) return undefined;
  const items = (branch.properties as Schema).items as Schema | undefined;
  const itemsType = (items?.properties as Schema | undefined)?.type as Schema | undefined;
  if (itemsType && 'const' in itemsType) {
    return {
      test: {
        type: 'object',
        properties: {
          type: tag,
          items: { type: 'object', properties: { type: { const: itemsType.const } }, required: ['type'] },
        },
        required: ['type', 'items'],
      },
      key: JSON.stringify(tag),
      refined: true,
    };
  }
  return {
    test: { type: 'object', properties: { type: tag }, required: ['type'] },
    key: JSON.stringify(tag),
    refined: false,
  };
}

/**
 * A oneOf whose branches are told apart by `type` (or `$ref`) as an if/then/else chain: ajv then checks
 * one branch per value instead of every branch (a oneOf must try them all), and reports only that
 * branch's errors. Unions it cannot split safely stay as they are.
 */
function dispatch(branches: readonly Schema[]): Schema | undefined {
  const tags = branches.map(tagOf);
  if (tags.some((t) => t === undefined)) return undefined;
  // Branches sharing a tag must be split by `items.type`, with at most one plain fallback per tag.
  const plain = new Map<string, number>();
  for (const tag of tags) if (tag && !tag.refined) plain.set(tag.key, (plain.get(tag.key) ?? 0) + 1);
  if ([...plain.values()].some((n) => n > 1)) return undefined;
  const order = branches.map((branch, i) => ({ branch, tag: tags[i] as NonNullable<(typeof tags)[number]> }));
  order.sort((a, b) => Number(b.tag.refined) - Number(a.tag.refined));
  const allTypes = [
    ...new Set(
      order.flatMap(({ tag }) => {
        const type = (tag.test.properties as Schema | undefined)?.type as Schema | undefined;
        return type ? ('const' in type ? [type.const] : (type.enum as unknown[])) : [];
      }),
    ),
  ];
  let chain: Schema = { type: 'object', properties: { type: { enum: allTypes } }, required: ['type'] };
  for (const { branch, tag } of [...order].reverse()) {
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable
    chain = { if: tag.test, then: branch, else: chain };
  }
  return chain;
}

/** A copy of a schema with every splittable oneOf turned into an if/then/else chain (see `dispatch`). */
export function dispatchUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(dispatchUnions);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = dispatchUnions(value);
  if (Array.isArray(out.oneOf) && !('discriminator' in out)) {
    const chain = dispatch(out.oneOf as Schema[]);
    if (chain) {
      delete out.oneOf;
      return Object.keys(out).length === 0 ? chain : { allOf: [out, chain] };
    }
  }
  return out;
}
