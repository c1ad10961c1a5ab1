import {
  compileRollupWhere,
  type FieldIndex,
  type FormDefinition,
  type FormRollup,
  indexFields,
  type RollupWhere,
} from '@formboard/schema';

/** One roll-up of a published form, as the store applies it. */
export interface RollupRule {
  /** The form whose records receive the value. */
  readonly parent: string;
  readonly rollup: FormRollup;
  /** How the combined field's values compare: numbers, or dates as ISO text. */
  readonly kind: 'number' | 'text';
  /** The roll-up's `where`, compiled against the source form's published fields: which records count. */
  readonly where?: RollupWhere | undefined;
}

/** A published form, as the graph reads it. */
export interface PublishedForm {
  readonly definition: FormDefinition;
  readonly fields: FieldIndex;
}

const NONE: readonly RollupRule[] = [];
const NO_FIELDS: FieldIndex = indexFields({ type: 'object', properties: {} });

/**
 * The roll-ups of the published forms: which form's records each one reads, and an order of the
 * forms in which a form comes after every form it rolls up from, so a write recomputes each form's
 * records once, children before parents. Forms that roll up from each other (refused by validation
 * when it can see both, but possible in a store) are ordered anyway: the cycle is cut somewhere.
 */
export class RollupGraph {
  private readonly byParent = new Map<string, RollupRule[]>();
  private readonly byChild = new Map<string, RollupRule[]>();
  private readonly ranks = new Map<string, number>();

  constructor(published: ReadonlyMap<string, PublishedForm>) {
    for (const [parent, { definition }] of published) {
      for (const rollup of definition.rollups ?? []) {
        const source = published.get(rollup.from)?.fields;
        const field = rollup.field ? source?.fields.get(rollup.field) : undefined;
        const rule: RollupRule = {
          parent,
          rollup,
          kind: field?.formulaType === 'date' ? 'text' : 'number',
          where: compileRollupWhere(rollup, source ?? NO_FIELDS),
        };
        push(this.byParent, parent, rule);
        push(this.byChild, rollup.from, rule);
      }
    }
    // Ranked in one fixed order, so every process cuts a cycle at the same place.
    for (const formId of [...published.keys()].sort()) this.rank(formId);
  }

  /** The roll-ups of a form (none when it has none). */
  of(formId: string): readonly RollupRule[] {
    return this.byParent.get(formId) ?? NONE;
  }

  /** The roll-ups that read a form's records. */
  readers(formId: string): readonly RollupRule[] {
    return this.byChild.get(formId) ?? NONE;
  }

  /** The forms whose records a change to `formId`'s records may rewrite, in `sorted` order. */
  above(formId: string): string[] {
    const found = new Set<string>();
    const visit = (id: string) => {
      for (const rule of this.readers(id)) {
        if (found.has(rule.parent)) continue;
        found.add(rule.parent);
        visit(rule.parent);
      }
    };
    visit(formId);
    return this.sorted(found);
  }

  /** Forms ordered so that each comes after the forms it rolls up from (then by id). */
  sorted(forms: Iterable<string>): string[] {
    return [...forms].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  // 0 for a form that rolls up from no other form, else one more than the highest of its sources.
  private rank(formId: string, visiting = new Set<string>()): number {
    const known = this.ranks.get(formId);
    if (known !== undefined) return known;
    if (visiting.has(formId)) return 0;
    visiting.add(formId);
    let rank = 0;
    for (const rule of this.of(formId))
      if (rule.rollup.from !== formId) rank = Math.max(rank, this.rank(rule.rollup.from, visiting) + 1);
    visiting.delete(formId);
    this.ranks.set(formId, rank);
    return rank;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
