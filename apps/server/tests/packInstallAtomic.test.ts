import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPack } from '../src/packs/bundledPacks.ts';
import { installedPacks } from '../src/packs/installedPacks.ts';
import { installPack } from '../src/packs/installPack.ts';
import { readPackFolder } from '../src/packs/packFiles.ts';
import { BACKENDS, startTestServer, type TestServer } from './support/testServer.ts';

// A pack installs all of its definitions or none: before, each was created and published in a
// transaction of its own, so a publication refused half way left the pack's first forms in the
// workspace without the record of the install, and installing again found their ids "taken".

const STARTER = join(import.meta.dirname, '../../../templates/performance');
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * A workspace form that rolls up the starter pack's key results through their `objective` field,
 * which points at the pack's objective form, not at this one: publishing the key result form breaks
 * this roll-up, so the store refuses it — after the pack's first three forms.
 */
const teamGoal = {
  kind: 'form',
  id: 'team-goal',
  schemaVersion: 1,
  title: text('团队目标', 'Team goal'),
  data: {
    type: 'object',
    properties: {
      title: { type: 'string', title: text('目标', 'Goal') },
      progress: { type: 'number', title: text('进度', 'Progress') },
    },
  },
  layout: {
    root: ['t', 'p'],
    nodes: { t: { type: 'field', path: 'title' }, p: { type: 'field', path: 'progress' } },
  },
  rollups: [{ target: 'progress', from: 'key-result', via: 'objective', measure: 'avg', field: 'progress' }],
};

describe.each(BACKENDS)('installing a pack is all or nothing (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.close());

  it('leaves the workspace as it was when a publication is refused, and installs on the next try', async () => {
    const { store } = server;
    const created = await store.definitions.create(teamGoal, { author: 'designer' });
    await store.definitions.publish('team-goal', created.version, { author: 'designer' });
    const ids = async () => (await store.definitions.list()).map((info) => info.id).sort();
    const before = await ids();
    const starter = openPack(readPackFolder(STARTER));

    await expect(installPack(store, starter, 'admin')).rejects.toMatchObject({
      name: 'RollupBreakError',
      breaks: [expect.objectContaining({ formId: 'team-goal', from: 'key-result' })],
    });
    expect(await ids()).toEqual(before);
    expect((await installedPacks(store.connectors))[starter.manifest.name]).toBeUndefined();
    const audit = await store.audit({ entityType: 'definition', limit: 500 });
    expect(audit.filter((entry) => entry.entityId === 'kpi')).toEqual([]);

    await store.definitions.archive('team-goal', { author: 'designer' });
    const report = await installPack(store, starter, 'admin');
    expect(new Set(report.definitions.map((d) => d.outcome))).toEqual(new Set(['created']));
    expect((await installedPacks(store.connectors))[starter.manifest.name]?.state).toBe('installed');
    expect((await store.definitions.getInfo('kpi')).state).toBe('published');
  });
});
