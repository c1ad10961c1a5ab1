import type { FromSchema } from 'json-schema-to-ts';

/** The roles of a workspace, from the most to the least powerful. */
export const ROLES = ['admin', 'designer', 'manager', 'member'] as const;

/** Whose records a role sees in a form: its own, its own and its reports' (all levels), its org unit's, or all. */
export const RECORD_SCOPES = ['own', 'reports', 'orgUnit', 'all'] as const;

const perRole = <const V extends object>(value: V) =>
  ({
    type: 'object',
    properties: { admin: value, designer: value, manager: value, member: value },
    additionalProperties: false,
  }) as const;

/**
 * Who sees what of a form's records, enforced by the server. `recordScope` overrides the defaults
 * (admin all, manager reports, designer and member own); `hiddenFields` lists, per role, fields
 * those users never see nor set (e.g. a salary-linked bonus). A user with several roles gets the
 * widest scope, and a field is hidden from them only when every one of their roles hides it.
 */
export const formAccessSchema = {
  type: 'object',
  properties: {
    recordScope: perRole({ enum: RECORD_SCOPES }),
    hiddenFields: perRole({
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 200 },
      uniqueItems: true,
      maxItems: 500,
    }),
  },
  additionalProperties: false,
} as const;

export type FormAccess = FromSchema<typeof formAccessSchema>;
