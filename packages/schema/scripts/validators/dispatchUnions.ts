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
  // A value whose tag only refined branches have (an `array` field whose items are not strings) must
  // still fail: after the refined tests, it goes to the first such branch, whose errors explain why.
  for (const { branch, tag } of [...order]) {
    if (!tag.refined || plain.has(tag.key)) continue;
    plain.set(tag.key, 1);
    const type = (tag.test.properties as Schema).type;
    order.push({
      branch,
      tag: {
        test: { type: 'object', properties: { type }, required: ['type'] },
        key: tag.key,
        refined: false,
      },
    });
  }
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

/**
 * A oneOf whose branches each accept one JSON type, all different (LocalizedText: a string or an
 * object), as an if/then/else chain on the type. A oneOf must run every branch and, in ajv, allocates
 * an error for each branch that fails, even when the union as a whole passes; the chain runs one.
 */
function dispatchByType(branches: readonly Schema[]): Schema | undefined {
  const types = branches.map((branch) => branch.type);
  if (!types.every((type): type is string => typeof type === 'string')) return undefined;
  if (new Set(types).size !== types.length) return undefined;
  // An integer is also a number: those two branches could both pass, which oneOf forbids.
  if (types.includes('number') && types.includes('integer')) return undefined;
  // The last branch closes the chain: a value of none of the types fails on its `type`.
  let chain = branches[branches.length - 1] as Schema;
  for (let i = branches.length - 2; i >= 0; i--) {
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable
    chain = { if: { type: types[i] }, then: branches[i] as Schema, else: chain };
  }
  return chain;
}

/**
 * A copy of a schema with every splittable oneOf turned into an if/then/else chain (see `dispatch`).
 * An object that occurs at several places (a shared subschema such as LocalizedText) is copied once
 * and stays shared, so `compileMemoized` can compile it once. A oneOf with a `discriminator` is left
 * to ajv's discriminator code (its errors name the tag) unless `discriminated` is set: the "valid?"
 * validator gives no errors, and ajv's discriminator code records which properties each branch
 * evaluated, for every layout node of a form. With distinct tags the answer is the same.
 */
export function dispatchUnions(schema: unknown, discriminated = false): unknown {
  return dispatchWith(schema, new Map(), discriminated);
}

function dispatchWith(schema: unknown, copies: Map<object, unknown>, discriminated: boolean): unknown {
  if (schema === null || typeof schema !== 'object') return schema;
  const known = copies.get(schema);
  if (known !== undefined) return known;
  let copy: unknown;
  if (Array.isArray(schema)) copy = schema.map((item) => dispatchWith(item, copies, discriminated));
  else {
    const out: Schema = {};
    for (const [key, value] of Object.entries(schema)) out[key] = dispatchWith(value, copies, discriminated);
    copy = out;
    if (Array.isArray(out.oneOf) && (discriminated || !('discriminator' in out))) {
      const branches = out.oneOf as Schema[];
      const chain = dispatch(branches) ?? dispatchByType(branches);
      if (chain) {
        delete out.oneOf;
        delete out.discriminator;
        copy = Object.keys(out).length === 0 ? chain : { allOf: [out, chain] };
      }
    }
  }
  copies.set(schema, copy);
  return copy;
}
