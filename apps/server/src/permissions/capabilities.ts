import type { Role } from '@formboard/storage';

/** Something a caller may be allowed to do; every route names the one it needs. */
export type Capability =
  | 'definitions.read'
  | 'definitions.write'
  | 'records.read'
  | 'records.write'
  | 'queries.run'
  | 'people.read'
  | 'people.write'
  | 'audit.read'
  | 'tokens.manage'
  | 'connectors.manage'
  /** Move a test server's clock (only servers started with --test-clock have the routes). */
  | 'testClock.set';

/** What an API token may be limited to; it never exceeds its user's roles. */
export const TOKEN_SCOPES = [
  'definitions:read',
  'definitions:write',
  'records:read',
  'records:write',
  'dashboards:read',
  'admin',
] as const;
/** One of TOKEN_SCOPES. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const EVERYTHING: readonly Capability[] = [
  'definitions.read',
  'definitions.write',
  'records.read',
  'records.write',
  'queries.run',
  'people.read',
  'people.write',
  'audit.read',
  'tokens.manage',
  'connectors.manage',
  'testClock.set',
];
const EVERYONE: readonly Capability[] = [
  'definitions.read',
  'records.read',
  'records.write',
  'queries.run',
  'people.read',
];

// Managers differ from members in which records they see (record scopes), not in what they can do.
const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  member: EVERYONE,
  manager: EVERYONE,
  designer: [...EVERYONE, 'definitions.write'],
  admin: EVERYTHING,
};

const SCOPE_CAPABILITIES: Record<TokenScope, readonly Capability[]> = {
  'definitions:read': ['definitions.read'],
  'definitions:write': ['definitions.read', 'definitions.write'],
  'records:read': ['definitions.read', 'records.read'],
  'records:write': ['definitions.read', 'records.read', 'records.write'],
  'dashboards:read': ['definitions.read', 'queries.run'],
  admin: EVERYTHING,
};

/** What a user's roles allow, bounded by a token's scopes when the call comes with a token. */
export function capabilitiesOf(roles: readonly Role[], scopes?: readonly string[]): Set<Capability> {
  const granted = new Set(roles.flatMap((role) => ROLE_CAPABILITIES[role] ?? []));
  if (!scopes) return granted;
  const allowed = new Set(
    scopes.flatMap((scope) => SCOPE_CAPABILITIES[scope as TokenScope] ?? ([] as readonly Capability[])),
  );
  return new Set([...granted].filter((capability) => allowed.has(capability)));
}
