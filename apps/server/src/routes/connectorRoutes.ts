import { cronProblem, isTimeZone } from '@formboard/schema';
import type { Store, StoredConnector } from '@formboard/storage';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { connectorRunIn } from '../connectors/connectorRunIn.ts';
import { allowedHostsSchema, connectorBodySchema } from '../connectors/connectorSchema.ts';
import { ALLOWED_HOSTS_SETTING, allowedHosts, runStoredConnector } from '../connectors/runStoredConnector.ts';
import type { EventBus } from '../events/ChangeEvent.ts';
import { ApiError } from '../http/ApiError.ts';
import { localeOf } from '../http/locale.ts';
import type { AllowedHost } from '../outbound/outboundPolicy.ts';
import type { SecretBox } from '../outbound/secretBox.ts';
import { announce } from './eventRoutes.ts';
import { idParams } from './schemas.ts';

type ConnectorBody = {
  name: string;
  formId: string;
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  rowsPath: string;
  fields: Record<string, string>;
  dedupeField?: string;
  runAs: string;
  schedule?: { cron: string; timeZone: string };
  secrets?: Record<string, string> | null;
  disabled?: boolean;
};

/** A connector as admins see it: its settings and the names (never the values) of its secret headers. */
function shown(connector: StoredConnector) {
  const { secretHeaders, ...config } = connector.config as Record<string, unknown> & {
    secretHeaders?: string[];
  };
  return {
    id: connector.id,
    name: connector.name,
    ...config,
    secretHeaders: connector.sealedSecrets ? (secretHeaders ?? []) : [],
    disabled: connector.disabled,
    updatedAt: connector.updatedAt,
    updatedBy: connector.updatedBy,
  };
}

/** Outbound allow-list, HTTP pull connectors (create, list, run now) and their run history; admins only. */
export function connectorRoutes(
  app: FastifyInstance,
  store: Store,
  bus: EventBus,
  box: SecretBox | undefined,
): void {
  const tags = ['connectors'];
  const access = { access: 'connectors.manage' as const };

  app.get(
    '/api/settings/outbound-hosts',
    { config: access, schema: { tags, summary: 'Hosts outbound requests may reach' } },
    () => allowedHosts(store),
  );

  app.put<{ Body: AllowedHost[] }>(
    '/api/settings/outbound-hosts',
    {
      config: access,
      schema: {
        tags,
        summary: 'Set the hosts outbound requests may reach (allowPrivate lets one reach private addresses)',
        body: allowedHostsSchema,
      },
    },
    async (request) => {
      await store.connectors.setSetting(ALLOWED_HOSTS_SETTING, request.body, requireUser(request).user.id);
      return allowedHosts(store);
    },
  );

  app.get(
    '/api/connectors',
    { config: access, schema: { tags, summary: 'Every connector (secret values never shown)' } },
    async () => (await store.connectors.list()).map(shown),
  );

  app.put<{ Params: { id: string }; Body: ConnectorBody }>(
    '/api/connectors/:id',
    {
      config: access,
      schema: {
        tags,
        summary: 'Create or replace a connector; secrets: header values, sealed at rest',
        params: idParams,
        body: connectorBodySchema,
      },
    },
    async (request) => {
      const { secrets, disabled, name, ...config } = request.body;
      const form = await store.definitions.getInfo(config.formId).catch(() => undefined);
      if (form?.kind !== 'form')
        throw new ApiError(
          422,
          'invalid',
          { 'zh-CN': `找不到表单 ${config.formId}`, en: `form ${config.formId} not found` },
          [{ pointer: '/body/formId' }],
        );
      if (!(await store.people.getUser(config.runAs).catch(() => undefined)))
        throw new ApiError(
          422,
          'invalid',
          { 'zh-CN': `找不到用户 ${config.runAs}`, en: `user ${config.runAs} not found` },
          [{ pointer: '/body/runAs' }],
        );
      const badCron = config.schedule && cronProblem(config.schedule.cron);
      if (badCron) throw new ApiError(422, 'invalid', badCron, [{ pointer: '/body/schedule/cron' }]);
      if (config.schedule && !isTimeZone(config.schedule.timeZone))
        throw new ApiError(
          422,
          'invalid',
          {
            'zh-CN': `未知的时区：${config.schedule.timeZone}`,
            en: `unknown time zone: ${config.schedule.timeZone}`,
          },
          [{ pointer: '/body/schedule/timeZone' }],
        );
      if (secrets && !box)
        throw new ApiError(409, 'secretKeyMissing', {
          'zh-CN': '服务器没有设置 FORMBOARD_SECRET_KEY，无法加密保存密钥',
          en: 'the server has no FORMBOARD_SECRET_KEY, so secrets cannot be stored encrypted',
        });
      const previous = await store.connectors.get(request.params.id).catch(() => undefined);
      const keptNames = (previous?.config as { secretHeaders?: string[] } | undefined)?.secretHeaders ?? [];
      const secretHeaders = secrets === undefined ? keptNames : Object.keys(secrets ?? {});
      const saved = await store.connectors.save(
        {
          id: request.params.id,
          name,
          config: { ...config, secretHeaders },
          ...(secrets === undefined
            ? {}
            : { sealedSecrets: secrets && box ? box.seal(JSON.stringify(secrets)) : null }),
          disabled: disabled ?? false,
        },
        requireUser(request).user.id,
      );
      return shown(saved);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/connectors/:id/run',
    {
      config: access,
      schema: {
        tags,
        summary: 'Run a connector now; the run (counts, row errors or the failure) is recorded',
        params: idParams,
      },
    },
    async (request) => {
      const connector = await store.connectors.get(request.params.id);
      if (connector.disabled)
        throw new ApiError(409, 'connectorDisabled', {
          'zh-CN': `连接 ${connector.name} 已停用`,
          en: `the connector ${connector.name} is disabled`,
        });
      const run = await runStoredConnector(store, box, connector.id, 'manual');
      if (run.status === 'ok') {
        const formId = String(connector.config.formId);
        announce(app, bus, {
          type: 'records.imported',
          formId,
          recordId: '',
          ownerId: String(connector.config.runAs),
          orgUnitId: null,
        });
      }
      return connectorRunIn(run, localeOf(request.headers['accept-language']));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/connectors/:id/runs',
    {
      config: access,
      schema: {
        tags,
        summary: 'A connector’s runs, newest first; reasons in the Accept-Language, with their codes',
        params: idParams,
      },
    },
    async (request) => {
      await store.connectors.get(request.params.id);
      const locale = localeOf(request.headers['accept-language']);
      return (await store.connectors.runs(request.params.id)).map((run) => connectorRunIn(run, locale));
    },
  );
}
