// The tables behind sign-in: one password hash per user, server-side sessions and API tokens.
// Session ids and tokens are stored as SHA-256 hashes, so a copy of the database signs nobody in.
export const accountTables = [
  `CREATE TABLE credentials (
    user_id TEXT PRIMARY KEY REFERENCES users(id), password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT, updated_at TEXT NOT NULL)`,
  `CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL)`,
  'CREATE INDEX sessions_by_user ON sessions (user_id)',
  `CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id), scopes TEXT NOT NULL, created_at TEXT NOT NULL,
    created_by TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT)`,
];
