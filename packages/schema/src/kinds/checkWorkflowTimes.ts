import type { LocalizedMessage } from '@formboard/formula';

// Hand-written checkers for the time texts of workflows: cron expressions, ISO 8601 durations and
// IANA time zones. Each returns undefined when the text is fine, or why it is not, in zh-CN and en.

interface CronField {
  readonly name: LocalizedMessage;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const CRON_FIELDS: readonly CronField[] = [
  { name: { 'zh-CN': '分钟', en: 'minute' }, min: 0, max: 59 },
  { name: { 'zh-CN': '小时', en: 'hour' }, min: 0, max: 23 },
  { name: { 'zh-CN': '日', en: 'day of month' }, min: 1, max: 31 },
  { name: { 'zh-CN': '月', en: 'month' }, min: 1, max: 12, names: MONTHS },
  // 0 and 7 are both Sunday.
  { name: { 'zh-CN': '星期', en: 'day of week' }, min: 0, max: 7, names: DAYS },
];

function cronValue(text: string, field: CronField): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named < 0) return undefined;
  return field.names === MONTHS ? named + 1 : named;
}

function cronItemProblem(item: string, field: CronField): string | undefined {
  const match = /^(\*|[^-/]+(?:-[^-/]+)?)(?:\/(\d{1,2}))?$/.exec(item);
  if (!match) return item;
  const [, range = '', step] = match;
  if (step !== undefined && (Number(step) < 1 || Number(step) > field.max)) return item;
  if (range === '*') return undefined;
  const [from = '', to] = range.split('-');
  const low = cronValue(from, field);
  const high = to === undefined ? low : cronValue(to, field);
  if (low === undefined || high === undefined) return item;
  if (low < field.min || high > field.max || low > high) return item;
  return undefined;
}

/** Why a 5-field cron expression is invalid ("0 9 * * 1" is fine), or undefined when it is valid. */
export function cronProblem(cron: string): LocalizedMessage | undefined {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) {
    return {
      'zh-CN': `cron 表达式应有 5 个字段（分 时 日 月 周），实际有 ${parts.length} 个`,
      en: `a cron expression has 5 fields (minute hour day month weekday), not ${parts.length}`,
    };
  }
  for (const [i, part] of parts.entries()) {
    const field = CRON_FIELDS[i] as CronField;
    for (const item of part.split(',')) {
      const bad = cronItemProblem(item, field);
      if (bad === undefined) continue;
      return {
        'zh-CN': `cron 的${field.name['zh-CN']}字段中 "${bad}" 无效（允许 ${field.min}–${field.max}、*、a-b、*/n，以逗号分隔）`,
        en: `"${bad}" is not valid in the cron ${field.name.en} field (allowed: ${field.min}–${field.max}, *, a-b, */n, comma-separated)`,
      };
    }
  }
  return undefined;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Why a text is not a positive ISO 8601 duration ("P1D", "PT24H", "P1W"), or undefined when it is one. */
export function durationProblem(text: string): LocalizedMessage | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P') {
    return {
      'zh-CN': `"${text}" 不是 ISO 8601 时长，例如 P1D（1 天）、PT24H（24 小时）、P1W（1 周）`,
      en: `"${text}" is not an ISO 8601 duration such as P1D (1 day), PT24H (24 hours), P1W (1 week)`,
    };
  }
  if (match.slice(1).every((part) => part === undefined || Number(part) === 0)) {
    return { 'zh-CN': `时长 ${text} 应大于零`, en: `the duration ${text} must be longer than zero` };
  }
  return undefined;
}

/** Whether the runtime knows this IANA time zone ("Asia/Shanghai", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
