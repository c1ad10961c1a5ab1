import type { LocalizedText } from '../schemas/localizedText.ts';

/**
 * What a source property became: `field` — a scalar or multi-select field; `group` — an object of
 * fields; `table` — a repeating table (its children are the row's columns); `flattened` — an object
 * nested deeper than our data schema allows, whose members were lifted into the enclosing object
 * (`customer.name` → `customer_name`); it has no data path of its own.
 */
export type TreeFieldKind = 'field' | 'group' | 'table' | 'flattened';

/** One property of the source schema and where it landed in the imported data schema. */
export interface TreeField {
  /** The property's key in the source schema. */
  readonly sourceKey: string;
  /** Its key in the imported data (renamed when the source key is not a valid field key). */
  readonly key: string;
  /** Its data path in formula syntax: `owner.name`, `kpis[].weight`; for `flattened`, the key prefix. */
  readonly path: string;
  /** The path a layout node uses: relative to the row inside repeating tables, else `path`. */
  readonly layoutPath: string;
  readonly kind: TreeFieldKind;
  /** JSON pointer of the property's schema in the source document (where its $ref is written). */
  readonly pointer: string;
  readonly title?: LocalizedText;
  /** Members of groups and flattened objects, columns of tables. */
  readonly children: readonly TreeField[];
  /** `readOnly: true` on the property or on an object around it. */
  readonly readOnly: boolean;
}

/** The imported data schema seen from the source: the root's properties, each mapped to its new place. */
export interface FieldTree {
  readonly children: readonly TreeField[];
  /** When the source root was not an object, the single field (`value`) that now holds it. */
  readonly wrapped?: TreeField;
}

/** The member of `children` that came from the source key `key`. */
export function childBySourceKey(children: readonly TreeField[], key: string): TreeField | undefined {
  return children.find((child) => child.sourceKey === key);
}
