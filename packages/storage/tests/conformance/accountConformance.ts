import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/index.ts';
import type { StoreHarness } from './storeConformance.ts';

const FUTURE = '2999-01-01T00:00:00.000Z';

/** Passwords, lockout, sessions and API tokens, the same on every Store implementation. */
export function describeAccountConformance(name: string, harness: StoreHarness): void {
  describe(`Account conformance: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      ({ store } = await harness.open());
      await store.people.saveUsers(
        [
          {
            id: 'li',
            name: '李雷',
            email: null,
            orgUnitId: null,
            supervisorId: null,
            roles: ['member'],
            disabled: false,
          },
        ],
        'admin',
      );
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps one password hash per user and audits the change without the hash', async () => {
      await store.accounts.setPassword('li', 'scrypt$a', 'admin');
      await store.accounts.setPassword('li', 'scrypt$b', 'li');
      expect((await store.accounts.credential('li'))?.passwordHash).toBe('scrypt$b');
      const entries = await store.audit({ entityType: 'user', entityId: 'li' });
      expect(entries.filter((e) => e.action === 'user.password')).toHaveLength(2);
      expect(JSON.stringify(entries)).not.toContain('scrypt$');
      await expect(store.accounts.setPassword('nobody', 'x', 'admin')).rejects.toMatchObject({
        code: 'notFound',
      });
    });

    it('counts failed sign-ins, locks at the limit and clears on success', async () => {
      await store.accounts.setPassword('li', 'h', 'admin');
      const policy = { maxAttempts: 3, lockUntil: FUTURE };
      expect(await store.accounts.recordFailedLogin('li', policy)).toBe(1);
      expect(await store.accounts.recordFailedLogin('li', policy)).toBe(2);
      expect((await store.accounts.credential('li'))?.lockedUntil).toBeNull();
      expect(await store.accounts.recordFailedLogin('li', policy)).toBe(3);
      expect((await store.accounts.credential('li'))?.lockedUntil).toBe(FUTURE);
      expect((await store.audit({ entityId: 'li' })).some((e) => e.action === 'user.locked')).toBe(true);
      await store.accounts.clearFailedLogins('li');
      expect(await store.accounts.credential('li')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    });

    it('finds sessions by id hash until they expire, and a password change ends them', async () => {
      await store.accounts.setPassword('li', 'h', 'admin');
      await store.accounts.createSession('live', { userId: 'li', csrfToken: 'c1', expiresAt: FUTURE });
      await store.accounts.createSession('old', {
        userId: 'li',
        csrfToken: 'c2',
        expiresAt: '2000-01-01T00:00:00Z',
      });
      expect(await store.accounts.session('live')).toMatchObject({ userId: 'li', csrfToken: 'c1' });
      expect(await store.accounts.session('old')).toBeUndefined();
      await store.accounts.deleteSession('live');
      expect(await store.accounts.session('live')).toBeUndefined();
      await store.accounts.createSession('again', { userId: 'li', csrfToken: 'c3', expiresAt: FUTURE });
      await store.accounts.setPassword('li', 'h2', 'li');
      expect(await store.accounts.session('again')).toBeUndefined();
    });

    it('stores API tokens by hash, lists them and revokes them everywhere', async () => {
      const token = await store.accounts.createApiToken(
        { id: 't1', name: 'ERP', tokenHash: 'hash-1', userId: 'li', scopes: ['records:write'] },
        'admin',
      );
      expect(token).toMatchObject({ id: 't1', scopes: ['records:write'], revokedAt: null });
      expect((await store.accounts.apiTokenByHash('hash-1'))?.id).toBe('t1');
      await store.accounts.revokeApiToken('t1', 'admin');
      expect(await store.accounts.apiTokenByHash('hash-1')).toBeUndefined();
      expect((await store.accounts.apiTokens())[0]?.revokedAt).not.toBeNull();
      await expect(store.accounts.revokeApiToken('t1', 'admin')).rejects.toMatchObject({ code: 'notFound' });
      expect((await store.verifyAudit()).ok).toBe(true);
    });
  });
}
