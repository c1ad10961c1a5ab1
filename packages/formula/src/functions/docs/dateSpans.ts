import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the date span functions in ../dateSpans.ts: signature, zh-CN/en description, tested examples. */
export const dateSpansDocs: FunctionDocs = {
  DATEDIF: {
    syntax: 'DATEDIF(start_date, end_date, unit)',
    description: {
      'zh-CN':
        '计算两个日期之间的整年数（"Y"）、整月数（"M"）或天数（"D"）；"MD" 为不足一月的天数，"YM" 为不足一年的月数，"YD" 为不足一年的天数。开始日期晚于结束日期时返回 #NUM!。',
      en: 'Counts whole years ("Y"), whole months ("M") or days ("D") between two dates; "MD" gives the days beyond whole months, "YM" the months beyond whole years, "YD" the days beyond whole years. #NUM! when the start is after the end.',
    },
    examples: [
      { formula: 'DATEDIF("2001-01-01", "2003-01-01", "Y")', result: 2 },
      { formula: 'DATEDIF("2001-06-01", "2002-08-15", "YD")', result: 75 },
      { formula: 'DATEDIF("2026-03-01", "2026-01-01", "D")', result: '#NUM!' },
    ],
  },
  DAYS: {
    syntax: 'DAYS(end_date, start_date)',
    description: {
      'zh-CN': '返回两个日期之间相差的天数（结束日期减开始日期，不计时间），可为负数。',
      en: 'Returns the number of days from start_date to end_date (times of day ignored); negative when the end is earlier.',
    },
    examples: [
      { formula: 'DAYS("2021-03-15", "2021-02-01")', result: 42 },
      { formula: 'DAYS("2021-12-31", "2021-01-01")', result: 364 },
    ],
  },
  NETWORKDAYS: {
    syntax: 'NETWORKDAYS(start_date, end_date, [holidays])',
    description: {
      'zh-CN':
        '返回两个日期之间（含首尾）的工作日天数，不计周六、周日和节假日列表中的日期。开始日期晚于结束日期时为负数。',
      en: 'Counts the working days between two dates, both included, leaving out Saturdays, Sundays and the listed holidays. Negative when the start is after the end.',
    },
    examples: [
      { formula: 'NETWORKDAYS("2012-10-01", "2013-03-01")', result: 110 },
      {
        formula: 'NETWORKDAYS("2012-10-01", "2013-03-01", {"2012-11-22", "2012-12-04", "2013-01-21"})',
        result: 107,
      },
      {
        formula: 'NETWORKDAYS("2026-10-01", "2026-10-08", 国庆)',
        data: { 国庆: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] },
        result: 1,
      },
    ],
  },
  WORKDAY: {
    syntax: 'WORKDAY(start_date, days, [holidays])',
    description: {
      'zh-CN':
        '返回开始日期之后（days 为负时为之前）第 days 个工作日的日期，跳过周六、周日和节假日列表中的日期。',
      en: 'Returns the date that is `days` working days after the start (before it when negative), skipping Saturdays, Sundays and the listed holidays.',
    },
    examples: [
      { formula: 'WORKDAY("2008-10-01", 151)', result: '2009-04-30' },
      {
        formula: 'WORKDAY("2008-10-01", 151, {"2008-11-26", "2008-12-04", "2009-01-21"})',
        result: '2009-05-05',
      },
      { formula: 'WORKDAY("2026-11-27", 1)', result: '2026-11-30' },
    ],
  },
  EDATE: {
    syntax: 'EDATE(start_date, months)',
    description: {
      'zh-CN':
        '返回开始日期之后（months 为负时为之前）相隔若干个月的同一天；该月没有这一天时取月末，如 1 月 31 日加 1 个月为 2 月 28 日。',
      en: 'Returns the same day `months` months after the start (before it when negative); when that month is shorter, its last day: January 31 plus one month is February 28.',
    },
    examples: [
      { formula: 'EDATE("2011-01-15", -1)', result: '2010-12-15' },
      { formula: 'EDATE("2026-01-31", 1)', result: '2026-02-28' },
      { formula: 'EDATE("2024-02-29", 12)', result: '2025-02-28' },
    ],
  },
  EOMONTH: {
    syntax: 'EOMONTH(start_date, months)',
    description: {
      'zh-CN':
        '返回开始日期之后（months 为负时为之前）相隔若干个月的那个月的最后一天；months 为 0 时为当月月末。',
      en: 'Returns the last day of the month `months` months after the start (before it when negative); 0 gives the end of the same month.',
    },
    examples: [
      { formula: 'EOMONTH("2011-01-01", 1)', result: '2011-02-28' },
      { formula: 'EOMONTH("2011-01-01", -3)', result: '2010-10-31' },
      { formula: 'EOMONTH(TODAY(), 0)', result: '2026-11-30' },
    ],
  },
  YEARFRAC: {
    syntax: 'YEARFRAC(start_date, end_date, [basis])',
    description: {
      'zh-CN':
        '返回两个日期之间相差的年数（可带小数）。basis 为计日基准：0（默认）美国 30/360，1 实际天数/实际天数，2 实际天数/360，3 实际天数/365，4 欧洲 30/360。',
      en: 'Returns the years between two dates as a fraction. basis is the day count: 0 (default) US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.',
    },
    examples: [
      { formula: 'YEARFRAC("2012-01-01", "2012-07-30")', result: 0.580555555556 },
      { formula: 'YEARFRAC("2012-01-01", "2012-07-30", 1)', result: 0.57650273224 },
      { formula: 'YEARFRAC("2012-01-01", "2012-07-30", 3)', result: 0.578082191781 },
    ],
  },
};
