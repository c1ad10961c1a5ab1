import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the date functions in ../date.ts: signature, zh-CN/en description, tested examples. */
export const dateDocs: FunctionDocs = {
  TODAY: {
    syntax: 'TODAY()',
    description: {
      'zh-CN': '返回今天的日期（按表单所在时区），不含时间。',
      en: "Returns today's date in the form's time zone, without a time.",
    },
    examples: [
      { formula: 'TODAY()', result: '2026-11-27' },
      { formula: 'TODAY() + 7', result: '2026-12-04' },
    ],
  },
  NOW: {
    syntax: 'NOW()',
    description: {
      'zh-CN': '返回当前的日期和时间（按表单所在时区）。',
      en: "Returns the current date and time in the form's time zone.",
    },
    examples: [
      { formula: 'NOW()', result: '2026-11-27T10:30:00' },
      { formula: 'HOUR(NOW())', result: 10 },
    ],
  },
  DATE: {
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
  },
  YEAR: {
    syntax: 'YEAR(date)',
    description: { 'zh-CN': '返回日期的年份。', en: 'Returns the year of a date.' },
    examples: [
      { formula: 'YEAR("2026-11-27")', result: 2026 },
      { formula: 'YEAR(TODAY())', result: 2026 },
    ],
  },
  MONTH: {
    syntax: 'MONTH(date)',
    description: { 'zh-CN': '返回日期的月份（1 至 12）。', en: 'Returns the month of a date, 1 to 12.' },
    examples: [
      { formula: 'MONTH("2026-11-27")', result: 11 },
      { formula: 'MONTH(DATE(2026, 13, 1))', result: 1 },
    ],
  },
  DAY: {
    syntax: 'DAY(date)',
    description: {
      'zh-CN': '返回日期是当月的第几天（1 至 31）。',
      en: 'Returns the day of the month, 1 to 31.',
    },
    examples: [
      { formula: 'DAY("2026-11-27")', result: 27 },
      { formula: 'DAY(DATE(2026, 3, 0))', result: 28 },
    ],
  },
  HOUR: {
    syntax: 'HOUR(date)',
    description: {
      'zh-CN': '返回日期时间的小时（0 至 23）；只有日期时为 0。',
      en: 'Returns the hour of a date-time, 0 to 23; 0 for a date without a time.',
    },
    examples: [
      { formula: 'HOUR("2026-11-27 08:45")', result: 8 },
      { formula: 'HOUR("2026-11-26T20:00:00Z")', result: 4 },
    ],
  },
  MINUTE: {
    syntax: 'MINUTE(date)',
    description: {
      'zh-CN': '返回日期时间的分钟（0 至 59）。',
      en: 'Returns the minute of a date-time, 0 to 59.',
    },
    examples: [
      { formula: 'MINUTE("2026-11-27 08:45")', result: 45 },
      { formula: 'MINUTE(NOW())', result: 30 },
    ],
  },
  SECOND: {
    syntax: 'SECOND(date)',
    description: {
      'zh-CN': '返回日期时间的秒（0 至 59）。',
      en: 'Returns the second of a date-time, 0 to 59.',
    },
    examples: [
      { formula: 'SECOND("2026-11-27 08:45:30")', result: 30 },
      { formula: 'SECOND("2026-11-27")', result: 0 },
    ],
  },
  QUARTER: {
    syntax: 'QUARTER(date)',
    description: {
      'zh-CN': '返回日期所在的季度（1 至 4）。Excel 没有此函数，等同于 ROUNDUP(MONTH(date) / 3, 0)。',
      en: 'Returns the quarter of a date, 1 to 4. Not an Excel function: the same as ROUNDUP(MONTH(date) / 3, 0).',
    },
    examples: [
      { formula: 'QUARTER("2026-11-27")', result: 4 },
      { formula: 'QUARTER(DATE(2026, 3, 31))', result: 1 },
    ],
  },
  WEEKDAY: {
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
  },
  WEEKNUM: {
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
  },
  ISOWEEKNUM: {
    syntax: 'ISOWEEKNUM(date)',
    description: {
      'zh-CN': '返回 ISO 8601 周数：每周从周一开始，包含当年第一个周四的周为第 1 周。',
      en: 'Returns the ISO 8601 week number: weeks start on Monday, and week 1 holds the first Thursday of the year.',
    },
    examples: [
      { formula: 'ISOWEEKNUM("2012-03-09")', result: 10 },
      { formula: 'ISOWEEKNUM("2027-01-01")', result: 53 },
    ],
  },
  DATEVALUE: {
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
  },
};
