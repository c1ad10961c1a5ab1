import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound } from '../errors.ts';

/** A user's password hash (the KDF runs in the server) and their failed sign-ins. */
export interface Credential {
  readonly userId: string;
  readonly passwordHash: string;
  readonly failedAttempts: number;
  /** ISO time until which sign-in is refused, or null. */
  readonly lockedUntil: string | null;
}

/** A signed-in browser session; the store knows it only by the hash of its id. */
export interface Session {
  readonly userId: string;
  /** Sent back on every cookie-authenticated write (CSRF protection). */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** An API token for integrations; the secret itself is never stored. */
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  /** The user the token acts as: their role and scopes bound what it can do. */
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

type CredentialRow = {
  user_id: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
};
type SessionRow = { user_id: string; csrf_token: string; created_at: string; expires_at: string };
type TokenRow = {
  id: string;
  name: string;
  user_id: string;
  scopes: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
};

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  userId: row.user_id,
  scopes: JSON.parse(row.scopes) as string[],
  createdAt: row.created_at,
  createdBy: row.created_by,
  revokedAt: row.revoked_at,
});

/** Passwords, sessions and API tokens: what sign-in needs to survive restarts and span several servers. */
export class AccountStore {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** Sets (or replaces) a user's password hash and clears any lockout. */
  async setPassword(userId: string, passwordHash: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const changed = await tx.run(
        'UPDATE credentials SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE user_id = ?',
        [passwordHash, at, userId],
      );
      if (changed.changes === 0) {
        const [user] = await tx.query('SELECT id FROM users WHERE id = ?', [userId]);
        if (!user) throw notFound(`user ${userId}`);
        await tx.run('INSERT INTO credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)', [
          userId,
          passwordHash,
          at,
        ]);
      }
      // Password changes end every session of that user.
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
      await appendAudit(
        tx,
        { actor, action: 'user.password', entityType: 'user', entityId: userId, summary: {} },
        at,
      );
    });
  }

  /** The credential of a user, if they have a password. */
  async credential(userId: string): Promise<Credential | undefined> {
    const [row] = await this.db.query<CredentialRow>('SELECT * FROM credentials WHERE user_id = ?', [userId]);
    return row
      ? {
          userId: row.user_id,
          passwordHash: row.password_hash,
          failedAttempts: Number(row.failed_attempts),
          lockedUntil: row.locked_until,
        }
      : undefined;
  }

  /**
   * Reserves a sign-in attempt before the password is checked, atomically (so a burst of parallel
   * guesses, on one server or several, cannot all slip past the lockout): refused while the account
   * is locked; otherwise counted as a failure in advance — `clearFailedLogins` undoes it on success —
   * and the attempt that reaches `maxAttempts` locks the account until `lockUntil`. A lock that has
   * expired starts the count again.
   */
  async reserveLoginAttempt(
    userId: string,
    policy: { maxAttempts: number; now: string; lockUntil: string },
  ): Promise<{ readonly allowed: boolean; readonly lockedUntil: string | null }> {
    return this.db.transaction(async (tx) => {
      const lock = tx.name === 'postgres' ? ' FOR UPDATE' : '';
      const [row] = await tx.query<{ failed_attempts: number; locked_until: string | null }>(
        `SELECT failed_attempts, locked_until FROM credentials WHERE user_id = ?${lock}`,
        [userId],
      );
      if (!row) return { allowed: false, lockedUntil: null };
      if (row.locked_until && row.locked_until > policy.now)
        return { allowed: false, lockedUntil: row.locked_until };
      const attempts = (row.locked_until ? 0 : Number(row.failed_attempts)) + 1;
      const lockedUntil = attempts >= policy.maxAttempts ? policy.lockUntil : null;
      await tx.run('UPDATE credentials SET failed_attempts = ?, locked_until = ? WHERE user_id = ?', [
        attempts,
        lockedUntil,
        userId,
      ]);
      if (lockedUntil)
        await appendAudit(
          tx,
          {
            actor: 'system',
            action: 'user.locked',
            entityType: 'user',
            entityId: userId,
            summary: { until: lockedUntil },
          },
          this.now(),
        );
      return { allowed: true, lockedUntil };
    });
  }

  /** Forgets failed attempts after a successful sign-in. */
  async clearFailedLogins(userId: string): Promise<void> {
    await this.db.run('UPDATE credentials SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?', [
      userId,
    ]);
  }

  /** Stores a new session under the hash of its id. */
  async createSession(idHash: string, session: Omit<Session, 'createdAt'>): Promise<void> {
    await this.db.run(
      'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [idHash, session.userId, session.csrfToken, this.now(), session.expiresAt],
    );
  }

  /** The unexpired session with this id hash. */
  async session(idHash: string): Promise<Session | undefined> {
    const [row] = await this.db.query<SessionRow>(
      'SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?',
      [idHash, this.now()],
    );
    return row
      ? {
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  /** Ends one session (sign out). */
  async deleteSession(idHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
  }

  /** Records a new API token (its hash only). */
  async createApiToken(
    token: { id: string; name: string; tokenHash: string; userId: string; scopes: readonly string[] },
    actor: string,
  ): Promise<ApiToken> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      await tx.run(
        'INSERT INTO api_tokens (id, name, token_hash, user_id, scopes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [token.id, token.name, token.tokenHash, token.userId, JSON.stringify(token.scopes), at, actor],
      );
      await appendAudit(
        tx,
        {
          actor,
          action: 'apiToken.create',
          entityType: 'apiToken',
          entityId: token.id,
          summary: { name: token.name, userId: token.userId, scopes: token.scopes },
        },
        at,
      );
      return {
        id: token.id,
        name: token.name,
        userId: token.userId,
        scopes: token.scopes,
        createdAt: at,
        createdBy: actor,
        revokedAt: null,
      };
    });
  }

  /** The unrevoked token with this hash. */
  async apiTokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const [row] = await this.db.query<TokenRow>(
      'SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL',
      [tokenHash],
    );
    return row ? toToken(row) : undefined;
  }

  /** Every token, newest first, revoked ones included (for the admin's list). */
  async apiTokens(): Promise<ApiToken[]> {
    const rows = await this.db.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at DESC, id');
    return rows.map(toToken);
  }

  /** Revokes a token: it stops working at once on every server. */
  async revokeApiToken(id: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const changed = await tx.run(
        'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
        [at, id],
      );
      if (changed.changes === 0) throw notFound(`API token ${id}`);
      await appendAudit(
        tx,
        { actor, action: 'apiToken.revoke', entityType: 'apiToken', entityId: id, summary: {} },
        at,
      );
    });
  }
}
