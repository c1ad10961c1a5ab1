import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';

/** Roles decide what a user may do; every check happens on the server. */
export type Role = 'admin' | 'designer' | 'manager' | 'member';

/** A person: their org unit and direct supervisor drive record scopes and approvals. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly orgUnitId: string | null;
  readonly supervisorId: string | null;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
}

/** A department or team in the org chart. */
export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

type UserRow = {
  id: string;
  name: string;
  email: string | null;
  org_unit_id: string | null;
  supervisor_id: string | null;
  roles: string;
  disabled: number | boolean;
};

const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  orgUnitId: row.org_unit_id,
  supervisorId: row.supervisor_id,
  roles: JSON.parse(row.roles) as Role[],
  disabled: Boolean(row.disabled),
});

// Org charts are shallow; the bound stops a supervisor loop in bad data from running forever.
const MAX_LEVELS = 50;

/** Users and org units, with the supervisor chain queries approvals and alerts need. */
export class PeopleStore {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** Creates or replaces an org unit. */
  async saveOrgUnit(unit: OrgUnit, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const existing = await tx.query('SELECT id FROM org_units WHERE id = ?', [unit.id]);
      if (existing.length > 0)
        await tx.run('UPDATE org_units SET name = ?, parent_id = ? WHERE id = ?', [
          unit.name,
          unit.parentId,
          unit.id,
        ]);
      else
        await tx.run('INSERT INTO org_units (id, name, parent_id) VALUES (?, ?, ?)', [
          unit.id,
          unit.name,
          unit.parentId,
        ]);
      await appendAudit(
        tx,
        {
          actor,
          action: existing.length > 0 ? 'orgUnit.update' : 'orgUnit.create',
          entityType: 'orgUnit',
          entityId: unit.id,
          summary: { name: unit.name, parentId: unit.parentId },
        },
        this.now(),
      );
    });
  }

  /** Every org unit. */
  async orgUnits(): Promise<OrgUnit[]> {
    const rows = await this.db.query<{ id: string; name: string; parent_id: string | null }>(
      'SELECT * FROM org_units ORDER BY id',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id }));
  }

  /** An org unit and every unit below it. */
  async orgUnitSubtree(id: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `WITH RECURSIVE tree(id, depth) AS (
         SELECT id, 0 FROM org_units WHERE id = ?
         UNION ALL SELECT o.id, t.depth + 1 FROM org_units o JOIN tree t ON o.parent_id = t.id WHERE t.depth < ?)
       SELECT DISTINCT id FROM tree ORDER BY id`,
      [id, MAX_LEVELS],
    );
    return rows.map((r) => r.id);
  }

  /** Creates or replaces users in one transaction (an org chart import); supervisors may come later in the list. */
  async saveUsers(users: readonly User[], actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      for (const user of users) {
        if (user.supervisorId === user.id) {
          throw new StoreError('invalid', {
            'zh-CN': `${user.name} 不能是自己的上级`,
            en: `${user.name} cannot be their own supervisor`,
          });
        }
        const values = [
          user.name,
          user.email,
          user.orgUnitId,
          user.supervisorId,
          JSON.stringify(user.roles),
          user.disabled ? 1 : 0,
          at,
        ];
        const changed = await tx.run(
          'UPDATE users SET name = ?, email = ?, org_unit_id = ?, supervisor_id = ?, roles = ?, disabled = ?, updated_at = ? WHERE id = ?',
          [...values, user.id],
        );
        if (changed.changes === 0) {
          await tx.run(
            'INSERT INTO users (name, email, org_unit_id, supervisor_id, roles, disabled, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [...values, user.id, at],
          );
        }
        await appendAudit(
          tx,
          {
            actor,
            action: changed.changes === 0 ? 'user.create' : 'user.update',
            entityType: 'user',
            entityId: user.id,
            summary: { supervisorId: user.supervisorId, orgUnitId: user.orgUnitId, roles: user.roles },
          },
          at,
        );
      }
    });
  }

  async getUser(id: string): Promise<User> {
    const [row] = await this.db.query<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    if (!row) throw notFound(`user ${id}`);
    return toUser(row);
  }

  /** Users, optionally of one org unit. */
  async users(orgUnitId?: string): Promise<User[]> {
    const rows = orgUnitId
      ? await this.db.query<UserRow>('SELECT * FROM users WHERE org_unit_id = ? ORDER BY id', [orgUnitId])
      : await this.db.query<UserRow>('SELECT * FROM users ORDER BY id');
    return rows.map(toUser);
  }

  /**
   * The supervisor `levels` up from a user (1 = direct supervisor), or undefined at the top (or at a
   * loop in bad data). One query: the chain up from the user, `levels` steps at most.
   */
  async supervisorOf(userId: string, levels = 1): Promise<User | undefined> {
    const chain = await this.db.query<UserRow & { depth: number }>(
      `WITH RECURSIVE chain(id, depth) AS (
         SELECT id, 0 FROM users WHERE id = ?
         UNION ALL SELECT u.supervisor_id, c.depth + 1 FROM chain c JOIN users u ON u.id = c.id
           WHERE c.depth < ? AND u.supervisor_id IS NOT NULL)
       SELECT users.*, chain.depth FROM chain JOIN users ON users.id = chain.id ORDER BY chain.depth`,
      [userId, levels],
    );
    if (chain[0]?.id !== userId) throw notFound(`user ${userId}`);
    const seen = new Set<string>();
    for (const [depth, row] of chain.entries()) {
      if (Number(row.depth) !== depth || seen.has(row.id)) return undefined;
      seen.add(row.id);
    }
    const top = chain[levels];
    return top ? toUser(top) : undefined;
  }

  /** A user's reports: direct ones, or everyone below them at any level. */
  async reportsOf(userId: string, depth: 'direct' | 'all' = 'direct'): Promise<User[]> {
    const rows = await this.db.query<UserRow>(
      `WITH RECURSIVE chain(id, depth) AS (
         SELECT id, 1 FROM users WHERE supervisor_id = ?
         UNION ALL SELECT u.id, c.depth + 1 FROM users u JOIN chain c ON u.supervisor_id = c.id WHERE c.depth < ?)
       SELECT * FROM users WHERE id IN (SELECT id FROM chain) AND id <> ? ORDER BY id`,
      [userId, depth === 'direct' ? 1 : MAX_LEVELS, userId],
    );
    return rows.map(toUser);
  }
}
