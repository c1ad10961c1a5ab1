import type { Store } from '@formboard/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import type { EventBus } from '../events/ChangeEvent.ts';
import { ApiError } from '../http/ApiError.ts';
import { localeOf } from '../http/locale.ts';
import { bundledPack, bundledPacks, openPack } from '../packs/bundledPacks.ts';
import { outcomeText } from '../packs/describeInstall.ts';
import { installedPacks } from '../packs/installedPacks.ts';
import { installPack } from '../packs/installPack.ts';
import { loadSampleData } from '../packs/loadSampleData.ts';
import { readPackArchive } from '../packs/packArchive.ts';
import { uninstallPack } from '../packs/uninstallPack.ts';
import type { ValidPack } from '../packs/validatePack.ts';
import { announce } from './eventRoutes.ts';

const ARCHIVE_TYPE = 'application/vnd.formboard.pack';
const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;

/** A shipped pack as the gallery shows it. */
function summary(pack: ValidPack) {
  const { manifest } = pack;
  const count = (folder: 'forms' | 'dashboards' | 'workflows') => manifest.contents[folder]?.length ?? 0;
  return {
    name: manifest.name,
    version: manifest.version,
    title: manifest.title,
    description: manifest.description ?? null,
    locales: manifest.locales,
    forms: count('forms'),
    dashboards: count('dashboards'),
    workflows: count('workflows'),
    sampleData: (manifest.sampleData?.length ?? 0) > 0,
    upgradeNotes: manifest.upgradeNotes ?? [],
  };
}

const nameParams = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 214 } },
  required: ['name'],
} as const;

/** Template packs: the gallery (shipped and installed), install or upgrade, upload an archive, uninstall. */
export function packRoutes(app: FastifyInstance, store: Store, bus: EventBus): void {
  const tags = ['packs'];
  app.addContentTypeParser(
    ARCHIVE_TYPE,
    { parseAs: 'buffer', bodyLimit: MAX_ARCHIVE_BYTES },
    (_request, body, done) => done(null, body),
  );

  // Sample data writes people too, so it is for admins. Each definition's outcome also comes as a
  // sentence in the caller's language, so clients show it without keeping their own copy.
  const install = async (request: FastifyRequest, pack: ValidPack, sampleData: boolean) => {
    const { user } = requireUser(request);
    const locale = localeOf(request.headers['accept-language']);
    if (sampleData && !user.roles.includes('admin'))
      throw new ApiError(403, 'forbidden', {
        'zh-CN': '只有管理员可以载入示例数据（它包含人员）',
        en: 'only admins may load sample data (it includes people)',
      });
    const report = await installPack(store, pack, user.id);
    const definitions = report.definitions.map((d) => ({ ...d, message: outcomeText(d.outcome)[locale] }));
    return {
      report: { ...report, definitions },
      // Loading a sample company takes a while: the installer hears each form's rows as they land.
      ...(sampleData
        ? {
            sampleData: await loadSampleData(store, pack, user.id, new Date(), (formId, rows) =>
              announce(app, bus, { type: 'import.progress', formId, userId: user.id, rows }),
            ),
          }
        : {}),
    };
  };

  app.get(
    '/api/packs',
    {
      config: { access: 'definitions.write' },
      schema: { tags, summary: 'Packs shipped with the server and packs installed here' },
    },
    async () => ({
      available: bundledPacks().map(summary),
      installed: Object.values(await installedPacks(store.connectors)),
    }),
  );

  app.post<{ Params: { name: string }; Body: { sampleData?: boolean } }>(
    '/api/packs/:name/install',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'Install (or upgrade to) a shipped pack; definitions edited here are never overwritten',
        params: nameParams,
        body: {
          type: 'object',
          properties: { sampleData: { type: 'boolean' } },
          additionalProperties: false,
        },
      },
    },
    async (request) => install(request, bundledPack(request.params.name), request.body?.sampleData ?? false),
  );

  app.post<{ Querystring: { sha256?: string }; Body: Buffer }>(
    '/api/packs/upload',
    {
      config: { access: 'definitions.write' },
      bodyLimit: MAX_ARCHIVE_BYTES,
      schema: {
        tags,
        summary: `Install (or upgrade from) a pack archive sent as the body (${ARCHIVE_TYPE}), checked against sha256 when given`,
        querystring: {
          type: 'object',
          properties: { sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new ApiError(415, 'unsupportedMediaType', {
          'zh-CN': `请以 ${ARCHIVE_TYPE} 上传模板包文件`,
          en: `upload the pack archive as ${ARCHIVE_TYPE}`,
        });
      const pack = openPack(readPackArchive(request.body, request.query.sha256));
      return install(request, pack, false);
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/packs/:name/uninstall',
    {
      config: { access: 'definitions.write' },
      schema: {
        tags,
        summary: 'Uninstall a pack: its definitions are archived, records kept',
        params: nameParams,
      },
    },
    async (request) => ({
      archived: await uninstallPack(store, request.params.name, requireUser(request).user.id),
    }),
  );
}
