import { type FormDefinition, rollupValue } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import { formLayout } from '../layout/formLayouts.ts';
import type { CompiledForms } from '../records/CompiledForms.ts';
import type { StoredRecord } from '../records/types.ts';
import { type PublishedForm, RollupGraph } from './RollupGraph.ts';
import { RollupScope, type RollupWriter } from './RollupScope.ts';
import { lockRollups } from './rollupLocks.ts';
import { withValueAt } from './rollupRows.ts';

type PublishedRow = { id: string; version: number };

/** Hears the records roll-ups rewrote, once their transaction has committed. */
export type RolledUpListener = (records: readonly StoredRecord[]) => void;

/**
 * Roll-up fields, kept by the store on every record write (see the README, "Roll-ups"): which
 * published forms roll up from which (read in each write's transaction, remembered per set of
 * published versions), the locks a write takes, and who hears about the records they rewrote.
 */
export class Rollups {
  private cached: { readonly key: string; readonly graph: RollupGraph } | undefined;
  private readonly listeners = new Set<RolledUpListener>();

  constructor(
    readonly forms: CompiledForms,
    /** The store's clock (ISO text), for the revisions a publication's recomputing writes. */
    readonly now: () => string,
  ) {}

  /** Forgets the forms compiled and the graph built from them (see `CompiledForms.clear`). */
  forgetCompiled(): void {
    this.cached = undefined;
    this.forms.clear();
  }

  /** The roll-ups of the forms published as `tx` sees them. */
  async graph(tx: Dialect): Promise<RollupGraph> {
    const rows = await tx.query<PublishedRow>(
      "SELECT id, published_version AS version FROM definitions WHERE kind = 'form' AND state = 'published' ORDER BY id",
    );
    const key = rows.map((row) => `${row.id}@${row.version}`).join('\n');
    if (this.cached?.key === key) return this.cached.graph;
    const published = new Map<string, PublishedForm>();
    for (const row of rows) {
      const version = Number(row.version);
      published.set(row.id, {
        definition: await this.forms.definition(tx, row.id, version),
        fields: await this.forms.fields(tx, row.id, version),
      });
    }
    const graph = new RollupGraph(published);
    this.cached = { key, graph };
    return graph;
  }

  /**
   * Starts the roll-ups of a write of `formId`'s records, in its transaction, after the caller took
   * that form's layout row: locks the forms the write may recompute (and `formId` itself when its
   * records have roll-ups of their own, which the write computes).
   */
  async begin(tx: Dialect, formId: string): Promise<RollupScope> {
    const graph = await this.graph(tx);
    const above = graph.above(formId);
    const locked = graph.of(formId).length > 0 ? [...new Set([...above, formId])] : above;
    if (locked.length > 0)
      await lockRollups(
        tx,
        above.filter((id) => id !== formId),
        locked,
      );
    return new RollupScope(tx, graph, this.forms, above);
  }

  /**
   * Runs a write of `formId`'s records in one transaction with its roll-ups — the form's layout row
   * taken shared first, as every record writer does — then tells the listeners what they rewrote.
   */
  async write<T>(
    db: Dialect,
    formId: string,
    work: (tx: Dialect, layout: FormLayout | undefined, rollups: RollupScope) => Promise<T>,
  ): Promise<T> {
    let scope: RollupScope | undefined;
    const result = await db.transaction(async (tx) => {
      const layout = await formLayout(tx, formId, 'share');
      scope = await this.begin(tx, formId);
      return work(tx, layout, scope);
    });
    if (scope && scope.rewritten.length > 0) this.announce(scope.rewritten);
    return result;
  }

  /**
   * Takes, in a transaction publishing `formId` with other roll-ups than before (its definition row
   * held), the locks recomputing them needs — before the publication touches the form's typed table,
   * in the writers' order: the layout rows of the forms it reads and read before (for update: no
   * writer of theirs may follow the old roll-ups meanwhile) and its own (for update), the forms above
   * it (shared), then the advisory locks.
   */
  async lockForPublish(tx: Dialect, formId: string, sources: readonly string[]): Promise<void> {
    const graph = await this.graph(tx);
    for (const source of graph.sorted(new Set(sources)))
      if (source !== formId) await formLayout(tx, source, 'update');
    await formLayout(tx, formId, 'update');
    const above = graph.above(formId);
    await lockRollups(
      tx,
      above.filter((id) => id !== formId),
      [...new Set([formId, ...above])],
    );
  }

  /**
   * Recomputes every record of a form whose roll-ups were just published, in the publishing
   * transaction (after `lockForPublish`). The revisions start no workflow — nothing happened to the
   * records themselves — and are not announced.
   */
  async recomputeAll(tx: Dialect, formId: string, writer: Omit<RollupWriter, 'events'>): Promise<void> {
    const graph = await this.graph(tx);
    const affected = graph.sorted(new Set([formId, ...graph.above(formId)]));
    const ids = await tx.query<{ id: string }>(
      'SELECT id FROM records WHERE form_id = ? AND deleted_at IS NULL ORDER BY id',
      [formId],
    );
    await new RollupScope(tx, graph, this.forms, affected).recompute(
      formId,
      ids.map((row) => row.id),
      { ...writer, events: false },
    );
  }

  /** Tells `listener` about the records roll-ups rewrite from now on; returns the unsubscribe function. */
  subscribe(listener: RolledUpListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(records: readonly StoredRecord[]): void {
    for (const listener of this.listeners) {
      try {
        listener(records);
      } catch {
        // The write is committed; a listener's failure is its own.
      }
    }
  }
}

/**
 * `written` with the roll-up values of a new record of `form`: nothing points at it yet, so counts
 * and sums are 0 and the other measures blank (a value a writer sent is replaced).
 */
export function withEmptyRollups(
  form: FormDefinition,
  written: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  let data = written;
  // With no records, a `where` has nothing to leave out.
  const none = () => false;
  for (const rollup of form.rollups ?? [])
    data = withValueAt(data, rollup.target, rollupValue(rollup, [], 'number', none));
  return data;
}
