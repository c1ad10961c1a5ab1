export { buildServer, type ServerOptions } from './app.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export type { ConnectorConfig } from './connectors/connectorConfig.ts';
export type { ChangeEvent, EventBus } from './events/ChangeEvent.ts';
export { localEventBus } from './events/localEventBus.ts';
export { postgresEventBus } from './events/postgresEventBus.ts';
export type { AllowedHost } from './outbound/outboundPolicy.ts';
export { type Capability, TOKEN_SCOPES, type TokenScope } from './permissions/capabilities.ts';
export { recordDeriver } from './records/recordDeriver.ts';
