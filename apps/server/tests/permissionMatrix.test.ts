import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPack } from '../src/packs/bundledPacks.ts';
import { installPack } from '../src/packs/installPack.ts';
import { buildPackArchive } from '../src/packs/packArchive.ts';
import { readPackFolder } from '../src/packs/packFiles.ts';
import { Client } from './support/client.ts';
import { checkinForm, PASSWORD } from './support/fixtures.ts';
import { writePackFixture } from './support/packFixture.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

// Every endpoint × every role, own and others' records: the exact status each must get.
// `member` reports to `manager`; `other` is a member outside that team; `designer` designs but owns
// no records here. Records outside one's scope answer 404 (they do not exist for that caller).

type Caller = 'anonymous' | 'member' | 'manager' | 'designer' | 'admin' | 'other';
const CALLERS: readonly Caller[] = ['anonymous', 'member', 'manager', 'designer', 'admin', 'other'];

interface Request {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** A stream that never ends by itself: only its status is read. */
  readonly stream?: boolean;
  readonly headers?: Record<string, string>;
}
interface Case {
  readonly name: string;
  /** The route as registered: "METHOD /api/…/:param". */
  readonly route: string;
  /** Builds the request, creating whatever it acts on, so each caller acts on fresh data. */
  readonly request: (server: TestServer, caller: Caller) => Promise<Request>;
  readonly expect: Readonly<Record<Exclude<Caller, 'anonymous'>, number>>;
}

const week = { week: '2026-11-23', progress: 50 };
let counter = 0;
const fresh = (prefix: string) => `${prefix}${counter++}`;

async function recordOf(server: TestServer, owner: string): Promise<string> {
  const record = await server.store.records.insert('checkin', week, {
    actor: owner,
    ownerId: owner,
    orgUnitId: null,
  });
  return record.id;
}
async function definition(server: TestServer, published = false): Promise<string> {
  const id = fresh('form');
  await server.store.definitions.create(checkinForm(id), { author: 'designer' });
  if (published) await server.store.definitions.publish(id, 1, { author: 'designer' });
  return id;
}
const head = async (server: TestServer, id: string) =>
  (await server.store.definitions.getInfo(id)).headVersion;

const everyone = (status: number) => ({
  member: status,
  manager: status,
  designer: status,
  admin: status,
  other: status,
});
const designersOnly = (yes: number, no = 403) => ({
  member: no,
  manager: no,
  designer: yes,
  admin: yes,
  other: no,
});
const adminOnly = (yes: number) => ({ member: 403, manager: 403, designer: 403, admin: yes, other: 403 });

const CASES: readonly Case[] = [
  {
    name: 'GET /api/session',
    route: 'GET /api/session',
    request: async () => ({ method: 'GET', path: '/api/session' }),
    expect: everyone(200),
  },
  {
    name: 'PUT /api/session/preferences',
    route: 'PUT /api/session/preferences',
    request: async () => ({ method: 'PUT', path: '/api/session/preferences', body: { locale: 'en' } }),
    expect: everyone(200),
  },
  {
    name: 'GET /api/definitions',
    route: 'GET /api/definitions',
    request: async () => ({ method: 'GET', path: '/api/definitions' }),
    expect: everyone(200),
  },
  {
    name: 'POST /api/definitions',
    route: 'POST /api/definitions',
    request: async () => ({
      method: 'POST',
      path: '/api/definitions',
      body: { definition: checkinForm(fresh('new')) },
    }),
    expect: designersOnly(201),
  },
  {
    name: 'GET a published definition',
    route: 'GET /api/definitions/:id',
    request: async () => ({ method: 'GET', path: '/api/definitions/checkin' }),
    expect: everyone(200),
  },
  {
    name: 'GET a draft definition',
    route: 'GET /api/definitions/:id',
    request: async (s) => ({ method: 'GET', path: `/api/definitions/${await definition(s)}` }),
    expect: designersOnly(200, 404),
  },
  {
    name: 'PUT a definition',
    route: 'PUT /api/definitions/:id',
    request: async (s) => {
      const id = await definition(s, true);
      return {
        method: 'PUT',
        path: `/api/definitions/${id}`,
        body: { definition: checkinForm(id, '改'), baseVersion: await head(s, id) },
      };
    },
    expect: designersOnly(200),
  },
  {
    name: 'GET versions',
    route: 'GET /api/definitions/:id/versions',
    request: async () => ({ method: 'GET', path: '/api/definitions/checkin/versions' }),
    expect: designersOnly(200),
  },
  {
    name: 'GET diff',
    route: 'GET /api/definitions/:id/diff',
    request: async () => ({ method: 'GET', path: '/api/definitions/checkin/diff?from=1&to=1' }),
    expect: designersOnly(200),
  },
  {
    name: 'POST data of many widgets of a board shared with managers',
    route: 'POST /api/dashboards/:id/data',
    request: async () => ({ method: 'POST', path: '/api/dashboards/board/data', body: {} }),
    expect: { member: 404, manager: 200, designer: 200, admin: 200, other: 404 },
  },
  {
    name: 'GET upstream (not a copy: 404 for designers)',
    route: 'GET /api/definitions/:id/upstream',
    request: async () => ({ method: 'GET', path: '/api/definitions/checkin/upstream' }),
    expect: designersOnly(404),
  },
  {
    name: 'POST publish',
    route: 'POST /api/definitions/:id/publish',
    request: async (s) => ({
      method: 'POST',
      path: `/api/definitions/${await definition(s)}/publish`,
      body: { version: 1 },
    }),
    expect: designersOnly(200),
  },
  {
    name: 'POST restore',
    route: 'POST /api/definitions/:id/restore',
    request: async (s) => ({
      method: 'POST',
      path: `/api/definitions/${await definition(s)}/restore`,
      body: { version: 1 },
    }),
    expect: designersOnly(200),
  },
  {
    name: 'POST archive',
    route: 'POST /api/definitions/:id/archive',
    request: async (s) => ({
      method: 'POST',
      path: `/api/definitions/${await definition(s)}/archive`,
      body: {},
    }),
    expect: designersOnly(200),
  },
  {
    name: 'POST clone',
    route: 'POST /api/definitions/:id/clone',
    request: async () => ({
      method: 'POST',
      path: '/api/definitions/checkin/clone',
      body: { newId: fresh('copy') },
    }),
    expect: designersOnly(200),
  },
  {
    name: 'POST a record in one’s own name',
    route: 'POST /api/forms/:formId/records',
    request: async () => ({ method: 'POST', path: '/api/forms/checkin/records', body: { data: week } }),
    expect: everyone(201),
  },
  {
    name: 'POST a record in someone else’s name',
    route: 'POST /api/forms/:formId/records',
    request: async () => ({
      method: 'POST',
      path: '/api/forms/checkin/records',
      body: { data: week, ownerId: 'intern' },
    }),
    expect: adminOnly(201),
  },
  {
    name: 'POST a record to a draft form',
    route: 'POST /api/forms/:formId/records',
    request: async (s) => ({
      method: 'POST',
      path: `/api/forms/${await definition(s)}/records`,
      body: { data: week },
    }),
    // Designers see the draft but records go against the published version only.
    expect: designersOnly(409, 404),
  },
  {
    name: 'POST an upsert',
    route: 'POST /api/forms/:formId/records/upsert',
    request: async () => ({
      method: 'POST',
      path: '/api/forms/checkin/records/upsert',
      body: { keyField: 'note', data: { ...week, note: fresh('key') } },
    }),
    expect: everyone(200),
  },
  {
    name: 'POST a CSV import',
    route: 'POST /api/forms/:formId/imports',
    request: async () => ({
      method: 'POST',
      path: '/api/forms/checkin/imports?mode=commit',
      body: 'week,progress\n2026-11-23,5',
      headers: { 'content-type': 'text/csv' },
    }),
    expect: everyone(200),
  },
  {
    name: 'GET saved import mappings',
    route: 'GET /api/forms/:formId/import-mappings',
    request: async () => ({ method: 'GET', path: '/api/forms/checkin/import-mappings' }),
    expect: everyone(200),
  },
  {
    name: 'DELETE a saved import mapping',
    route: 'DELETE /api/forms/:formId/import-mappings/:signature',
    request: async (s) => {
      const signature = fresh('a');
      await s.store.importMappings.save(
        { formId: 'checkin', signature, headers: ['x'], fields: [null] },
        'admin',
      );
      return { method: 'DELETE', path: `/api/forms/checkin/import-mappings/${signature}` };
    },
    expect: everyone(204),
  },
  {
    name: 'GET an export',
    route: 'GET /api/forms/:formId/records/export',
    request: async () => ({ method: 'GET', path: '/api/forms/checkin/records/export' }),
    expect: everyone(200),
  },
  {
    name: 'GET records of a form',
    route: 'GET /api/forms/:formId/records',
    request: async () => ({ method: 'GET', path: '/api/forms/checkin/records' }),
    expect: everyone(200),
  },
  {
    name: 'GET member’s record',
    route: 'GET /api/records/:id',
    request: async (s) => ({ method: 'GET', path: `/api/records/${await recordOf(s, 'member')}` }),
    expect: { member: 200, manager: 200, designer: 404, admin: 200, other: 404 },
  },
  {
    name: 'GET member’s record history',
    route: 'GET /api/records/:id/history',
    request: async (s) => ({ method: 'GET', path: `/api/records/${await recordOf(s, 'member')}/history` }),
    expect: { member: 200, manager: 200, designer: 404, admin: 200, other: 404 },
  },
  {
    name: 'PUT member’s record',
    route: 'PUT /api/records/:id',
    request: async (s) => ({
      method: 'PUT',
      path: `/api/records/${await recordOf(s, 'member')}`,
      body: { data: { ...week, progress: 60 }, baseRevision: 1 },
    }),
    expect: { member: 200, manager: 403, designer: 404, admin: 200, other: 404 },
  },
  {
    name: 'DELETE member’s record',
    route: 'DELETE /api/records/:id',
    request: async (s) => ({ method: 'DELETE', path: `/api/records/${await recordOf(s, 'member')}` }),
    expect: { member: 204, manager: 403, designer: 404, admin: 204, other: 404 },
  },
  {
    name: 'GET other’s record',
    route: 'GET /api/records/:id',
    request: async (s) => ({ method: 'GET', path: `/api/records/${await recordOf(s, 'other')}` }),
    expect: { member: 404, manager: 404, designer: 404, admin: 200, other: 200 },
  },
  {
    name: 'POST /api/queries',
    route: 'POST /api/queries',
    request: async () => ({
      method: 'POST',
      path: '/api/queries',
      body: { query: { source: 'checkin', measures: [{ id: 'n', op: 'count' }] } },
    }),
    expect: everyone(200),
  },
  {
    name: 'POST widget data of a board shared with managers',
    route: 'POST /api/dashboards/:id/widgets/:widgetId/data',
    request: async () => ({ method: 'POST', path: '/api/dashboards/board/widgets/count/data', body: {} }),
    expect: { member: 404, manager: 200, designer: 200, admin: 200, other: 404 },
  },
  {
    name: 'GET /api/users',
    route: 'GET /api/users',
    request: async () => ({ method: 'GET', path: '/api/users' }),
    expect: everyone(200),
  },
  {
    name: 'GET /api/org-units',
    route: 'GET /api/org-units',
    request: async () => ({ method: 'GET', path: '/api/org-units' }),
    expect: everyone(200),
  },
  {
    name: 'POST /api/people/import',
    route: 'POST /api/people/import',
    request: async () => ({
      method: 'POST',
      path: '/api/people/import',
      body: 'id,name\nnew1,新人',
      headers: { 'content-type': 'text/csv' },
    }),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/events',
    route: 'GET /api/events',
    request: async () => ({ method: 'GET', path: '/api/events', stream: true }),
    expect: everyone(200),
  },
  {
    name: 'PUT /api/users',
    route: 'PUT /api/users',
    request: async () => ({
      method: 'PUT',
      path: '/api/users',
      body: [
        {
          id: fresh('u'),
          name: '新人',
          email: null,
          orgUnitId: null,
          supervisorId: null,
          roles: ['member'],
          disabled: false,
        },
      ],
    }),
    expect: adminOnly(204),
  },
  {
    name: 'PUT /api/org-units/:id',
    route: 'PUT /api/org-units/:id',
    request: async () => {
      const id = fresh('ou');
      return { method: 'PUT', path: `/api/org-units/${id}`, body: { id, name: '新部门', parentId: null } };
    },
    expect: adminOnly(204),
  },
  {
    name: 'PUT someone else’s password',
    route: 'PUT /api/users/:id/password',
    request: async () => ({
      method: 'PUT',
      path: '/api/users/intern/password',
      body: { password: PASSWORD },
    }),
    expect: adminOnly(204),
  },
  {
    name: 'GET /api/tokens',
    route: 'GET /api/tokens',
    request: async () => ({ method: 'GET', path: '/api/tokens' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/tokens',
    route: 'POST /api/tokens',
    request: async () => ({
      method: 'POST',
      path: '/api/tokens',
      body: { name: 'ERP', userId: 'admin', scopes: ['records:read'] },
    }),
    expect: adminOnly(201),
  },
  {
    name: 'DELETE /api/tokens/:id',
    route: 'DELETE /api/tokens/:id',
    request: async (s) => {
      const id = fresh('token');
      await s.store.accounts.createApiToken(
        { id, name: 't', tokenHash: fresh('hash'), userId: 'admin', scopes: ['admin'] },
        'admin',
      );
      return { method: 'DELETE', path: `/api/tokens/${id}` };
    },
    expect: adminOnly(204),
  },
  {
    name: 'GET outbound hosts',
    route: 'GET /api/settings/outbound-hosts',
    request: async () => ({ method: 'GET', path: '/api/settings/outbound-hosts' }),
    expect: adminOnly(200),
  },
  {
    name: 'PUT outbound hosts',
    route: 'PUT /api/settings/outbound-hosts',
    request: async () => ({
      method: 'PUT',
      path: '/api/settings/outbound-hosts',
      body: [{ host: 'erp.example.com' }],
    }),
    expect: adminOnly(200),
  },
  {
    name: 'GET connectors',
    route: 'GET /api/connectors',
    request: async () => ({ method: 'GET', path: '/api/connectors' }),
    expect: adminOnly(200),
  },
  {
    name: 'PUT a connector',
    route: 'PUT /api/connectors/:id',
    request: async () => ({
      method: 'PUT',
      path: '/api/connectors/erp',
      body: {
        name: 'ERP',
        formId: 'checkin',
        url: 'https://erp.example.com/x',
        method: 'GET',
        rowsPath: 'rows',
        fields: { note: 'id' },
        runAs: 'admin',
      },
    }),
    expect: adminOnly(200),
  },
  {
    name: 'POST run a connector',
    route: 'POST /api/connectors/:id/run',
    request: async (s) => {
      await s.store.connectors.save(
        {
          id: 'idle',
          name: 'idle',
          config: {
            formId: 'checkin',
            url: 'https://erp.example.com/x',
            method: 'GET',
            rowsPath: '',
            fields: {},
            runAs: 'admin',
          },
        },
        'admin',
      );
      return { method: 'POST', path: '/api/connectors/idle/run' };
    },
    expect: adminOnly(200),
  },
  {
    name: 'GET connector runs',
    route: 'GET /api/connectors/:id/runs',
    request: async (s) => {
      await s.store.connectors.save({ id: 'idle', name: 'idle', config: {} }, 'admin');
      return { method: 'GET', path: '/api/connectors/idle/runs' };
    },
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/inbox',
    route: 'GET /api/inbox',
    request: async () => ({ method: 'GET', path: '/api/inbox' }),
    expect: everyone(200),
  },
  {
    name: 'POST mark a message read that is nobody’s',
    route: 'POST /api/inbox/:id/read',
    request: async () => ({ method: 'POST', path: '/api/inbox/none/read' }),
    expect: everyone(404),
  },
  {
    name: 'GET /api/alerts',
    route: 'GET /api/alerts',
    request: async () => ({ method: 'GET', path: '/api/alerts' }),
    expect: everyone(200),
  },
  {
    name: 'POST acknowledge an alert that is nobody’s',
    route: 'POST /api/alerts/:id/acknowledge',
    request: async () => ({ method: 'POST', path: '/api/alerts/none/acknowledge' }),
    expect: everyone(404),
  },
  {
    name: 'GET /api/approvals',
    route: 'GET /api/approvals',
    request: async () => ({ method: 'GET', path: '/api/approvals' }),
    expect: everyone(200),
  },
  {
    name: 'POST decide an approval on a server without the engine',
    route: 'POST /api/approvals/:id/decide',
    request: async () => ({
      method: 'POST',
      path: '/api/approvals/none/decide',
      body: { decision: 'approve' },
    }),
    expect: everyone(409),
  },
  {
    name: 'GET workflow runs',
    route: 'GET /api/workflows/:id/runs',
    request: async (s) => {
      const created = await s.store.definitions.create(
        {
          kind: 'workflow',
          id: fresh('wf'),
          schemaVersion: 1,
          title: '流程',
          trigger: { type: 'record', form: 'checkin', events: ['created'] },
          start: 'tell',
          steps: [
            { id: 'tell', type: 'notify', channel: 'inbox', to: [{ type: 'submitter' }], message: '收到' },
          ],
        },
        { author: 'designer' },
      );
      return { method: 'GET', path: `/api/workflows/${created.id}/runs` };
    },
    expect: designersOnly(200),
  },
  {
    name: 'POST /api/forms/infer',
    route: 'POST /api/forms/infer',
    request: async () => ({
      method: 'POST',
      path: '/api/forms/infer?id=inferred&title=x',
      body: 'a,b\n1,2',
      headers: { 'content-type': 'text/csv' },
    }),
    expect: designersOnly(200),
  },
  {
    name: 'GET /api/packs',
    route: 'GET /api/packs',
    request: async () => ({ method: 'GET', path: '/api/packs' }),
    expect: designersOnly(200),
  },
  {
    name: 'POST /api/packs/:name/install',
    route: 'POST /api/packs/:name/install',
    request: async () => ({
      method: 'POST',
      path: `/api/packs/${encodeURIComponent('@formboard/performance')}/install`,
      body: {},
    }),
    expect: designersOnly(200),
  },
  {
    name: 'POST /api/packs/upload',
    route: 'POST /api/packs/upload',
    request: async () => {
      const pack = openPack(
        readPackFolder(
          writePackFixture({ version: '1.0.0', name: `@acme/${fresh('p')}`, formId: fresh('f') }),
        ),
      );
      return {
        method: 'POST',
        path: '/api/packs/upload',
        body: buildPackArchive(pack.files, pack.manifest).bytes,
        headers: { 'content-type': 'application/vnd.formboard.pack' },
      };
    },
    expect: designersOnly(200),
  },
  {
    name: 'POST /api/packs/:name/uninstall',
    route: 'POST /api/packs/:name/uninstall',
    request: async (s) => {
      const name = `@acme/${fresh('p')}`;
      const dir = writePackFixture({ version: '1.0.0', name, formId: fresh('f') });
      await installPack(s.store, openPack(readPackFolder(dir)), 'admin');
      return { method: 'POST', path: `/api/packs/${encodeURIComponent(name)}/uninstall`, body: {} };
    },
    expect: designersOnly(200),
  },
  {
    name: 'GET /api/audit',
    route: 'GET /api/audit',
    request: async () => ({ method: 'GET', path: '/api/audit' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/audit/verify',
    route: 'POST /api/audit/verify',
    request: async () => ({ method: 'POST', path: '/api/audit/verify' }),
    expect: adminOnly(200),
  },
];

describe('permission matrix', () => {
  let server: TestServer;
  const clients = new Map<Caller, Client>();
  beforeAll(async () => {
    server = await startTestServer();
    const board = await server.store.definitions.create(
      {
        kind: 'dashboard',
        id: 'board',
        schemaVersion: 1,
        title: '看板',
        grid: { columns: 24 },
        sharing: { roles: ['manager'] },
        widgets: [
          {
            id: 'count',
            type: 'kpi',
            layout: { x: 0, y: 0, w: 6, h: 4 },
            query: { source: 'checkin', measures: [{ id: 'n', op: 'count' }] },
          },
        ],
      },
      { author: 'designer' },
    );
    await server.store.definitions.publish('board', board.version, { author: 'designer' });
    clients.set('anonymous', new Client(server.url));
    for (const caller of CALLERS.filter((c) => c !== 'anonymous'))
      clients.set(caller, await Client.signIn(server.url, caller));
  });
  afterAll(() => server.close());

  it('covers every API route (sign-in, sign-out and the public ones are tested elsewhere)', () => {
    const elsewhere = [
      'POST /api/session',
      'DELETE /api/session',
      'GET /api/health',
      'GET /api/openapi.json',
    ];
    const registered = server.app.accessTable
      .map((entry) => entry.route)
      .filter((r) => !elsewhere.includes(r));
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set(registered));
  });

  it.each(CASES)('$name', async (testCase) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {
      anonymous: testCase.name === 'POST /api/session' ? 200 : 401,
      ...testCase.expect,
    };
    for (const caller of CALLERS) {
      const { method, path, body, stream, headers } = await testCase.request(server, caller);
      const client = clients.get(caller) as Client;
      got[caller] = stream
        ? await client.streamStatus(path)
        : (await client.call(method, path, body, headers)).status;
    }
    expect(got).toEqual(want);
  });
});
