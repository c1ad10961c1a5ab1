import { FORMATS } from './formats.ts';

/**
 * One failed check, shaped like ajv's ErrorObject (keyword, instancePath, params), so messages and
 * paths are derived from it exactly as from ajv's errors.
 */
export interface CheckError {
  readonly instancePath: string;
  readonly keyword: CheckKeyword;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The checks of the form data subset. */
export type CheckKeyword =
  | 'type'
  | 'enum'
  | 'maximum'
  | 'minimum'
  | 'exclusiveMaximum'
  | 'exclusiveMinimum'
  | 'multipleOf'
  | 'maxLength'
  | 'minLength'
  | 'pattern'
  | 'format'
  | 'maxItems'
  | 'minItems'
  | 'uniqueItems'
  | 'required'
  | 'additionalProperties';

/** Checks a value found at `at` (a JSON pointer), appending what fails to `out`. */
export type SchemaCheck = (value: unknown, at: string, out: CheckError[]) => void;

type Schema = Readonly<Record<string, unknown>>;

// The keywords of ajv's type groups, in ajv's order: a group's keywords run only on a value of the
// group's type (an integer's on any finite number).
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'items', 'uniqueItems'],
  object: ['required', 'additionalProperties', 'properties'],
};
// What a record schema (toRecordSchema of a form's data) may contain, by type. Anything else is
// outside the data schema subset and refused when compiling, as ajv's strict mode refuses unknown
// keywords: a schema this check accepts is one it checks exactly as ajv does.
const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  string: new Set(['type', 'default', 'enum', ...(GROUPS.string ?? [])]),
  number: new Set(['type', 'default', 'enum', ...(GROUPS.number ?? [])]),
  integer: new Set(['type', 'default', 'enum', ...(GROUPS.number ?? [])]),
  boolean: new Set(['type', 'default']),
  array: new Set(['type', 'default', ...(GROUPS.array ?? [])]),
  object: new Set(['type', ...(GROUPS.object ?? [])]),
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const TYPE_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  number: isNumber,
  integer: (v) => isNumber(v) && v % 1 === 0,
  boolean: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: isObject,
};

/** Length in Unicode code points, as ajv counts it (a surrogate pair is one character). */
function codePoints(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    )
      i++;
  }
  return length;
}

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Compiles a record schema of the form data subset into a check that reports the errors ajv
 * (allErrors, strict, ajv-formats) reports, in the same order: keywords for any type first (enum),
 * then the number, string, array and object groups, each only on a value of its type; a wrong type
 * is reported inside the group when the schema has keywords of that group, else up front. Compiling
 * only walks the schema and builds closures: no code is generated, so a 2,000-field form is ready at
 * once.
 */
export function compileSchemaCheck(root: Schema): SchemaCheck {
  const { $defs, ...top } = root;
  const defs = ($defs ?? {}) as Readonly<Record<string, Schema>>;
  const cache = new Map<Schema, SchemaCheck>();
  // Fields with the same schema ("text, at most 40 characters") share one check: a form of 2,000
  // fields compiles a few dozen closures, which stay fast because every field runs the same ones.
  const byContent = new Map<string, SchemaCheck>();
  const compiling = new Set<Schema>();
  const compile = (schema: Schema): SchemaCheck => {
    let check = cache.get(schema);
    if (check) return check;
    const content =
      schema.type !== 'object' && schema.$ref === undefined ? JSON.stringify(schema) : undefined;
    check = content === undefined ? undefined : byContent.get(content);
    if (!check) {
      if (compiling.has(schema)) throw new Error('a recursive $ref is outside the form data schema subset');
      compiling.add(schema);
      check = build(schema);
      if (content !== undefined) byContent.set(content, check);
    }
    cache.set(schema, check);
    return check;
  };

  const build = (schema: Schema): SchemaCheck => {
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.slice('#/$defs/'.length);
      const target = Object.hasOwn(defs, name) ? defs[name] : undefined;
      if (!schema.$ref.startsWith('#/$defs/') || !target || Object.keys(schema).length > 1)
        throw new Error(`$ref ${schema.$ref} is outside the form data schema subset`);
      return compile(target);
    }
    const type = schema.type;
    const allowed = typeof type === 'string' && Object.hasOwn(ALLOWED, type) ? ALLOWED[type] : undefined;
    if (typeof type !== 'string' || !allowed)
      throw new Error(`type ${String(type)} is outside the form data schema subset`);
    for (const key of Object.keys(schema)) {
      if (!allowed.has(key)) throw new Error(`"${key}" on a ${type} is outside the form data schema subset`);
    }
    const isType = TYPE_CHECKS[type] as (v: unknown) => boolean;
    const group = type === 'integer' ? undefined : GROUPS[type];
    // ajv checks the type inside the group when the schema has keywords of that group, else up front.
    const typeInGroup = group?.some((k) => k in schema) ?? false;
    const steps: SchemaCheck[] = [];
    const typeError: SchemaCheck = (_, at, out) =>
      out.push({ instancePath: at, keyword: 'type', params: { type } });
    if (!typeInGroup) steps.push((value, at, out) => isType(value) || typeError(value, at, out));
    if (Array.isArray(schema.enum)) steps.push(enumCheck(schema.enum));
    // An integer's number keywords run on any finite number (ajv's number group).
    const numberChecks = type === 'number' || type === 'integer' ? numberKeywords(schema) : [];
    if (numberChecks.length > 0)
      steps.push(guarded(isNumber, numberChecks, type === 'number' ? typeError : undefined));
    if (type === 'string' && typeInGroup) steps.push(guarded(isType, stringKeywords(schema), typeError));
    if (type === 'array' && typeInGroup) steps.push(guarded(isType, arrayKeywords(schema), typeError));
    if (type === 'object' && typeInGroup) steps.push(guarded(isType, objectKeywords(schema), typeError));
    return (value, at, out) => {
      for (const step of steps) step(value, at, out);
    };
  };

  const arrayKeywords = (schema: Schema): SchemaCheck[] => {
    const checks: SchemaCheck[] = [];
    const { maxItems, minItems, items, uniqueItems } = schema;
    if (typeof maxItems === 'number')
      checks.push((v, at, out) => {
        if ((v as unknown[]).length > maxItems)
          out.push({ instancePath: at, keyword: 'maxItems', params: { limit: maxItems } });
      });
    if (typeof minItems === 'number')
      checks.push((v, at, out) => {
        if ((v as unknown[]).length < minItems)
          out.push({ instancePath: at, keyword: 'minItems', params: { limit: minItems } });
      });
    if (items !== undefined) {
      const item = compile(items as Schema);
      checks.push((v, at, out) => {
        const list = v as unknown[];
        for (let i = 0; i < list.length; i++) item(list[i], `${at}/${i}`, out);
      });
    }
    if (uniqueItems === true) checks.push(uniqueCheck(items as Schema | undefined));
    return checks;
  };

  const objectKeywords = (schema: Schema): SchemaCheck[] => {
    const checks: SchemaCheck[] = [];
    const properties = (schema.properties ?? {}) as Readonly<Record<string, Schema>>;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    // ajv reads properties as `data[name]`, inherited ones included; so does this check.
    if (required.length > 0)
      checks.push((v, at, out) => {
        const data = v as Record<string, unknown>;
        for (const name of required)
          if (data[name] === undefined)
            out.push({ instancePath: at, keyword: 'required', params: { missingProperty: name } });
      });
    if (schema.additionalProperties === false)
      checks.push((v, at, out) => {
        for (const key in v as object)
          if (!Object.hasOwn(properties, key))
            out.push({
              instancePath: at,
              keyword: 'additionalProperties',
              params: { additionalProperty: key },
            });
      });
    const children = Object.entries(properties).map(
      ([name, child]) => [name, `/${escapeKey(name)}`, compile(child)] as const,
    );
    if (children.length > 0)
      checks.push((v, at, out) => {
        const data = v as Record<string, unknown>;
        for (const [name, pointer, check] of children) {
          const value = data[name];
          if (value !== undefined) check(value, at + pointer, out);
        }
      });
    return checks;
  };

  return compile(top);
}

/** Runs `checks` on values of the group's type; reports a wrong type when `otherwise` is given. */
function guarded(
  is: (v: unknown) => boolean,
  checks: readonly SchemaCheck[],
  otherwise?: SchemaCheck,
): SchemaCheck {
  return (value, at, out) => {
    if (is(value)) for (const check of checks) check(value, at, out);
    else otherwise?.(value, at, out);
  };
}

function enumCheck(allowed: readonly unknown[]): SchemaCheck {
  if (allowed.some((v) => v !== null && typeof v === 'object'))
    throw new Error('enum values other than strings and numbers are outside the form data schema subset');
  return (value, at, out) => {
    if (!allowed.some((v) => v === value))
      out.push({ instancePath: at, keyword: 'enum', params: { allowedValues: allowed } });
  };
}

function numberKeywords(schema: Schema): SchemaCheck[] {
  const checks: SchemaCheck[] = [];
  const limit = (keyword: CheckKeyword, comparison: string, fails: (v: number, l: number) => boolean) => {
    const l = schema[keyword];
    if (typeof l !== 'number') return;
    checks.push((v, at, out) => {
      if (fails(v as number, l)) out.push({ instancePath: at, keyword, params: { comparison, limit: l } });
    });
  };
  limit('maximum', '<=', (v, l) => v > l);
  limit('minimum', '>=', (v, l) => v < l);
  limit('exclusiveMaximum', '<', (v, l) => v >= l);
  limit('exclusiveMinimum', '>', (v, l) => v <= l);
  const multipleOf = schema.multipleOf;
  if (typeof multipleOf === 'number')
    checks.push((v, at, out) => {
      // ajv's test, parseInt included: a quotient too large to print without an exponent fails.
      const quotient = (v as number) / multipleOf;
      if (multipleOf === 0 || quotient !== Number.parseInt(String(quotient), 10))
        out.push({ instancePath: at, keyword: 'multipleOf', params: { multipleOf } });
    });
  return checks;
}

function stringKeywords(schema: Schema): SchemaCheck[] {
  const checks: SchemaCheck[] = [];
  const { maxLength, minLength, pattern, format } = schema;
  if (typeof maxLength === 'number')
    checks.push((v, at, out) => {
      if (codePoints(v as string) > maxLength)
        out.push({ instancePath: at, keyword: 'maxLength', params: { limit: maxLength } });
    });
  if (typeof minLength === 'number')
    checks.push((v, at, out) => {
      if (codePoints(v as string) < minLength)
        out.push({ instancePath: at, keyword: 'minLength', params: { limit: minLength } });
    });
  if (typeof pattern === 'string') {
    const regex = new RegExp(pattern, 'u');
    checks.push((v, at, out) => {
      if (!regex.test(v as string)) out.push({ instancePath: at, keyword: 'pattern', params: { pattern } });
    });
  }
  if (typeof format === 'string') {
    const test = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
    if (!test) throw new Error(`format "${format}" is outside the form data schema subset`);
    checks.push((v, at, out) => {
      if (!test(v as string)) out.push({ instancePath: at, keyword: 'format', params: { format } });
    });
  }
  return checks;
}

/**
 * uniqueItems as ajv checks a list of strings (a multi-select): scanning from the end, the first
 * repeat found is reported once. Lists of other items are outside the subset.
 */
function uniqueCheck(items: Schema | undefined): SchemaCheck {
  if (items?.type !== 'string') throw new Error('uniqueItems applies to lists of strings only in forms');
  return (v, at, out) => {
    const list = v as unknown[];
    // A plain object as ajv's generated code uses, so the same keys behave the same ("__proto__").
    const seen: Record<string, unknown> = {};
    for (let i = list.length - 1; i >= 0 && list.length > 1; i--) {
      const item = list[i];
      if (typeof item !== 'string') continue;
      if (typeof seen[item] === 'number') {
        out.push({ instancePath: at, keyword: 'uniqueItems', params: { i, j: seen[item] } });
        return;
      }
      seen[item] = i;
    }
  };
}
