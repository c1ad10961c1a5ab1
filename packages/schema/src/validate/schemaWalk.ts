// The runtime side of the generated "valid?" validators (src/generated/*Walking.ts, made by
// scripts/generateValidators.ts): each container subschema is a function of its own, and asks the
// `SchemaWalk` it is called with (as `this`) for the verdicts of the subschemas below it.

import { heightWithin, MAX_DEFINITION_DEPTH } from './depthProblem.ts';

/**
 * A generated validator of one subschema: `this` is the walk that answers for its subschemas, `depth`
 * how deep `data` is in the document (the document itself is at 0). Generated functions call each
 * other straight (`validate.call(walk, data, depth)`), or through `check` when the walk remembers.
 */
export type WalkingValidator = (this: SchemaWalk, data: unknown, depth: number) => boolean;

/**
 * What a generated "valid?" validator asks its `this` for: the verdict of each subschema compiled
 * apart (`scripts/validators/compileMemoized.ts`), of a map-like object (see `mapValid`), and whether
 * a value the schema leaves open nests too deep (`freeWithin`), and the keys of a map (`keysOf`). This
 * base class remembers nothing: with it (`ONE_SHOT`), the validator is a plain one-shot validator;
 * `validateDefinition` uses a `KeyKeepingWalk` (one-shot too, keeping the maps' keys for its meaning
 * checks) for a document it sees once; `SchemaMemo` remembers verdicts between calls.
 *
 * Depth: the definition schemas have no `$ref`, so everything they check sits less than
 * MAX_DEFINITION_DEPTH levels deep (scripts/validators/openContents.ts makes sure); only values they
 * leave open (a widget's props) can nest deeper, and `freeWithin` measures those. A document this walk finds valid is therefore never too deep, and cold validation needs no
 * walk of its own to find out.
 */
export class SchemaWalk {
  /** Whether verdicts are remembered: the generated code then asks `check` for each subschema. */
  readonly remembers: boolean = false;

  /**
   * `propertyNames: { pattern }` and `additionalProperties` of a map-like object (at `depth`) in one
   * pass: every key matches `names` and every value passes subschema `id`. ajv would walk the object
   * once per keyword; walking an object with hundreds of keys is the costly part.
   */
  mapValid(
    names: RegExp,
    id: number,
    validate: WalkingValidator,
    data: Readonly<Record<string, unknown>>,
    depth: number,
  ): boolean {
    const below = depth + 1;
    // ajv's loops use for…in, which also sees inherited enumerable keys; plain JSON objects have none,
    // and then reading the own keys as an array, each value by its key, is faster on big maps; not
    // Object.values, which is slow on the hash-table objects JSON.parse makes of them (CONTEXT.md).
    if (hasInheritedKeys(data)) {
      for (const key in data) {
        if (!this.nameFits(names, key) || !this.entryValid(id, validate, data[key], below)) return false;
      }
      return true;
    }
    const keys = this.keysOf(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (!this.nameFits(names, key) || !this.entryValid(id, validate, data[key], below)) return false;
    }
    return true;
  }

  /** The own enumerable keys of a map-like object, as the generated map loops read them. */
  keysOf(data: object): string[] {
    return Object.keys(data);
  }

  /**
   * Whether `data`, a value at `depth` that its schema leaves open, holds no object or array
   * MAX_DEFINITION_DEPTH levels deep in the document.
   */
  freeWithin(data: unknown, depth: number): boolean {
    if (data === null || typeof data !== 'object') return true;
    return heightWithin(data, MAX_DEFINITION_DEPTH - depth) !== undefined;
  }

  /** Whether no two items of a list are equal, compared as strings are (`uniqueItems` of a list of strings). */
  allDifferent(items: readonly unknown[]): boolean {
    const n = items.length;
    // Short lists (most children lists) compare pairwise; a Set is cheaper from about ten items on.
    if (n > 10) return new Set(items).size === n;
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < i; j++) if (items[i] === items[j]) return false;
    }
    return true;
  }

  /**
   * Whether an object has inherited enumerable keys, which ajv's for…in loops see: the generated code
   * then leaves a map to `mapValid`, which reads them as ajv does.
   */
  inherits(data: object): boolean {
    return hasInheritedKeys(data);
  }

  /** Whether a map's key matches its name pattern. */
  protected nameFits(names: RegExp, key: string): boolean {
    return names.test(key);
  }

  /** Whether a map's value (at `depth`) passes subschema `id`. */
  protected entryValid(_id: number, validate: WalkingValidator, value: unknown, depth: number): boolean {
    return validate.call(this, value, depth);
  }
}

/** A `SchemaWalk` that does not remember: for documents validated once. */
export const ONE_SHOT = new SchemaWalk();

/** The keys of an object, read once per validation (see `KeyKeepingWalk`). */
export type KeysOf = (object: object) => readonly string[];

/**
 * A one-shot walk that keeps the keys of the maps it reads, for the meaning checks that read the same
 * maps right after it (the field index, the layout check): V8 keeps the big maps `JSON.parse` makes
 * (`data.properties`, `layout.nodes`) as hash tables, and listing a hash table's keys sorts them —
 * about 1.5% of a cold validation each time. One per validation: the document does not change
 * between the walk and the checks of the same call.
 */
export class KeyKeepingWalk extends SchemaWalk {
  private readonly kept = new Map<object, string[]>();

  override keysOf(data: object): string[] {
    const keys = Object.keys(data);
    this.kept.set(data, keys);
    return keys;
  }

  /** The keys of `object` as the walk read them, or read now. */
  readonly keys: KeysOf = (object) => this.kept.get(object) ?? Object.keys(object);
}

/**
 * What a memoized validator remembers between calls: per subschema, whether an object or array was
 * valid, and which map keys fit their pattern. Keyed by identity, so it is only right for documents
 * that are never mutated after validation.
 */
export class SchemaMemo extends SchemaWalk {
  private readonly verdicts: WeakMap<object, boolean>[] = [];
  private readonly names = new Map<RegExp, Map<string, boolean>>();

  override readonly remembers = true;

  /**
   * The verdict of `validate` on `data` for the subschema numbered `id`, computed once per object.
   * Depth plays no part (0 is passed): a verdict must hold wherever the object is (see `freeWithin`).
   */
  check(id: number, validate: WalkingValidator, data: unknown): boolean {
    if (data === null || typeof data !== 'object') return validate.call(this, data, 0);
    let verdicts = this.verdicts[id];
    if (!verdicts) {
      verdicts = new WeakMap();
      this.verdicts[id] = verdicts;
    }
    let valid = verdicts.get(data);
    if (valid === undefined) {
      valid = validate.call(this, data, 0);
      verdicts.set(data, valid);
    }
    return valid;
  }

  /**
   * Always true: a verdict remembered for an object must hold wherever the object is, so the memoizing
   * validator's caller measures depth itself (rememberedDepthProblem, which also remembers heights).
   */
  override freeWithin(): boolean {
    return true;
  }

  protected override entryValid(id: number, validate: WalkingValidator, value: unknown): boolean {
    return this.check(id, validate, value);
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
