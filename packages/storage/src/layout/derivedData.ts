import {
  type DashboardDefinition,
  type FieldIndex,
  type FormDefinition,
  indexFields,
} from '@formboard/schema';
import type { DefinitionEvents } from '../definitions/DefinitionStore.ts';
import type { DefinitionInfo } from '../definitions/types.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { PostgresDialect } from '../dialect/postgres/PostgresDialect.ts';
import {
  type BoardIndexSpec,
  boardIndexSpecs,
  registerBoardSpecs,
  syncBoardIndexes,
} from './boardIndexes.ts';
import { applyFormLayout, formLayout } from './formLayouts.ts';
import { buildBoardIndexesConcurrently } from './postgresIndexBuilds.ts';

const fieldsOf = (content: Readonly<Record<string, unknown>>) =>
  indexFields((content as unknown as FormDefinition).data);

const parsed = (content: unknown) =>
  (typeof content === 'string' ? JSON.parse(content) : content) as Record<string, unknown>;

/** The fields of the forms a dashboard reads, as their typed record tables hold them (the version laid out). */
async function sourceFields(tx: Dialect, dashboard: DashboardDefinition): Promise<Map<string, FieldIndex>> {
  const sources = [
    ...new Set(dashboard.widgets.flatMap((w) => ('query' in w && w.query ? [w.query.source] : []))),
  ];
  const fields = new Map<string, FieldIndex>();
  for (const formId of sources) {
    const [row] = await tx.query<{ content: unknown }>(
      `SELECT v.content FROM form_layouts l
       JOIN definition_versions v ON v.definition_id = l.form_id AND v.version = l.form_version
       WHERE l.form_id = ?`,
      [formId],
    );
    if (row) fields.set(formId, fieldsOf(parsed(row.content)));
  }
  return fields;
}

/** The board index specs of a dashboard, with its source forms' fields (see `boardIndexSpecs`). */
async function specsOf(tx: Dialect, dashboard: DashboardDefinition): Promise<BoardIndexSpec[]> {
  const fields = await sourceFields(tx, dashboard);
  return boardIndexSpecs(dashboard, (formId) => fields.get(formId));
}

/** Re-syncs the board indexes of the forms a dashboard change touched (those already laid out). */
async function syncForms(tx: Dialect, formIds: readonly string[]): Promise<void> {
  for (const formId of formIds) {
    const layout = await formLayout(tx, formId, 'update');
    if (layout) await syncBoardIndexes(tx, layout);
  }
}

/**
 * Brings the indexes of the forms a dashboard's publication or archiving touched in line, in its
 * transaction: SQLite's (one writer at a time: nobody waits for them but the publication). PostgreSQL's
 * are built after the commit, concurrently, so the form's writers do not wait for the build
 * (`afterDefinitionCommit`).
 */
async function syncDashboardForms(tx: Dialect, formIds: readonly string[]): Promise<void> {
  if (tx.name === 'sqlite') await syncForms(tx, formIds);
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
      const specs = await specsOf(tx, version.content as unknown as DashboardDefinition);
      await syncDashboardForms(tx, await registerBoardSpecs(tx, info.id, specs));
    }
  },
  async archived(tx, info) {
    if (info.kind === 'dashboard') await syncDashboardForms(tx, await registerBoardSpecs(tx, info.id, []));
  },
};

/**
 * What follows a publication or archiving once committed: on PostgreSQL, a dashboard's board indexes
 * built or dropped concurrently (`buildBoardIndexesConcurrently`). The publication stands whatever
 * happens to the build: one that fails (or cannot reach the database) leaves the board answering,
 * slower, until the next publication or store start builds it.
 */
export function afterDefinitionCommit(db: Dialect): ((info: DefinitionInfo) => Promise<void>) | undefined {
  if (!(db instanceof PostgresDialect)) return undefined;
  return async (info) => {
    if (info.kind === 'dashboard') await buildBoardIndexesConcurrently(db).catch(() => undefined);
  };
}

/**
 * Brings the board indexes of every laid-out form in line with the published dashboards' specs: store
 * migration 12 builds PostgreSQL's, which earlier versions did not make, on existing databases.
 */
export async function syncAllBoardIndexes(tx: Dialect): Promise<void> {
  const rows = await tx.query<{ form_id: string }>('SELECT form_id FROM form_layouts ORDER BY form_id');
  const formIds = rows.map((r) => r.form_id);
  await syncForms(tx, formIds);
}

type PublishedRow = { id: string; kind: string; state: string; version: number; content: unknown };

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
  const forms = new Map(
    published.flatMap((r) => (r.kind === 'form' ? [[r.id, fieldsOf(parsed(r.content))]] : [])),
  );
  for (const row of published) {
    const content = parsed(row.content);
    if (row.kind === 'dashboard' && row.state !== 'archived') {
      const specs = boardIndexSpecs(content as unknown as DashboardDefinition, (id) => forms.get(id));
      await registerBoardSpecs(tx, row.id, specs);
    }
    if (row.kind === 'form') await applyFormLayout(tx, row.id, Number(row.version), fieldsOf(content), true);
  }
}

/**
 * Registers every published dashboard's board index specs anew and brings the indexes in line: store
 * migration 15 gives existing databases the indexes pass families are read through (SQLite).
 */
export async function refreshBoardSpecs(tx: Dialect): Promise<void> {
  const boards = await tx.query<{ id: string; content: unknown }>(
    `SELECT d.id, v.content FROM definitions d
     JOIN definition_versions v ON v.definition_id = d.id AND v.version = d.published_version
     WHERE d.kind = 'dashboard' AND d.state = 'published' ORDER BY d.id`,
  );
  for (const board of boards)
    await registerBoardSpecs(
      tx,
      board.id,
      await specsOf(tx, parsed(board.content) as unknown as DashboardDefinition),
    );
  await syncAllBoardIndexes(tx);
}

/**
 * On PostgreSQL, when a store opens: board indexes a publication wanted but whose build did not run
 * (the process stopped after the commit) or did not finish (an invalid index) built now, concurrently.
 * Nothing to do costs a few catalog reads.
 */
export async function settleBoardIndexes(db: Dialect): Promise<void> {
  if (db instanceof PostgresDialect) await buildBoardIndexesConcurrently(db);
}
