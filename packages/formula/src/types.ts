/** Static types of formula expressions, as computed by `check`. */
export type FormulaType =
  | { readonly kind: 'number' }
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'any' }
  | { readonly kind: 'array'; readonly of: FormulaType };

/** Shorthand type names accepted wherever a FormulaType is: "number", "date", "string[]", … */
export type TypeName = 'number' | 'string' | 'boolean' | 'date' | 'blank' | 'any' | `${string}[]`;

export const T = {
  number: { kind: 'number' },
  string: { kind: 'string' },
  boolean: { kind: 'boolean' },
  date: { kind: 'date' },
  blank: { kind: 'blank' },
  any: { kind: 'any' },
} as const satisfies Record<string, FormulaType>;

/** Array type with the given element type (arrays of arrays flatten). */
export function arrayOf(of: FormulaType): FormulaType {
  return of.kind === 'array' ? of : { kind: 'array', of };
}

/** Turns a TypeName or FormulaType into a FormulaType; unknown names become `any`. */
export function toType(type: FormulaType | TypeName): FormulaType {
  if (typeof type !== 'string') return type;
  // The scalar names by a switch, before looking for `[]` (the type checker calls this per field read).
  switch (type) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'date':
    case 'blank':
    case 'any':
      return T[type];
  }
  if (type.endsWith('[]')) return arrayOf(toType(type.slice(0, -2) as TypeName));
  return T.any;
}

/** Readable name of a type: "number", "string[]". */
export function typeName(type: FormulaType): string {
  return type.kind === 'array' ? `${typeName(type.of)}[]` : type.kind;
}

/** Element type of an array type, or the type itself for scalars. */
export function elementType(type: FormulaType): FormulaType {
  return type.kind === 'array' ? type.of : type;
}

/** The common type of several branches (IF, SWITCH…): equal types stay, blanks join anything, else `any`. */
export function unionType(types: readonly FormulaType[]): FormulaType {
  let result: FormulaType | undefined;
  for (const t of types) {
    if (t.kind === 'blank') continue;
    if (!result) result = t;
    else if (typeName(result) !== typeName(t)) return T.any;
  }
  return result ?? T.blank;
}
