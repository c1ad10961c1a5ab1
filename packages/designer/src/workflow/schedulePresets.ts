import type { LocalizedMessage } from '@formboard/formula';
import { cronProblem, DEFAULT_TIME_ZONE } from '@formboard/schema';
import { Cron } from 'croner';

// Schedules for people who do not write cron: "每周一 09:00" and its kin, each one exact cron text
// both ways. Anything else is shown as its cron expression. "Every other Monday" has no five-field
// cron: the starter pack's biweekly reminder runs weekly and checks `MOD(ISOWEEKNUM($run.startedAt), 2)`
// in a condition step.

/** A schedule the designer offers as a choice; times are in the trigger's time zone. */
export type SchedulePreset =
  | { readonly kind: 'daily'; readonly hour: number; readonly minute: number }
  | { readonly kind: 'weekdays'; readonly hour: number; readonly minute: number }
  /** `weekday` as cron counts: 0 Sunday, 1 Monday … 6 Saturday. */
  | { readonly kind: 'weekly'; readonly weekday: number; readonly hour: number; readonly minute: number }
  | { readonly kind: 'monthly'; readonly day: number; readonly hour: number; readonly minute: number };

/** The quick choices of the schedule card. */
export const SCHEDULE_PRESETS: readonly SchedulePreset[] = [
  { kind: 'daily', hour: 9, minute: 0 },
  { kind: 'weekdays', hour: 9, minute: 0 },
  { kind: 'weekly', weekday: 1, hour: 9, minute: 0 },
  { kind: 'weekly', weekday: 5, hour: 10, minute: 0 },
  { kind: 'monthly', day: 1, hour: 9, minute: 0 },
];

/** The cron expression of a preset: "0 9 * * 1" for 每周一 09:00. */
export function presetCron(preset: SchedulePreset): string {
  const time = `${preset.minute} ${preset.hour}`;
  switch (preset.kind) {
    case 'daily':
      return `${time} * * *`;
    case 'weekdays':
      return `${time} * * 1-5`;
    case 'weekly':
      return `${time} * * ${preset.weekday}`;
    case 'monthly':
      return `${time} ${preset.day} * *`;
  }
}

const NUMBER = /^\d{1,2}$/;

/** The preset a cron expression is, when it is one (read exactly: presetCron gives the same text back). */
export function presetOf(cron: string): SchedulePreset | undefined {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [minuteText = '', hourText = '', day = '', month = '', weekday = ''] = parts;
  if (!NUMBER.test(minuteText) || !NUMBER.test(hourText) || month !== '*') return undefined;
  const minute = Number(minuteText);
  const hour = Number(hourText);
  if (minute > 59 || hour > 23) return undefined;
  let preset: SchedulePreset | undefined;
  if (day === '*' && weekday === '*') preset = { kind: 'daily', hour, minute };
  else if (day === '*' && weekday === '1-5') preset = { kind: 'weekdays', hour, minute };
  else if (day === '*' && /^[0-6]$/.test(weekday))
    preset = { kind: 'weekly', weekday: Number(weekday), hour, minute };
  else if (weekday === '*' && NUMBER.test(day) && Number(day) >= 1 && Number(day) <= 31) {
    preset = { kind: 'monthly', day: Number(day), hour, minute };
  }
  return preset && presetCron(preset) === parts.join(' ') ? preset : undefined;
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A preset in words: "每周一 09:00" / "Mondays at 09:00". */
export function describePreset(preset: SchedulePreset): LocalizedMessage {
  const time = `${pad(preset.hour)}:${pad(preset.minute)}`;
  switch (preset.kind) {
    case 'daily':
      return { 'zh-CN': `每天 ${time}`, en: `Every day at ${time}` };
    case 'weekdays':
      return { 'zh-CN': `工作日（周一至周五）${time}`, en: `Weekdays (Monday to Friday) at ${time}` };
    case 'weekly':
      return {
        'zh-CN': `每${WEEKDAYS_ZH[preset.weekday] ?? ''} ${time}`,
        en: `${WEEKDAYS_EN[preset.weekday] ?? ''} at ${time}`,
      };
    case 'monthly':
      return { 'zh-CN': `每月 ${preset.day} 日 ${time}`, en: `Day ${preset.day} of every month at ${time}` };
  }
}

/** A cron expression in words: its preset's, else the expression itself. */
export function describeCron(cron: string): LocalizedMessage {
  const preset = presetOf(cron);
  return preset ? describePreset(preset) : { 'zh-CN': `cron：${cron}`, en: `cron: ${cron}` };
}

/**
 * The next `count` times a cron expression fires after `from`, read in a time zone (default
 * Asia/Shanghai) as the engine reads it (croner, five fields, weekdays and days of month OR-ed); or
 * why the expression is invalid.
 */
export function nextRuns(
  cron: string,
  timeZone: string = DEFAULT_TIME_ZONE,
  from: Date = new Date(),
  count = 3,
):
  | { readonly ok: true; readonly runs: readonly Date[] }
  | { readonly ok: false; readonly problem: LocalizedMessage } {
  const problem = cronProblem(cron);
  if (problem) return { ok: false, problem };
  try {
    const schedule = new Cron(cron, { timezone: timeZone, mode: '5-part' });
    return { ok: true, runs: schedule.nextRuns(count, from) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { 'zh-CN': `无法计算运行时间：${text}`, en: `cannot compute the run times: ${text}` },
    };
  }
}

/** A run time as people read it in a time zone: "2026-12-07 周一 09:00" / "Mon 2026-12-07 09:00". */
export function formatRunTime(date: Date, timeZone: string, locale: 'zh-CN' | 'en'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}`;
  const index = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return locale === 'zh-CN'
    ? `${day} ${WEEKDAYS_ZH[index] ?? ''} ${time}`
    : `${part('weekday')} ${day} ${time}`;
}
