import { type DashboardDefinition, type FormDefinition, indexFields } from '@formboard/schema';
import type { DefinitionEvents } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { boardIndexSpecs, registerBoardSpecs, syncBoardIndexes } from './boardIndexes.ts';
import { applyFormLayout, formLayout } from './formLayouts.ts';

const fieldsOf = (content: Readonly<Record<string, unknown>>) =>
  indexFields((content as unknown as FormDefinition).data);

/** Re-syncs the board indexes of the forms a dashboard change touched (those already laid out). */
async function syncForms(tx: Dialect, formIds: readonly string[]): Promise<void> {
  for (const formId of formIds) {
    const layout = await formLayout(tx, formId, 'update');
    if (layout) await syncBoardIndexes(tx, layout);
  }
}

/**
 * What the store derives from definitions, kept in the transaction that publishes or archives them:
 * publishing a form lays out its typed record table; publishing a dashboard registers the board
 * indexes its widgets want, and archiving it drops them.
 */
export const derivedDataEvents: DefinitionEvents = {
  async published(tx, info, version) {
    if (info.kind === 'form') await applyFormLayout(tx, info.id, version.version, fieldsOf(version.content));
    if (info.kind === 'dashboard') {
      const specs = boardIndexSpecs(version.content as unknown as DashboardDefinition);
      await syncForms(tx, await registerBoardSpecs(tx, info.id, specs));
    }
  },
  async archived(tx, info) {
    if (info.kind === 'dashboard') await syncForms(tx, await registerBoardSpecs(tx, info.id, []));
  },
};

/**
 * Brings the board indexes of every laid-out form in line with the published dashboards' specs: store
 * migration 12 builds PostgreSQL's, which earlier versions did not make, on existing databases.
 */
export async function syncAllBoardIndexes(tx: Dialect): Promise<void> {
  const rows = await tx.query<{ form_id: string }>('SELECT form_id FROM form_layouts ORDER BY form_id');
  const formIds = rows.map((r) => r.form_id);
  await syncForms(tx, formIds);
}

type PublishedRow = { id: string; kind: string; state: string; version: number; content: string };

/**
 * Rebuilds everything derived from records and definitions, in the caller's transaction: the board
 * index specs of every published dashboard, then every published form's typed record table, refilled
 * from the records. The store migration that introduced them runs it; so can an operator after
 * writing records around the store (a bulk load, a restore).
 */
export async function rebuildDerivedData(tx: Dialect): Promise<void> {
  const published = await tx.query<PublishedRow>(
    `SELECT d.id, d.kind, d.state, d.published_version AS version, v.content FROM definitions d
     JOIN definition_versions v ON v.definition_id = d.id AND v.version = d.published_version
     WHERE d.kind IN ('form', 'dashboard') ORDER BY d.kind, d.id`,
  );
  for (const row of published) {
    const content = JSON.parse(row.content) as Record<string, unknown>;
    if (row.kind === 'dashboard' && row.state !== 'archived')
      await registerBoardSpecs(tx, row.id, boardIndexSpecs(content as unknown as DashboardDefinition));
    if (row.kind === 'form') await applyFormLayout(tx, row.id, Number(row.version), fieldsOf(content), true);
  }
}
