import { pointer } from '../validate/issues.ts';
import { convertScalar, takeAnnotations } from './convertScalar.ts';
import {
  isObject,
  type JsonObject,
  type NormalizedSchema,
  normalizeSchema,
  resolveRef,
  type SourceSchema,
} from './normalizeSchema.ts';
import type { Origins } from './Origins.ts';
import { SchemaKeywords } from './SchemaKeywords.ts';
import { schemaType } from './schemaType.ts';

type Ref = NonNullable<NormalizedSchema['ref']>;

const NAME_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * The imported data's `$defs`: source definitions used as table rows or scalar fields are converted
 * once and referred to with `$ref`; groups are inlined (our data schema has no group references).
 */
export class SchemaDefinitions {
  readonly defs: Record<string, JsonObject> = {};
  readonly #names = new Map<string, string | null>();
  readonly #source: SourceSchema;
  readonly #origins: Origins;

  constructor(source: SourceSchema, origins: Origins) {
    this.#source = source;
    this.#origins = origins;
  }

  #name(ref: Ref): string {
    let base = '';
    for (const ch of ref.name) base += NAME_CHAR.test(ch) ? ch : '_';
    if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
    let name = base;
    for (let n = 2; Object.hasOwn(this.defs, name); n++) name = `${base}_${n}`;
    return name;
  }

  #normalize(ref: Ref): NormalizedSchema | undefined {
    const target = resolveRef(this.#source.root, `#${ref.at}`);
    return normalizeSchema(target?.value, ref.at, this.#source, ['', ref.at]);
  }

  /**
   * Our name for a definition used as a table row, converting it on first use: `convertRow` fills
   * the row schema's properties from the definition.
   */
  row(
    ref: Ref,
    convertRow: (norm: NormalizedSchema, kw: SchemaKeywords, row: JsonObject, dataAt: string) => void,
  ) {
    if (this.#names.has(ref.at)) return this.#names.get(ref.at) ?? undefined;
    const norm = this.#normalize(ref);
    if (!norm) {
      this.#names.set(ref.at, null);
      return undefined;
    }
    const name = this.#name(ref);
    this.#names.set(ref.at, name);
    const kw = new SchemaKeywords(norm);
    const row: JsonObject = { type: 'object' };
    schemaType(norm, kw, undefined);
    kw.take('readOnly'); // noted where the field that uses it is converted
    takeAnnotations(kw, row, this.#source.notes);
    this.defs[name] = row;
    this.#origins.add(`/data/$defs/${name}`, { source: 'schema', pointer: ref.at });
    convertRow(norm, kw, row, `/data/$defs/${name}`);
    kw.dropRest(this.#source.notes);
    return name;
  }

  /** Our name for a definition used as a scalar field, converting it on first use; undefined for others. */
  scalar(ref: Ref): string | undefined {
    if (this.#names.has(ref.at)) return this.#names.get(ref.at) ?? undefined;
    const norm = this.#normalize(ref);
    const kw = norm ? new SchemaKeywords(norm) : undefined;
    const type = norm && kw ? schemaType(norm, kw, this.#source.notes) : undefined;
    if (!kw || type === undefined || type === 'object' || type === 'array') {
      this.#names.set(ref.at, null);
      return undefined;
    }
    const name = this.#name(ref);
    this.#names.set(ref.at, name);
    const schema: JsonObject = { type };
    kw.take('readOnly'); // noted where the field that uses it is converted
    takeAnnotations(kw, schema, this.#source.notes);
    convertScalar(type, kw, schema, this.#source.notes);
    kw.dropRest(this.#source.notes);
    this.defs[name] = schema;
    this.#origins.add(`/data/$defs/${name}`, { source: 'schema', pointer: ref.at });
    return name;
  }

  /** Forgets a converted definition that turned out unusable (a row without columns). */
  remove(name: string): void {
    delete this.defs[name];
  }

  /** Notes every source definition that no imported field reached. */
  noteUnused(): void {
    const root = this.#source.root;
    if (!isObject(root)) return;
    for (const keyword of ['definitions', '$defs']) {
      const defs = root[keyword];
      if (!isObject(defs)) continue;
      for (const name of Object.keys(defs)) {
        const at = pointer(keyword, name);
        if (this.#source.usedRefs.has(at)) continue;
        this.#source.notes.schema(at, 'dropped', 'definition.unused', {
          'zh-CN': `定义 ${name} 没有被任何已导入的字段使用，未导入`,
          en: `the definition ${name} is not used by any imported field; not imported`,
        });
      }
    }
  }
}
