import { civilNow } from '../context.ts';
import { dateOnly } from '../dates.ts';
import { T } from '../types.ts';
import { FormulaDate, FormulaError, formulaError } from '../values.ts';
import { integerArg } from './args.ts';
import { dateResult, dayOf, isoWeekday, isoWeekNumber, isValidYear, utc, weekNumber } from './calendar.ts';
import { option, withDate } from './dateArgs.ts';
import { dateSpanFunctions } from './dateSpans.ts';
import type { FunctionSpec } from './FunctionSpec.ts';

const part = (
  name: string,
  zh: string,
  en: string,
  get: (d: Date) => number,
  examples: FunctionSpec['examples'],
): FunctionSpec => ({
  name,
  category: 'date',
  minArgs: 1,
  maxArgs: 1,
  params: ['date'],
  returns: T.number,
  syntax: `${name}(date)`,
  description: { 'zh-CN': zh, en },
  examples,
  call: withDate((d) => get(new Date(d.ms))),
});

export const dateFunctions: readonly FunctionSpec[] = [
  {
    name: 'TODAY',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.date,
    syntax: 'TODAY()',
    description: {
      'zh-CN': '返回今天的日期（按表单所在时区），不含时间。',
      en: "Returns today's date in the form's time zone, without a time.",
    },
    examples: [
      { formula: 'TODAY()', result: '2026-11-27' },
      { formula: 'TODAY() + 7', result: '2026-12-04' },
    ],
    call: (_, ctx) => dateOnly(new FormulaDate(civilNow(ctx), true)),
  },
  {
    name: 'NOW',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.date,
    syntax: 'NOW()',
    description: {
      'zh-CN': '返回当前的日期和时间（按表单所在时区）。',
      en: "Returns the current date and time in the form's time zone.",
    },
    examples: [
      { formula: 'NOW()', result: '2026-11-27T10:30:00' },
      { formula: 'HOUR(NOW())', result: 10 },
    ],
    call: (_, ctx) => new FormulaDate(civilNow(ctx), true),
  },
  {
    name: 'DATE',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['number', 'number', 'number'],
    returns: T.date,
    syntax: 'DATE(year, month, day)',
    description: {
      'zh-CN':
        '由年、月、日组成日期。月或日超出范围时顺延，如 13 月为次年 1 月，0 日为上月最后一天。年须在 1 至 9999 之间。',
      en: 'Builds a date from year, month and day. Months and days out of range roll over: month 13 is January of the next year, day 0 the last day of the previous month. The year must be 1 to 9999.',
    },
    examples: [
      { formula: 'DATE(2026, 1, 31)', result: '2026-01-31' },
      { formula: 'DATE(2026, 13, 1)', result: '2027-01-01' },
      { formula: 'DATE(2024, 3, 0)', result: '2024-02-29' },
    ],
    call: (args) => {
      const parts: number[] = [];
      for (const v of args) {
        const n = integerArg(v);
        if (n instanceof FormulaError) return n;
        parts.push(n);
      }
      const [year = 0, month = 0, day = 0] = parts;
      return isValidYear(year) ? dateResult(utc(year, month, day)) : formulaError('#NUM!', 'dateRange');
    },
  },
  part('YEAR', '返回日期的年份。', 'Returns the year of a date.', (d) => d.getUTCFullYear(), [
    { formula: 'YEAR("2026-11-27")', result: 2026 },
    { formula: 'YEAR(TODAY())', result: 2026 },
  ]),
  part(
    'MONTH',
    '返回日期的月份（1 至 12）。',
    'Returns the month of a date, 1 to 12.',
    (d) => d.getUTCMonth() + 1,
    [
      { formula: 'MONTH("2026-11-27")', result: 11 },
      { formula: 'MONTH(DATE(2026, 13, 1))', result: 1 },
    ],
  ),
  part(
    'DAY',
    '返回日期是当月的第几天（1 至 31）。',
    'Returns the day of the month, 1 to 31.',
    (d) => d.getUTCDate(),
    [
      { formula: 'DAY("2026-11-27")', result: 27 },
      { formula: 'DAY(DATE(2026, 3, 0))', result: 28 },
    ],
  ),
  part(
    'HOUR',
    '返回日期时间的小时（0 至 23）；只有日期时为 0。',
    'Returns the hour of a date-time, 0 to 23; 0 for a date without a time.',
    (d) => d.getUTCHours(),
    [
      { formula: 'HOUR("2026-11-27 08:45")', result: 8 },
      { formula: 'HOUR("2026-11-26T20:00:00Z")', result: 4 },
    ],
  ),
  part(
    'MINUTE',
    '返回日期时间的分钟（0 至 59）。',
    'Returns the minute of a date-time, 0 to 59.',
    (d) => d.getUTCMinutes(),
    [
      { formula: 'MINUTE("2026-11-27 08:45")', result: 45 },
      { formula: 'MINUTE(NOW())', result: 30 },
    ],
  ),
  part(
    'SECOND',
    '返回日期时间的秒（0 至 59）。',
    'Returns the second of a date-time, 0 to 59.',
    (d) => d.getUTCSeconds(),
    [
      { formula: 'SECOND("2026-11-27 08:45:30")', result: 30 },
      { formula: 'SECOND("2026-11-27")', result: 0 },
    ],
  ),
  part(
    'QUARTER',
    '返回日期所在的季度（1 至 4）。Excel 没有此函数，等同于 ROUNDUP(MONTH(date) / 3, 0)。',
    'Returns the quarter of a date, 1 to 4. Not an Excel function: the same as ROUNDUP(MONTH(date) / 3, 0).',
    (d) => Math.floor(d.getUTCMonth() / 3) + 1,
    [
      { formula: 'QUARTER("2026-11-27")', result: 4 },
      { formula: 'QUARTER(DATE(2026, 3, 31))', result: 1 },
    ],
  ),
  {
    name: 'WEEKDAY',
    category: 'date',
    minArgs: 1,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: T.number,
    syntax: 'WEEKDAY(date, [return_type])',
    description: {
      'zh-CN':
        '返回日期是星期几。return_type 为 1（默认）时周日为 1、周六为 7；为 2 时周一为 1、周日为 7；为 3 时周一为 0、周日为 6；11 至 17 表示从周一至周日中的某天记为 1。',
      en: 'Returns the day of the week. return_type 1 (default): Sunday 1 to Saturday 7; 2: Monday 1 to Sunday 7; 3: Monday 0 to Sunday 6; 11 to 17: the week starts (as 1) on Monday to Sunday.',
    },
    examples: [
      { formula: 'WEEKDAY("2008-02-14")', result: 5 },
      { formula: 'WEEKDAY("2008-02-14", 2)', result: 4 },
      { formula: 'WEEKDAY("2008-02-14", 3)', result: 3 },
    ],
    call: withDate((d, args) => {
      const type = option('WEEKDAY', args[1], 1, [1, 2, 3, 11, 12, 13, 14, 15, 16, 17]);
      if (type instanceof FormulaError) return type;
      const monday0 = isoWeekday(dayOf(d));
      if (type === 1) return ((monday0 + 1) % 7) + 1;
      if (type === 3) return monday0;
      const start = type === 2 ? 0 : type - 11; // first day of the week, Monday = 0
      return ((monday0 - start + 7) % 7) + 1;
    }),
  },
  {
    name: 'WEEKNUM',
    category: 'date',
    minArgs: 1,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: T.number,
    syntax: 'WEEKNUM(date, [return_type])',
    description: {
      'zh-CN':
        '返回日期是一年中的第几周，1 月 1 日所在的周为第 1 周。return_type 为 1（默认）时每周从周日开始，为 2 时从周一开始，为 21 时按 ISO 8601 计算（同 ISOWEEKNUM）。',
      en: 'Returns the week of the year; the week holding January 1 is week 1. return_type 1 (default): weeks start on Sunday; 2: on Monday; 21: ISO 8601 weeks (as ISOWEEKNUM).',
    },
    examples: [
      { formula: 'WEEKNUM("2012-03-09")', result: 10 },
      { formula: 'WEEKNUM("2012-03-09", 2)', result: 11 },
      { formula: 'WEEKNUM("2027-01-01", 21)', result: 53 },
    ],
    call: withDate((d, args) => {
      const type = option('WEEKNUM', args[1], 1, [1, 2, 11, 12, 13, 14, 15, 16, 17, 21]);
      if (type instanceof FormulaError) return type;
      const day = dayOf(d);
      if (type === 21) return isoWeekNumber(day);
      // Types 1 and 17 start weeks on Sunday; 2 and 11–16 on Monday … Saturday (0 = Sunday).
      return weekNumber(day, type === 1 ? 0 : type === 2 ? 1 : (type - 10) % 7);
    }),
  },
  {
    name: 'ISOWEEKNUM',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: T.number,
    syntax: 'ISOWEEKNUM(date)',
    description: {
      'zh-CN': '返回 ISO 8601 周数：每周从周一开始，包含当年第一个周四的周为第 1 周。',
      en: 'Returns the ISO 8601 week number: weeks start on Monday, and week 1 holds the first Thursday of the year.',
    },
    examples: [
      { formula: 'ISOWEEKNUM("2012-03-09")', result: 10 },
      { formula: 'ISOWEEKNUM("2027-01-01")', result: 53 },
    ],
    call: withDate((d) => isoWeekNumber(dayOf(d))),
  },
  {
    name: 'DATEVALUE',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: T.date,
    syntax: 'DATEVALUE(date_text)',
    description: {
      'zh-CN': '把日期文本（如 "2026-11-27"、"2026/11/27"、"2026年11月27日"）转为日期，时间部分舍去。',
      en: 'Turns date text ("2026-11-27", "2026/11/27", "2026年11月27日") into a date, dropping any time of day.',
    },
    examples: [
      { formula: 'DATEVALUE("2026年11月27日")', result: '2026-11-27' },
      { formula: 'DATEVALUE("2026-11-26T20:00:00Z")', result: '2026-11-27' },
      { formula: 'DATEVALUE("下周五")', result: '#VALUE!' },
    ],
    call: withDate((d) => dateOnly(d)),
  },
  ...dateSpanFunctions,
];
