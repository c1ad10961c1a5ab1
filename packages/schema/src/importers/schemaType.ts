import type { ScalarType } from './convertScalar.ts';
import type { ImportNotes } from './ImportNotes.ts';
import { isObject, type JsonObject, type NormalizedSchema } from './normalizeSchema.ts';
import type { SchemaKeywords } from './SchemaKeywords.ts';

/** The JSON Schema types a form can hold. */
export type SchemaType = ScalarType | 'object' | 'array';

const KNOWN = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

/**
 * The type of a schema, taking its `type` keyword: of several types, an object with properties, an
 * array with items, else the first scalar one (noted when `notes` is given); without `type`, inferred
 * from `properties`, `items` or the option values. Undefined when it cannot be told.
 */
export function schemaType(
  norm: NormalizedSchema,
  kw: SchemaKeywords,
  notes: ImportNotes | undefined,
): SchemaType | undefined {
  const entry = kw.take('type');
  if (entry) {
    const listed = (Array.isArray(entry.value) ? entry.value : [entry.value]).filter((t) => t !== 'null');
    const known = listed.filter((t): t is SchemaType => KNOWN.includes(t as string));
    const chosen =
      known.find((t) => t === 'object' && norm.properties.size > 0) ??
      known.find((t) => t === 'array' && norm.keys.has('items')) ??
      known.find((t) => t !== 'object' && t !== 'array') ??
      known[0];
    if (notes && listed.length > 1 && chosen !== undefined) {
      notes.schema(entry.at, 'changed', 'type.union', {
        'zh-CN': `type 列出了多种类型，按 ${chosen} 导入`,
        en: `type lists several types; imported as ${chosen}`,
      });
    }
    return chosen;
  }
  if (norm.properties.size > 0) return 'object';
  if (norm.keys.has('items')) return 'array';
  const values: unknown[] = [];
  const enumValues = norm.keys.get('enum')?.value;
  if (Array.isArray(enumValues)) values.push(...enumValues);
  if (norm.keys.has('const')) values.push(norm.keys.get('const')?.value);
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = norm.keys.get(keyword)?.value;
    if (Array.isArray(branches) && branches.every((b) => isObject(b) && Object.hasOwn(b, 'const'))) {
      values.push(...branches.map((b: JsonObject) => b.const));
    }
  }
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return undefined;
  if (present.every((v) => typeof v === 'string')) return 'string';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  return undefined;
}
