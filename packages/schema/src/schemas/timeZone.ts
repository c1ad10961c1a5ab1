/** Time zone used when a definition names none: the starter pack's users are in China. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * An IANA time zone name ("Asia/Shanghai", "UTC"); the checks ask Intl whether it exists. Absent means
 * DEFAULT_TIME_ZONE (no `default` keyword: FromSchema would then type the property as always present).
 */
export const timeZoneSchema = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
} as const;
