export { buildServer, type ServerOptions } from './app.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export { type Capability, TOKEN_SCOPES, type TokenScope } from './permissions/capabilities.ts';
