import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, User } from '../../src/index.ts';
import type { StoreHarness } from './storeConformance.ts';

const person = (id: string, supervisorId: string | null, orgUnitId: string | null = 'ou-plant'): User => ({
  id,
  name: id,
  email: `${id}@example.com`,
  orgUnitId,
  supervisorId,
  roles: ['member'],
  disabled: false,
});

/** Users, org units and supervisor chains, the same on every Store implementation. */
export function describePeopleConformance(name: string, harness: StoreHarness): void {
  describe(`People conformance: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      ({ store } = await harness.open());
      await store.people.saveOrgUnit({ id: 'ou-hq', name: '总部', parentId: null }, 'admin');
      await store.people.saveOrgUnit({ id: 'ou-plant', name: '一厂', parentId: 'ou-hq' }, 'admin');
      await store.people.saveOrgUnit({ id: 'ou-line1', name: '一号线', parentId: 'ou-plant' }, 'admin');
      // Listed before their supervisors, as an HR export often is.
      await store.people.saveUsers(
        [
          person('worker', 'lead', 'ou-line1'),
          person('worker2', 'lead', 'ou-line1'),
          person('lead', 'manager'),
          person('manager', 'ceo'),
          person('ceo', null, 'ou-hq'),
        ],
        'admin',
      );
    });
    afterEach(async () => {
      await store.close();
    });

    it('answers supervisor-of, N levels up', async () => {
      expect((await store.people.supervisorOf('worker'))?.id).toBe('lead');
      expect((await store.people.supervisorOf('worker', 2))?.id).toBe('manager');
      expect((await store.people.supervisorOf('worker', 3))?.id).toBe('ceo');
      expect(await store.people.supervisorOf('worker', 4)).toBeUndefined();
    });

    it('answers reports-of, direct and all levels', async () => {
      expect((await store.people.reportsOf('lead')).map((u) => u.id)).toEqual(['worker', 'worker2']);
      expect((await store.people.reportsOf('manager', 'all')).map((u) => u.id)).toEqual([
        'lead',
        'worker',
        'worker2',
      ]);
      expect(await store.people.reportsOf('worker', 'all')).toEqual([]);
    });

    it('walks the org chart and audits changes', async () => {
      expect(await store.people.orgUnitSubtree('ou-plant')).toEqual(['ou-line1', 'ou-plant']);
      expect((await store.people.users('ou-line1')).map((u) => u.id)).toEqual(['worker', 'worker2']);
      await store.people.saveUsers(
        [{ ...person('worker', 'manager', 'ou-line1'), roles: ['member', 'manager'] }],
        'hr',
      );
      expect(await store.people.getUser('worker')).toMatchObject({
        supervisorId: 'manager',
        roles: ['member', 'manager'],
      });
      expect((await store.audit({ entityId: 'worker' })).map((e) => e.action)).toEqual([
        'user.update',
        'user.create',
      ]);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it('refuses a self-supervisor and a supervisor who does not exist', async () => {
      await expect(store.people.saveUsers([person('x', 'x')], 'hr')).rejects.toMatchObject({
        code: 'invalid',
      });
      await expect(store.people.saveUsers([person('y', 'nobody')], 'hr')).rejects.toThrow();
      await expect(store.people.getUser('y')).rejects.toMatchObject({ code: 'notFound' });
    });

    it('stops at a supervisor loop in bad data', async () => {
      await store.people.saveUsers([person('a', 'b'), person('b', 'a')], 'hr');
      expect(await store.people.supervisorOf('a', 5)).toBeUndefined();
      expect((await store.people.reportsOf('a', 'all')).map((u) => u.id)).toEqual(['b']);
    });
  });
}
