// The runtime side of the generated "valid?" validators (src/generated/*Walking.ts, made by
// scripts/generateValidators.ts): each container subschema is a function of its own, and asks the
// `SchemaWalk` it is called with (as `this`) for the verdicts of the subschemas below it.

/** What ajv's standalone validators take after the data; the "valid?" validators read none of it. */
export interface WalkOptions {
  readonly instancePath: string;
  readonly dynamicAnchors: Readonly<Record<string, never>>;
}

/** A generated validator of one subschema; `this` is the walk that answers for its subschemas. */
export type WalkingValidator = (this: SchemaWalk, data: unknown, options?: WalkOptions) => boolean;

/**
 * The options every subschema's validator is called with. Without them, ajv's code defaults its
 * options parameter to `{}` and `dynamicAnchors` to another `{}`: two objects per call, thousands per
 * form. Only a failing "valid?" validator's own error (never reported: the explaining validator says
 * what is wrong) would read `instancePath`; frozen, so code that wrote to them would fail loudly.
 */
const CALL_OPTIONS: WalkOptions = Object.freeze({ instancePath: '', dynamicAnchors: Object.freeze({}) });

/**
 * What a generated "valid?" validator asks its `this` for: the verdict of each subschema compiled
 * apart (`scripts/validators/compileMemoized.ts`), and of a map-like object (see `mapValid`). This base class remembers nothing: with
 * it, the validator is a plain one-shot validator (`validateDefinition` uses it so, for a document it
 * sees once); `SchemaMemo` remembers verdicts between calls.
 */
export class SchemaWalk {
  /** The verdict of `validate` (the subschema numbered `id`) on `data`. */
  check(_id: number, validate: WalkingValidator, data: unknown): boolean {
    return validate.call(this, data, CALL_OPTIONS);
  }

  /**
   * `propertyNames: { pattern }` and `additionalProperties` of a map-like object in one pass: every
   * key matches `names` and every value passes subschema `id`. ajv would walk the object once per
   * keyword; walking an object with hundreds of keys is the costly part.
   */
  mapValid(
    names: RegExp,
    id: number,
    validate: WalkingValidator,
    data: Readonly<Record<string, unknown>>,
  ): boolean {
    // ajv's loops use for…in, which also sees inherited enumerable keys; plain JSON objects have none,
    // and then own keys and values read as two arrays are much faster on objects with many keys.
    if (hasInheritedKeys(data)) {
      for (const key in data) if (!this.entryValid(names, key, id, validate, data[key])) return false;
      return true;
    }
    const keys = Object.keys(data);
    const values = Object.values(data);
    for (let i = 0; i < keys.length; i++) {
      if (!this.entryValid(names, keys[i] as string, id, validate, values[i])) return false;
    }
    return true;
  }

  /** Whether a map's key matches its name pattern. */
  protected nameFits(names: RegExp, key: string): boolean {
    return names.test(key);
  }

  private entryValid(
    names: RegExp,
    key: string,
    id: number,
    validate: WalkingValidator,
    value: unknown,
  ): boolean {
    return this.nameFits(names, key) && this.check(id, validate, value);
  }
}

/** A `SchemaWalk` that does not remember: for documents validated once. */
export const ONE_SHOT = new SchemaWalk();

/**
 * What a memoized validator remembers between calls: per subschema, whether an object or array was
 * valid, and which map keys fit their pattern. Keyed by identity, so it is only right for documents
 * that are never mutated after validation.
 */
export class SchemaMemo extends SchemaWalk {
  private readonly verdicts: WeakMap<object, boolean>[] = [];
  private readonly names = new Map<RegExp, Map<string, boolean>>();

  /** The verdict of `validate` on `data` for the subschema numbered `id`, computed once per object. */
  override check(id: number, validate: WalkingValidator, data: unknown): boolean {
    if (data === null || typeof data !== 'object') return validate.call(this, data, CALL_OPTIONS);
    let verdicts = this.verdicts[id];
    if (!verdicts) {
      verdicts = new WeakMap();
      this.verdicts[id] = verdicts;
    }
    let valid = verdicts.get(data);
    if (valid === undefined) {
      valid = validate.call(this, data, CALL_OPTIONS);
      verdicts.set(data, valid);
    }
    return valid;
  }

  protected override nameFits(names: RegExp, key: string): boolean {
    let fits = this.names.get(names);
    if (!fits || fits.size > MAX_NAMES) {
      fits = new Map();
      this.names.set(names, fits);
    }
    let fit = fits.get(key);
    if (fit === undefined) {
      fit = names.test(key);
      fits.set(key, fit);
    }
    return fit;
  }
}

function hasInheritedKeys(data: object): boolean {
  for (let proto = Object.getPrototypeOf(data); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.keys(proto).length > 0) return true;
  }
  return false;
}

/** Names remembered per pattern before starting over (they are field names and node ids). */
const MAX_NAMES = 100_000;
