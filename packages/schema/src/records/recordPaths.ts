// Pointers, paths and field schemas of a record's checks: no ajv here, so a browser bundle that checks
// records without ajv (form-runtime) shares them with the ajv validators.

type Schema = Readonly<Record<string, unknown>>;

/** "/kpis/0/weight" → "kpis[].weight" (the path formulas, rules and custom messages use). */
export function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[]` : path ? `${path}.${segment}` : segment),
      '',
    );
}

/**
 * The pointer of the value a failed check is about: ajv reports a missing or unknown property at its
 * object, the issue points at the property itself.
 */
export function issuePointer(
  instancePath: string,
  keyword: string,
  params: Readonly<Record<string, unknown>>,
) {
  const property =
    keyword === 'required'
      ? String(params.missingProperty)
      : keyword === 'additionalProperties'
        ? String(params.additionalProperty)
        : undefined;
  return property === undefined
    ? instancePath
    : `${instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The record schema of the field at a column path (`kpis[].weight`), $refs resolved. */
export function fieldSchema(root: Schema, path: string): Schema | undefined {
  const defs = (root.$defs ?? {}) as Readonly<Record<string, Schema>>;
  const deref = (s: Schema | undefined): Schema | undefined =>
    typeof s?.$ref === 'string' ? defs[s.$ref.slice('#/$defs/'.length)] : s;
  let current: Schema | undefined = root;
  for (const part of path.split('.')) {
    const key = part.endsWith('[]') ? part.slice(0, -2) : part;
    current = deref(((current?.properties ?? {}) as Readonly<Record<string, Schema>>)[key]);
    if (part.endsWith('[]')) current = deref(current?.items as Schema | undefined);
  }
  return current;
}
