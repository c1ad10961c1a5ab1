import type { FormDefinition, FormRollup } from '@formboard/schema';
import { canonicalJson } from '../canonicalJson.ts';
import type { DefinitionEvents } from '../definitions/DefinitionStore.ts';
import { type BoardIndexSpec, registerBoardSpecs, syncBoardIndexes } from '../layout/boardIndexes.ts';
import { formLayout } from '../layout/formLayouts.ts';
import type { Rollups } from './Rollups.ts';
import { checkRollupsOnPublish } from './rollupPublishCheck.ts';

/**
 * The indexes a form's roll-ups want: on each form they read, its reference field, so a write finds
 * the records pointing at a record with one seek. Registered like a board's indexes (under the form's
 * id), so they are built, rebuilt with the typed table and dropped by the same code — on SQLite only,
 * as board indexes are; PostgreSQL scans the typed table (see the README).
 */
export function rollupIndexSpecs(rollups: readonly FormRollup[]): BoardIndexSpec[] {
  const specs = new Map(
    rollups.map((r) => [`${r.from}\n${r.via}`, { formId: r.from, paths: [r.via] } satisfies BoardIndexSpec]),
  );
  return [...specs.values()];
}

/**
 * `base` (what publishing otherwise derives) plus roll-ups: a form version that would break a roll-up
 * (another published form's that reads it, or its own from a published form) is refused first
 * (`checkRollupsOnPublish`); publishing a form whose roll-ups differ from its previously published
 * version's takes the locks recomputing needs, registers the indexes, publishes as before, then
 * recomputes every record of the form (and upward), in the same transaction.
 */
export function withRollups(base: DefinitionEvents, rollups: Rollups): DefinitionEvents {
  return {
    async published(tx, info, version, actor) {
      if (info.kind !== 'form') return base.published(tx, info, version, actor);
      const previous = await formLayout(tx, info.id);
      const old = previous ? await rollups.forms.definition(tx, info.id, previous.formVersion) : undefined;
      const next = version.content as unknown as FormDefinition;
      await checkRollupsOnPublish(tx, rollups.forms, old, next);
      const before = old?.rollups ?? [];
      const after = next.rollups ?? [];
      if (canonicalJson(before) === canonicalJson(after)) return base.published(tx, info, version, actor);
      await rollups.lockForPublish(
        tx,
        info.id,
        [...before, ...after].map((r) => r.from),
      );
      const indexed = await registerBoardSpecs(tx, info.id, rollupIndexSpecs(after));
      await base.published(tx, info, version, actor);
      for (const formId of indexed) {
        const layout = await formLayout(tx, formId);
        if (layout) await syncBoardIndexes(tx, layout);
      }
      if (after.length > 0)
        await rollups.recomputeAll(tx, info.id, { actor: actor ?? version.author, at: rollups.now() });
    },
    archived: (tx, info) => base.archived(tx, info),
  };
}
