import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPack } from '../src/packs/bundledPacks.ts';
import { installPack } from '../src/packs/installPack.ts';
import { loadSampleData } from '../src/packs/loadSampleData.ts';
import { buildPackArchive, readPackArchive } from '../src/packs/packArchive.ts';
import { readPackFolder } from '../src/packs/packFiles.ts';
import { uninstallPack } from '../src/packs/uninstallPack.ts';
import { Client } from './support/client.ts';
import { writePackFixture } from './support/packFixture.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const STARTER = join(import.meta.dirname, '../../../templates/performance');
const packAt = (dir: string) => openPack(readPackFolder(dir));

describe('pack archives', () => {
  it('builds the same bytes from the same files and reads them back', () => {
    const pack = packAt(STARTER);
    const first = buildPackArchive(pack.files, pack.manifest);
    const second = buildPackArchive(pack.files, pack.manifest);
    expect(first.sha256).toBe(second.sha256);
    expect(first.fileName).toBe(`formboard-performance-${pack.manifest.version}.fbpack`);
    const files = readPackArchive(first.bytes, first.sha256);
    expect(files.get('pack.json')).toBe(readFileSync(join(STARTER, 'pack.json'), 'utf8'));
    expect([...files.keys()].some((path) => path.startsWith('tests/') || path.includes('node_modules'))).toBe(
      false,
    );
  });

  it('refuses an altered archive, a file that is not a pack archive, and stray files', () => {
    const pack = packAt(STARTER);
    const archive = buildPackArchive(pack.files, pack.manifest);
    const altered = Buffer.from(archive.bytes);
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0xff;
    expect(() => readPackArchive(altered, archive.sha256)).toThrow(/checksum/);
    expect(() => readPackArchive(Buffer.from('not gzip'))).toThrow(/cannot read the pack archive/);
    const stray = buildPackArchive(new Map([...pack.files, ['../../etc/passwd', 'x']]), pack.manifest);
    expect(() => readPackArchive(stray.bytes)).toThrow(/a file a pack may not: \.\.\/\.\.\/etc\/passwd/);
  });
});

describe('installing, upgrading and uninstalling a pack', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is idempotent, keeps local edits and records through upgrades, and archives on uninstall', async () => {
    const { store } = server;
    const v1 = packAt(writePackFixture({ version: '1.0.0' }));
    expect((await installPack(store, v1, 'designer')).definitions).toEqual([
      { id: 'goal', kind: 'form', outcome: 'created' },
    ]);
    expect((await installPack(store, v1, 'designer')).definitions[0]?.outcome).toBe('unchanged');
    const record = await store.records.insert(
      'goal',
      { title: '降本 5%', owner: 'member' },
      { actor: 'member' },
    );

    // 1.1 renames the form: applied, because nobody here changed it.
    const v11 = packAt(
      writePackFixture({ version: '1.1.0', goalTitle: { 'zh-CN': '年度目标', en: 'Yearly goal' } }),
    );
    const upgraded = await installPack(store, v11, 'designer');
    expect(upgraded).toMatchObject({
      from: '1.0.0',
      to: '1.1.0',
      definitions: [{ id: 'goal', outcome: 'upgraded' }],
    });
    const info = await store.definitions.getInfo('goal');
    expect(info.publishedVersion).toBe(info.headVersion);
    expect((await store.definitions.get('goal', info.headVersion)).content.title).toEqual({
      'zh-CN': '年度目标',
      en: 'Yearly goal',
    });

    // HR edits the form here; 1.2 must not overwrite that.
    const head = await store.definitions.get('goal', info.headVersion);
    await store.definitions.save(
      'goal',
      { ...head.content, title: 'HR 的目标' },
      {
        baseVersion: head.version,
        author: 'designer',
      },
    );
    const v12 = packAt(
      writePackFixture({ version: '1.2.0', goalTitle: { 'zh-CN': '公司目标', en: 'Company goal' } }),
    );
    expect((await installPack(store, v12, 'designer')).definitions[0]?.outcome).toBe('keptLocalEdits');
    const kept = await store.definitions.getInfo('goal');
    expect((await store.definitions.get('goal', kept.headVersion)).content.title).toBe('HR 的目标');

    expect(await uninstallPack(store, '@acme/goals', 'designer')).toEqual(['goal']);
    expect((await store.definitions.getInfo('goal')).state).toBe('archived');
    expect((await store.records.get(record.id)).data.title).toBe('降本 5%');
  });

  it('leaves alone a definition whose id the workspace already uses for something else', async () => {
    const { store } = server;
    const pack = packAt(writePackFixture({ version: '1.0.0' }));
    const taken = openPack(
      new Map(
        [...pack.files].map(([path, body]) => [
          path,
          path === 'pack.json' ? body.replace('@acme/goals', '@other/goals') : body,
        ]),
      ),
    );
    // `goal` exists from the test above, installed by @acme/goals, not by @other/goals.
    expect((await installPack(store, taken, 'designer')).definitions[0]?.outcome).toBe('idTaken');
  });
});

describe('sample data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('loads people, owners from the owner field, references by row key, parents first', async () => {
    const { store } = server;
    const dir = writePackFixture({
      version: '1.0.0',
      people: ['p-ceo,总经理 周,总部,', 'p-lead,车间主任 吴,总部/一厂,p-ceo'],
      goals: ['g1,年度交付 +20%,p-ceo,,40', 'g2,一厂准时交付 95%,p-lead,g1,55'],
    });
    // The form must be installed (and published) before its sample data can load.
    await expect(loadSampleData(store, packAt(dir), 'admin')).rejects.toThrow();
    await installPack(store, packAt(dir), 'admin');
    const progress: [string, number][] = [];
    const loaded = await loadSampleData(store, packAt(dir), 'admin', new Date(), (form, rows) =>
      progress.push([form, rows]),
    );
    expect(loaded).toEqual({ people: 2, records: { goal: 2 } });
    expect(progress).toEqual([['goal', 2]]);
    const byTitle = new Map((await store.records.list('goal')).records.map((r) => [r.data.title, r]));
    const parent = byTitle.get('年度交付 +20%');
    const child = byTitle.get('一厂准时交付 95%');
    expect(parent?.ownerId).toBe('p-ceo');
    expect(child?.ownerId).toBe('p-lead');
    expect(child?.data.parent).toBe(parent?.id);
    expect((await store.people.getUser('p-lead')).supervisorId).toBe('p-ceo');
  });

  it('loads the starter pack’s sample company: tables with references inside, objectives as a tree', async () => {
    const { store } = server;
    const starter = packAt(STARTER);
    await installPack(store, starter, 'admin');
    const loaded = await loadSampleData(store, starter, 'admin');
    expect(loaded.people).toBe(680);
    const [scorecard] = (await store.records.list('kpi-scorecard', { limit: 1 })).records;
    const line = (scorecard?.data.kpis as { kpi: string }[] | undefined)?.[0];
    expect((await store.records.get(line?.kpi ?? '')).formId).toBe('kpi');
    expect(scorecard?.ownerId).toBe(scorecard?.data.employee);
    const objectives = (await store.records.list('objective', { limit: 500 })).records;
    const child = objectives.find((o) => typeof o.data.parent === 'string');
    expect(objectives.some((o) => o.id === child?.data.parent)).toBe(true);
  });

  it('names the file, row and column of a bad sample row and of an unknown key', async () => {
    const { store } = server;
    const bad = writePackFixture({
      version: '1.0.0',
      goals: ['g1,好目标,admin,,40', 'g2,坏进度,admin,,400'],
    });
    await expect(loadSampleData(store, packAt(bad), 'admin')).rejects.toMatchObject({
      statusCode: 422,
      messages: { en: expect.stringContaining('data/goal.csv row 3 progress') },
    });
    const unknown = writePackFixture({ version: '1.0.0', goals: ['g2,孤儿目标,admin,g9,40'] });
    await expect(loadSampleData(store, packAt(unknown), 'admin')).rejects.toMatchObject({
      messages: { en: expect.stringContaining('no row with key g9 in goal') },
    });
  });
});

describe('pack routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('lists shipped packs to designers and installs them; members may not; sample data is for admins', async () => {
    const designer = await Client.signIn(server.url, 'designer');
    const member = await Client.signIn(server.url, 'member');
    const listed = await designer.call('GET', '/api/packs');
    expect(listed.status).toBe(200);
    const starter = listed.body.available.find((p: { name: string }) => p.name === '@formboard/performance');
    expect(starter).toMatchObject({ forms: expect.any(Number), title: { 'zh-CN': '绩效管理' } });
    expect((await member.call('GET', '/api/packs')).status).toBe(403);
    const path = `/api/packs/${encodeURIComponent('@formboard/performance')}/install`;
    expect((await designer.call('POST', path, { sampleData: true })).status).toBe(403);
    const installed = await designer.call('POST', path, {});
    expect(installed.status).toBe(200);
    expect(installed.body.report.definitions.every((d: { outcome: string }) => d.outcome === 'created')).toBe(
      true,
    );
    expect(installed.body.report.definitions[0].message).toBe('新建并发布');
    expect((await designer.call('POST', path, {})).body.report.from).toBe(starter.version);
    const after = await designer.call('GET', '/api/packs');
    expect(after.body.installed).toContainEqual(
      expect.objectContaining({ name: '@formboard/performance', state: 'installed' }),
    );
  });
});
