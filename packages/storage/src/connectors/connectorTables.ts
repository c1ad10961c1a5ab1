// Admin settings (e.g. the hosts outbound requests may reach), HTTP pull connectors and their runs.
// A connector's configuration is opaque JSON to the store (the server defines it); its secrets
// arrive already sealed (encrypted) by the server and are stored as they are.
export const connectorTables = [
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`,
  `CREATE TABLE connectors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, config TEXT NOT NULL, sealed_secrets TEXT,
    disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`,
  `CREATE TABLE connector_runs (
    id TEXT PRIMARY KEY, connector_id TEXT NOT NULL REFERENCES connectors(id), trigger TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, result TEXT)`,
  'CREATE INDEX connector_runs_by_connector ON connector_runs (connector_id, started_at)',
];
