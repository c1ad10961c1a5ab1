import type { FieldIndex } from '../fields/fieldIndex.ts';
import type { ConditionTarget } from './conditionToFormula.ts';
import { childBySourceKey, type FieldTree, type TreeField } from './FieldTree.ts';

/** What a JSON Forms scope points at: the whole data (`#`), or one imported property. */
export type ScopeTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'property'; readonly field: TreeField };

/**
 * Resolves a JSON Forms scope (`#/properties/address/properties/city`, also `/properties/a`) against
 * the imported fields, starting at `members` (the root's, or a table row's for a detail UI schema).
 * Undefined when it points at something that was not imported or through anything but `properties`.
 */
export function resolveScope(scope: string, members: readonly TreeField[]): ScopeTarget | undefined {
  const trimmed = scope.startsWith('#') ? scope.slice(1) : scope;
  const segments = trimmed
    .split('/')
    .filter((s, i) => !(i === 0 && s === ''))
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return { kind: 'root' };
  if (segments.length % 2 !== 0) return undefined;
  let children = members;
  let found: TreeField | undefined;
  for (let i = 0; i < segments.length; i += 2) {
    if (segments[i] !== 'properties') return undefined;
    if (found && found.kind !== 'group' && found.kind !== 'flattened') return undefined;
    found = childBySourceKey(children, segments[i + 1] ?? '');
    if (!found) return undefined;
    children = found.children;
  }
  return found && { kind: 'property', field: found };
}

/** A scope as a condition target: the root and groups are objects, fields are values. */
export function conditionTarget(
  scope: string,
  tree: FieldTree,
  index: FieldIndex,
): ConditionTarget | undefined {
  const target = resolveScope(scope, tree.wrapped ? [] : tree.children);
  const field = target?.kind === 'root' ? tree.wrapped : target?.field;
  if (target?.kind === 'root' && !tree.wrapped) return { kind: 'object', members: tree.children };
  if (!field) return undefined;
  if (field.kind === 'group' || field.kind === 'flattened')
    return { kind: 'object', members: field.children };
  const info = index.fields.get(field.path);
  return info && { kind: 'field', info };
}
