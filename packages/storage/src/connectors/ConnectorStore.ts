import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound } from '../errors.ts';

/** A stored connector: its configuration (opaque JSON) and its secrets, sealed by the server. */
export interface StoredConnector {
  readonly id: string;
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly sealedSecrets: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** One run of a connector: when, why, and what it did (or why it failed). */
export interface ConnectorRun {
  readonly id: string;
  readonly connectorId: string;
  readonly trigger: 'manual' | 'schedule';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'running' | 'ok' | 'failed';
  readonly result: Readonly<Record<string, unknown>> | null;
}

type ConnectorRow = {
  id: string;
  name: string;
  config: string;
  sealed_secrets: string | null;
  disabled: number | boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
};
type RunRow = {
  id: string;
  connector_id: string;
  trigger: ConnectorRun['trigger'];
  started_at: string;
  finished_at: string | null;
  status: ConnectorRun['status'];
  result: string | null;
};

const toConnector = (row: ConnectorRow): StoredConnector => ({
  id: row.id,
  name: row.name,
  config: JSON.parse(row.config) as Record<string, unknown>,
  sealedSecrets: row.sealed_secrets,
  disabled: Boolean(row.disabled),
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

const toRun = (row: RunRow): ConnectorRun => ({
  id: row.id,
  connectorId: row.connector_id,
  trigger: row.trigger,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  status: row.status,
  result: row.result === null ? null : (JSON.parse(row.result) as Record<string, unknown>),
});

/** Admin settings, pull connectors and their run history; every change is audited (secrets never). */
export class ConnectorStore {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** A setting's value (JSON), or undefined when never set. */
  async setting(key: string): Promise<unknown> {
    const [row] = await this.db.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  /** Sets a setting, keeping the previous value in the audit entry. */
  async setSetting(key: string, value: unknown, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const [previous] = await tx.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      const text = JSON.stringify(value);
      if (previous)
        await tx.run('UPDATE settings SET value = ?, updated_at = ?, updated_by = ? WHERE key = ?', [
          text,
          at,
          actor,
          key,
        ]);
      else
        await tx.run('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)', [
          key,
          text,
          at,
          actor,
        ]);
      await appendAudit(
        tx,
        {
          actor,
          action: 'setting.update',
          entityType: 'setting',
          entityId: key,
          summary: { before: previous ? (JSON.parse(previous.value) as unknown) : null, after: value },
        },
        at,
      );
    });
  }

  /** Creates or replaces a connector. `sealedSecrets` undefined keeps the stored ones. */
  async save(
    connector: {
      id: string;
      name: string;
      config: Record<string, unknown>;
      sealedSecrets?: string | null;
      disabled?: boolean;
    },
    actor: string,
  ): Promise<StoredConnector> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const [existing] = await tx.query<ConnectorRow>('SELECT * FROM connectors WHERE id = ?', [
        connector.id,
      ]);
      const secrets =
        connector.sealedSecrets === undefined ? (existing?.sealed_secrets ?? null) : connector.sealedSecrets;
      const values = [
        connector.name,
        JSON.stringify(connector.config),
        secrets,
        connector.disabled ? 1 : 0,
        at,
        actor,
      ];
      if (existing)
        await tx.run(
          'UPDATE connectors SET name = ?, config = ?, sealed_secrets = ?, disabled = ?, updated_at = ?, updated_by = ? WHERE id = ?',
          [...values, connector.id],
        );
      else
        await tx.run(
          'INSERT INTO connectors (name, config, sealed_secrets, disabled, updated_at, updated_by, id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [...values, connector.id, at, actor],
        );
      await appendAudit(
        tx,
        {
          actor,
          action: existing ? 'connector.update' : 'connector.create',
          entityType: 'connector',
          entityId: connector.id,
          summary: {
            name: connector.name,
            config: connector.config,
            secretsChanged: connector.sealedSecrets !== undefined,
          },
        },
        at,
      );
      const [row] = await tx.query<ConnectorRow>('SELECT * FROM connectors WHERE id = ?', [connector.id]);
      return toConnector(row as ConnectorRow);
    });
  }

  /** A connector, or a notFound error. */
  async get(id: string): Promise<StoredConnector> {
    const [row] = await this.db.query<ConnectorRow>('SELECT * FROM connectors WHERE id = ?', [id]);
    if (!row) throw notFound(`connector ${id}`);
    return toConnector(row);
  }

  /** Every connector, by name. */
  async list(): Promise<StoredConnector[]> {
    return (await this.db.query<ConnectorRow>('SELECT * FROM connectors ORDER BY name, id')).map(toConnector);
  }

  /** Records that a run started; finish it with `finishRun`. */
  async startRun(connectorId: string, trigger: ConnectorRun['trigger']): Promise<ConnectorRun> {
    const run: ConnectorRun = {
      id: randomUUID(),
      connectorId,
      trigger,
      startedAt: this.now(),
      finishedAt: null,
      status: 'running',
      result: null,
    };
    await this.db.run(
      'INSERT INTO connector_runs (id, connector_id, trigger, started_at, status) VALUES (?, ?, ?, ?, ?)',
      [run.id, connectorId, trigger, run.startedAt, run.status],
    );
    return run;
  }

  /** Records how a run ended: its counts and errors, or why it failed. */
  async finishRun(runId: string, status: 'ok' | 'failed', result: Record<string, unknown>): Promise<void> {
    await this.db.run('UPDATE connector_runs SET finished_at = ?, status = ?, result = ? WHERE id = ?', [
      this.now(),
      status,
      JSON.stringify(result),
      runId,
    ]);
  }

  /** A connector's runs, newest first. */
  async runs(connectorId: string, limit = 50): Promise<ConnectorRun[]> {
    const rows = await this.db.query<RunRow>(
      'SELECT * FROM connector_runs WHERE connector_id = ? ORDER BY started_at DESC, id LIMIT ?',
      [connectorId, limit],
    );
    return rows.map(toRun);
  }
}
