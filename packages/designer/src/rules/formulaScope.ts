import type { LocalizedMessage, TypeName } from '@formboard/formula';
import { type FieldIndex, fieldTypesFor, indexFields, localize, tableOf } from '@formboard/schema';
import type { Form } from '../form/formTree.ts';

/** One name a formula can read: a field of the record, or a cell of the formula's own row. */
export interface ScopeField {
  /** The name as the formula writes it: `progress`, `kpis[].weight`, or `weight` in a row formula. */
  readonly name: string;
  readonly type: TypeName;
  /** The field's label in each locale (its key when it has none). */
  readonly label: LocalizedMessage;
  /** Allowed values of a choice field, with their labels. */
  readonly options?: readonly { readonly value: string | number; readonly label: LocalizedMessage }[];
}

function both(text: unknown, fallback: string): LocalizedMessage {
  const t = text as Parameters<typeof localize>[0];
  return { 'zh-CN': localize(t, 'zh-CN') || fallback, en: localize(t, 'en') || fallback };
}

/**
 * What a formula computing or guarding `target` reads (a record formula without one): every scalar
 * field and table column of the record, and for a table column's formula its row's cells by name.
 */
export function formulaScope(
  form: Form,
  target?: string,
  index: FieldIndex = indexFields(form.data),
): ScopeField[] {
  const types = fieldTypesFor(index, target ?? '');
  const table = target === undefined ? undefined : tableOf(target);
  return Object.entries(types).map(([name, type]) => {
    const own = index.fields.get(name);
    const info = own ?? (table === undefined ? undefined : index.fields.get(`${table}[].${name}`));
    const field: { -readonly [K in keyof ScopeField]: ScopeField[K] } = {
      name,
      type,
      label: both(info?.title, name),
    };
    const oneOf = info?.schema.oneOf as { const: string | number; title?: unknown }[] | undefined;
    const itemsOneOf = (info?.schema.items as { oneOf?: typeof oneOf } | undefined)?.oneOf;
    const choices = oneOf ?? itemsOneOf;
    if (choices)
      field.options = choices.map((o) => ({ value: o.const, label: both(o.title, String(o.const)) }));
    else if (info?.options)
      field.options = info.options.map((value) => ({ value, label: both(undefined, String(value)) }));
    return field;
  });
}
