import { type Refused, refuse } from '../../core/Command.ts';
import { accepts, childrenOf, containerType, type Form, indexLayout, type Place } from '../formTree.ts';
import { nodeTypeName } from '../nodeNames.ts';

/** A place checked against a form: an existing container that accepts the node type, and an index in range. */
export interface ResolvedPlace {
  readonly parent: string | null;
  readonly index: number;
}

/**
 * Checks that a node of `childType` may go to `place`; `ignoring` are ids leaving that container (the
 * index counts its children without them).
 */
export function resolvePlace(
  form: Form,
  place: Place,
  childType: string,
  ignoring: ReadonlySet<string> = new Set(),
): ResolvedPlace | Refused {
  const type = containerType(form, place.parent);
  if (type === undefined) return refuse('目标位置不存在', 'the target container does not exist');
  if (!accepts(type, childType)) {
    const child = nodeTypeName(childType);
    const parent = nodeTypeName(type);
    return refuse(
      `${child['zh-CN']}不能放在${parent['zh-CN']}中`,
      `a ${child.en} cannot go into a ${parent.en}`,
    );
  }
  const count = childrenOf(form.layout, place.parent).filter((id) => !ignoring.has(id)).length;
  const index = place.index === undefined ? count : Math.max(0, Math.min(count, Math.floor(place.index)));
  return { parent: place.parent, index };
}

/** The id of the repeating table a container is or belongs to (the data object new fields go into). */
export function tableContext(form: Form, parent: string | null): string | undefined {
  if (parent === null) return undefined;
  return form.layout.nodes[parent]?.type === 'repeatingTable' ? parent : undefined;
}

/**
 * Where new nodes of these types go when no place is given, near the primary selection: at the end of
 * it when it is a container that takes them and `prefer` is 'into' (adding from the palette), or after
 * it (pasting, duplicating), or the other of the two; else at the end of the form; undefined if nowhere.
 */
export function placeNearSelection(
  form: Form,
  selection: readonly string[],
  types: readonly string[],
  prefer: 'into' | 'after',
): ResolvedPlace | undefined {
  const fits = (parent: string | null) => {
    const type = containerType(form, parent);
    return type !== undefined && types.every((t) => accepts(type, t));
  };
  const primary = selection[selection.length - 1];
  if (primary !== undefined && Object.hasOwn(form.layout.nodes, primary)) {
    const parent = indexLayout(form.layout).parent.get(primary) ?? null;
    const after = fits(parent)
      ? { parent, index: childrenOf(form.layout, parent).indexOf(primary) + 1 }
      : undefined;
    const into = fits(primary)
      ? { parent: primary, index: childrenOf(form.layout, primary).length }
      : undefined;
    const near = prefer === 'into' ? (into ?? after) : (after ?? into);
    if (near) return near;
  }
  return fits(null) ? { parent: null, index: form.layout.root.length } : undefined;
}
