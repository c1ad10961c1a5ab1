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

    it('reserves sign-in attempts atomically, locks at the limit, refuses while locked, and starts over after', async () => {
      await store.accounts.setPassword('li', 'h', 'admin');
      const policy = {
        maxAttempts: 3,
        now: '2026-11-27T10:00:00.000Z',
        lockUntil: '2026-11-27T10:15:00.000Z',
      };
      // Five parallel attempts: three are let through (the third locks), two are refused.
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => store.accounts.reserveLoginAttempt('li', policy)),
      );
      expect(burst.filter((r) => r.allowed)).toHaveLength(3);
      expect((await store.accounts.credential('li'))?.lockedUntil).toBe(policy.lockUntil);
      expect((await store.audit({ entityId: 'li' })).filter((e) => e.action === 'user.locked')).toHaveLength(
        1,
      );
      const later = { ...policy, now: '2026-11-27T10:20:00.000Z', lockUntil: '2026-11-27T10:35:00.000Z' };
      expect(await store.accounts.reserveLoginAttempt('li', later)).toEqual({
        allowed: true,
        lockedUntil: null,
      });
      expect((await store.accounts.credential('li'))?.failedAttempts).toBe(1);
      await store.accounts.clearFailedLogins('li');
      expect(await store.accounts.credential('li')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
      expect(await store.accounts.reserveLoginAttempt('nobody', policy)).toEqual({
        allowed: false,
        lockedUntil: null,
      });
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
