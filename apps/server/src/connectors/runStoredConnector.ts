import type { ConnectorRun, Store, StoredConnector } from '@formboard/storage';
import type { AllowedHost } from '../outbound/outboundPolicy.ts';
import type { SecretBox } from '../outbound/secretBox.ts';
import type { ConnectorConfig, ConnectorSecrets } from './connectorConfig.ts';
import { ConnectorFailed, codeOf, reasonOf, runConnector } from './runConnector.ts';

/** The settings key of the outbound allow-list. */
export const ALLOWED_HOSTS_SETTING = 'outbound.allowedHosts';

/** The admin's list of hosts outbound requests may reach (empty until set). */
export async function allowedHosts(store: Store): Promise<AllowedHost[]> {
  return ((await store.connectors.setting(ALLOWED_HOSTS_SETTING)) as AllowedHost[] | undefined) ?? [];
}

function secretsOf(connector: StoredConnector, box: SecretBox | undefined): ConnectorSecrets {
  if (!connector.sealedSecrets) return {};
  if (!box)
    throw new ConnectorFailed('secretKeyMissing', {
      'zh-CN': '服务器没有设置 FORMBOARD_SECRET_KEY，读不出连接的密钥',
      en: 'FORMBOARD_SECRET_KEY is not set, so the connector’s secrets cannot be read',
    });
  return JSON.parse(box.open(connector.sealedSecrets)) as ConnectorSecrets;
}

/**
 * Runs a stored connector once and records the run: its counts and row errors when it ran, the
 * reason when it failed (an unreachable or refused source, a bad answer) — reasons with a code and
 * in both languages (`connectorRunIn` picks one for an answer). Returns the finished run.
 */
export async function runStoredConnector(
  store: Store,
  box: SecretBox | undefined,
  id: string,
  trigger: ConnectorRun['trigger'],
): Promise<ConnectorRun> {
  const connector = await store.connectors.get(id);
  const run = await store.connectors.startRun(id, trigger);
  try {
    const config = {
      ...(connector.config as unknown as Omit<ConnectorConfig, 'id' | 'name'>),
      id,
      name: connector.name,
    };
    const result = await runConnector(store, config, secretsOf(connector, box), await allowedHosts(store));
    await store.connectors.finishRun(run.id, 'ok', { ...result });
  } catch (error) {
    await store.connectors.finishRun(run.id, 'failed', { code: codeOf(error), error: reasonOf(error) });
  }
  const [finished] = await store.connectors.runs(id, 1);
  return finished ?? run;
}
