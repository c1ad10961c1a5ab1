import { describe, expect, it } from 'vitest';
import { compile, evaluate, parse, type Scope, toJSONValue } from '../../src/index.ts';

// 2026-11-27 10:30 in Asia/Shanghai (a Friday).
const NOW = Date.parse('2026-11-27T02:30:00Z');

const run = (formula: string, data: Record<string, unknown> = {}, scope: Scope = {}) =>
  evaluate(compile(parse(formula)), { data, now: NOW, timeZone: 'Asia/Shanghai', ...scope });

/** A result as in the docs: dates as ISO text, errors as their code. */
function value(formula: string, data: Record<string, unknown> = {}, scope: Scope = {}): unknown {
  const json = toJSONValue(run(formula, data, scope));
  return json !== null && typeof json === 'object' && 'error' in json
    ? (json as { error: string }).error
    : json;
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isWeekday = (ms: number): boolean => new Date(ms).getUTCDay() % 6 !== 0;

describe('TODAY and NOW', () => {
  it('read the clock in the evaluation time zone', () => {
    expect(value('TODAY()')).toBe('2026-11-27');
    expect(value('NOW()')).toBe('2026-11-27T10:30:00');
    const evening = Date.parse('2026-11-26T20:00:00Z');
    expect(value('TODAY()', {}, { now: evening })).toBe('2026-11-27');
    expect(value('TODAY()', {}, { now: evening, timeZone: 'UTC' })).toBe('2026-11-26');
    expect(value('NOW()', {}, { now: evening, timeZone: 'America/Los_Angeles' })).toBe('2026-11-26T12:00:00');
  });
});

describe('DATE', () => {
  it('builds dates and rolls months and days over like Excel', () => {
    expect(value('DATE(2026, 11, 27)')).toBe('2026-11-27');
    expect(value('DATE(2026, 13, 1)')).toBe('2027-01-01');
    expect(value('DATE(2026, 0, 1)')).toBe('2025-12-01');
    expect(value('DATE(2026, -1, 15)')).toBe('2025-11-15');
    expect(value('DATE(2026, 1, 0)')).toBe('2025-12-31');
    expect(value('DATE(2026, 1, -1)')).toBe('2025-12-30');
    expect(value('DATE(2026, 1, 32)')).toBe('2026-02-01');
    expect(value('DATE(2026, 1, 400)')).toBe('2027-02-04');
  });

  it('knows leap years', () => {
    expect(value('DATE(2024, 2, 29)')).toBe('2024-02-29');
    expect(value('DATE(2023, 2, 29)')).toBe('2023-03-01');
    expect(value('DATE(1900, 2, 29)')).toBe('1900-03-01');
    expect(value('DATE(2000, 2, 29)')).toBe('2000-02-29');
  });

  it('truncates fractions and keeps years 1 to 9999', () => {
    expect(value('DATE(2026.9, 1.9, 1.9)')).toBe('2026-01-01');
    expect(value('DATE("2026", "3", "8")')).toBe('2026-03-08');
    expect(value('DATE(26, 1, 1)')).toBe('0026-01-01');
    expect(value('DATE(1, 1, 1)')).toBe('0001-01-01');
    expect(value('DATE(9999, 12, 31)')).toBe('9999-12-31');
    expect(value('DATE(0, 1, 1)')).toBe('#NUM!');
    expect(value('DATE(10000, 1, 1)')).toBe('#NUM!');
    expect(value('DATE(9999, 12, 32)')).toBe('#NUM!');
    expect(value('DATE(1, 1, 0)')).toBe('#NUM!');
    expect(value('DATE(2026, 1e300, 1)')).toBe('#NUM!');
  });

  it('rejects non-numbers and passes errors on', () => {
    expect(value('DATE("x", 1, 1)')).toBe('#VALUE!');
    expect(value('DATE(2026, 1 / 0, 1)')).toBe('#DIV/0!');
  });
});

describe('YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, QUARTER', () => {
  it('read the parts of dates and date text', () => {
    expect(value('YEAR("2026-11-27")')).toBe(2026);
    expect(value('MONTH("2026/3/8")')).toBe(3);
    expect(value('DAY("2026年2月28日")')).toBe(28);
    expect(value('HOUR("2026-11-27 08:45:30")')).toBe(8);
    expect(value('MINUTE("2026-11-27 08:45:30")')).toBe(45);
    expect(value('SECOND("2026-11-27 08:45:30")')).toBe(30);
    expect(value('HOUR(DATE(2026, 1, 1))')).toBe(0);
    expect(value('MINUTE(NOW())')).toBe(30);
  });

  it('read instants in the evaluation time zone', () => {
    expect(value('DAY("2026-11-26T20:00:00Z")')).toBe(27);
    expect(value('HOUR("2026-11-26T20:00:00Z")')).toBe(4);
    expect(value('DAY(t)', { t: new Date('2026-11-26T20:00:00Z') })).toBe(27);
    expect(value('DAY(t)', { t: new Date('2026-11-26T20:00:00Z') }, { timeZone: 'UTC' })).toBe(26);
    expect(value('DAY("2026-11-27T01:00:00+08:00")', {}, { timeZone: 'UTC' })).toBe(26);
  });

  it('gives the quarter', () => {
    const quarters = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    quarters.forEach((q, i) => {
      expect(value(`QUARTER(DATE(2026, ${i + 1}, 15))`)).toBe(q);
    });
    expect(value('QUARTER("2026-12-31")')).toBe(4);
  });

  it('give blank for blank dates', () => {
    expect(value('YEAR(missing)')).toBeNull();
    expect(value('MONTH(d)', { d: '' })).toBeNull();
    expect(value('QUARTER(d)', { d: null })).toBeNull();
  });

  it('reject what is not a date and pass errors on', () => {
    expect(value('YEAR("hello")')).toBe('#VALUE!');
    expect(value('YEAR("2026-02-30")')).toBe('#VALUE!');
    expect(value('YEAR(45000)')).toBe('#VALUE!');
    expect(value('MONTH(TRUE)')).toBe('#VALUE!');
    expect(value('DAY(1 / 0)')).toBe('#DIV/0!');
    expect(value('YEAR({"2026-01-01"})')).toBe('#VALUE!');
  });
});

describe('WEEKDAY', () => {
  it("matches Microsoft's examples", () => {
    expect(value('WEEKDAY("2008-02-14")')).toBe(5);
    expect(value('WEEKDAY("2008-02-14", 2)')).toBe(4);
    expect(value('WEEKDAY("2008-02-14", 3)')).toBe(3);
  });

  it('numbers a Sunday and a Monday in every return type', () => {
    const sunday = '"2026-11-29"';
    const monday = '"2026-11-30"';
    const cases: [number, number, number][] = [
      [1, 1, 2],
      [2, 7, 1],
      [3, 6, 0],
      [11, 7, 1],
      [12, 6, 7],
      [13, 5, 6],
      [14, 4, 5],
      [15, 3, 4],
      [16, 2, 3],
      [17, 1, 2],
    ];
    for (const [type, sun, mon] of cases) {
      expect(value(`WEEKDAY(${sunday}, ${type})`)).toBe(sun);
      expect(value(`WEEKDAY(${monday}, ${type})`)).toBe(mon);
    }
  });

  it('rejects unknown return types', () => {
    expect(value('WEEKDAY("2026-11-27", 4)')).toBe('#NUM!');
    expect(value('WEEKDAY("2026-11-27", "x")')).toBe('#VALUE!');
    expect(value('WEEKDAY(d)', {})).toBeNull();
  });
});

describe('WEEKNUM and ISOWEEKNUM', () => {
  it("match Microsoft's examples", () => {
    expect(value('WEEKNUM("2012-03-09")')).toBe(10);
    expect(value('WEEKNUM("2012-03-09", 2)')).toBe(11);
    expect(value('ISOWEEKNUM("2012-03-09")')).toBe(10);
  });

  it('start week 1 on January 1 (2026 begins on a Thursday)', () => {
    expect(value('WEEKNUM("2026-01-01")')).toBe(1);
    expect(value('WEEKNUM("2026-01-03")')).toBe(1);
    expect(value('WEEKNUM("2026-01-04")')).toBe(2);
    expect(value('WEEKNUM("2026-01-04", 2)')).toBe(1);
    expect(value('WEEKNUM("2026-01-05", 2)')).toBe(2);
    expect(value('WEEKNUM("2026-01-05", 11)')).toBe(2);
    expect(value('WEEKNUM("2026-01-06", 12)')).toBe(2);
    expect(value('WEEKNUM("2026-01-03", 16)')).toBe(2);
    expect(value('WEEKNUM("2026-01-04", 17)')).toBe(2);
    expect(value('WEEKNUM("2026-12-31")')).toBe(53);
    expect(value('WEEKNUM("2027-01-01")')).toBe(1);
  });

  it('count ISO weeks across year ends', () => {
    const cases: [string, number][] = [
      ['2021-01-03', 53],
      ['2021-01-04', 1],
      ['2024-12-30', 1],
      ['2026-01-01', 1],
      ['2026-12-31', 53],
      ['2027-01-03', 53],
      ['2027-01-04', 1],
    ];
    for (const [date, week] of cases) {
      expect(value(`ISOWEEKNUM("${date}")`)).toBe(week);
      expect(value(`WEEKNUM("${date}", 21)`)).toBe(week);
    }
  });

  it('reject unknown return types and bad dates', () => {
    expect(value('WEEKNUM("2026-11-27", 3)')).toBe('#NUM!');
    expect(value('WEEKNUM("2026-11-27", 0)')).toBe('#NUM!');
    expect(value('ISOWEEKNUM("next week")')).toBe('#VALUE!');
  });
});

describe('DATEDIF', () => {
  it("matches Microsoft's examples", () => {
    expect(value('DATEDIF("2001-01-01", "2003-01-01", "Y")')).toBe(2);
    expect(value('DATEDIF("2001-06-01", "2002-08-15", "D")')).toBe(440);
    expect(value('DATEDIF("2001-06-01", "2002-08-15", "YD")')).toBe(75);
    expect(value('DATEDIF("2001-06-01", "2002-08-15", "YM")')).toBe(2);
    expect(value('DATEDIF("2001-06-01", "2002-08-15", "MD")')).toBe(14);
    expect(value('DATEDIF("2001-06-01", "2002-08-15", "M")')).toBe(14);
  });

  it('counts a month complete once the day of month is reached', () => {
    expect(value('DATEDIF("2026-01-31", "2026-02-28", "M")')).toBe(0);
    expect(value('DATEDIF("2026-01-31", "2026-03-01", "M")')).toBe(1);
    expect(value('DATEDIF("2026-01-15", "2026-02-15", "M")')).toBe(1);
    expect(value('DATEDIF("2024-02-29", "2025-02-28", "Y")')).toBe(0);
    expect(value('DATEDIF("2024-02-29", "2025-03-01", "Y")')).toBe(1);
    expect(value('DATEDIF("1990-05-20", TODAY(), "Y")')).toBe(36);
  });

  it('never gives negative "MD" days after a month end (unlike Excel)', () => {
    expect(value('DATEDIF("2026-01-31", "2026-03-01", "MD")')).toBe(1);
    expect(value('DATEDIF("2026-01-15", "2026-03-10", "MD")')).toBe(23);
    expect(value('DATEDIF("2024-02-29", "2025-03-01", "YD")')).toBe(1);
  });

  it('ignores times of day and the case of the unit', () => {
    expect(value('DATEDIF("2026-01-01 23:00", "2026-01-02 01:00", "d")')).toBe(1);
    expect(value('DATEDIF("2026-11-27", "2026-11-27", "D")')).toBe(0);
    expect(value('DATEDIF("2026-01-01", "2027-06-01", " ym ")')).toBe(5);
  });

  it('rejects a start after the end, unknown units and bad dates', () => {
    expect(value('DATEDIF("2026-03-01", "2026-01-01", "D")')).toBe('#NUM!');
    expect(value('DATEDIF("2026-01-01", "2026-03-01", "W")')).toBe('#NUM!');
    expect(value('DATEDIF("soon", "2026-03-01", "D")')).toBe('#VALUE!');
    expect(value('DATEDIF(1 / 0, "2026-03-01", "D")')).toBe('#DIV/0!');
    expect(value('DATEDIF(start, "2026-03-01", "D")', {})).toBeNull();
  });
});

describe('DAYS', () => {
  it("matches Microsoft's examples and ignores times", () => {
    expect(value('DAYS("2021-03-15", "2021-02-01")')).toBe(42);
    expect(value('DAYS("2021-12-31", "2021-01-01")')).toBe(364);
    expect(value('DAYS("2021-01-01", "2021-12-31")')).toBe(-364);
    expect(value('DAYS("2026-11-27 01:00", "2026-11-26 23:00")')).toBe(1);
    expect(value('DAYS("2024-03-01", "2024-02-28")')).toBe(2);
    expect(value('DAYS(end, TODAY())', {})).toBeNull();
  });
});

describe('NETWORKDAYS', () => {
  const holidays = ['2012-11-22', '2012-12-04', '2013-01-21'];

  it("matches Microsoft's examples", () => {
    expect(value('NETWORKDAYS("2012-10-01", "2013-03-01")')).toBe(110);
    expect(value('NETWORKDAYS("2012-10-01", "2013-03-01", "2012-11-22")')).toBe(109);
    expect(value('NETWORKDAYS("2012-10-01", "2013-03-01", h)', { h: holidays })).toBe(107);
    expect(value('NETWORKDAYS("2013-03-01", "2012-10-01", h)', { h: holidays })).toBe(-107);
  });

  it('counts both ends and skips weekend holidays, duplicates, blanks and holidays out of range', () => {
    expect(value('NETWORKDAYS("2026-11-27", "2026-11-27")')).toBe(1);
    expect(value('NETWORKDAYS("2026-11-28", "2026-11-29")')).toBe(0);
    const h = ['2026-11-28', '2026-11-30', '2026-11-30', null, '', '2027-01-01'];
    expect(value('NETWORKDAYS("2026-11-23", "2026-12-04", h)', { h })).toBe(9);
  });

  it('reads holidays from a repeating table and array literals', () => {
    const data = { calendar: [{ day: '2026-10-01' }, { day: '2026-10-02' }, { day: '2026-10-05' }] };
    expect(value('NETWORKDAYS("2026-10-01", "2026-10-09", calendar[].day)', data)).toBe(4);
    expect(value('NETWORKDAYS("2026-10-01", "2026-10-09", {"2026-10-01", DATE(2026, 10, 2)})')).toBe(5);
  });

  it('agrees with counting day by day', () => {
    const base = Date.UTC(2026, 0, 1);
    const h = ['2026-01-07', '2026-01-10', '2026-02-02'];
    for (let a = 0; a < 40; a += 3) {
      for (let b = 0; b < 60; b += 7) {
        const [from, to] = a <= b ? [a, b] : [b, a];
        let count = 0;
        for (let d = from; d <= to; d++) {
          const ms = base + d * DAY;
          if (isWeekday(ms) && !h.includes(iso(ms))) count++;
        }
        const formula = `NETWORKDAYS("${iso(base + a * DAY)}", "${iso(base + b * DAY)}", h)`;
        expect(value(formula, { h })).toBe(a <= b ? count : -count);
      }
    }
  });

  it('costs no steps per day, however long the span', () => {
    const formula = 'NETWORKDAYS(DATE(1, 1, 1), DATE(9999, 12, 31))';
    expect(value(formula, {}, { stepBudget: 20 })).toBe(2_608_615);
  });

  it('rejects bad holidays and passes errors on', () => {
    expect(value('NETWORKDAYS("2026-11-01", "2026-11-30", {"2026-11-02", "someday"})')).toBe('#VALUE!');
    expect(value('NETWORKDAYS("2026-11-01", "2026-11-30", {"2026-11-02", 1 / 0})')).toBe('#DIV/0!');
    expect(value('NETWORKDAYS("2026-11-01", "never")')).toBe('#VALUE!');
  });
});

describe('WORKDAY', () => {
  it("matches Microsoft's examples", () => {
    expect(value('WORKDAY("2008-10-01", 151)')).toBe('2009-04-30');
    const h = ['2008-11-26', '2008-12-04', '2009-01-21'];
    expect(value('WORKDAY("2008-10-01", 151, h)', { h })).toBe('2009-05-05');
  });

  it('steps over weekends in both directions, from weekdays and weekends', () => {
    expect(value('WORKDAY("2026-11-27", 1)')).toBe('2026-11-30');
    expect(value('WORKDAY("2026-11-30", -1)')).toBe('2026-11-27');
    expect(value('WORKDAY("2026-11-28", 1)')).toBe('2026-11-30');
    expect(value('WORKDAY("2026-11-29", -1)')).toBe('2026-11-27');
    expect(value('WORKDAY("2026-11-28", 0)')).toBe('2026-11-28');
    expect(value('WORKDAY("2026-11-27 18:00", 5)')).toBe('2026-12-04');
    expect(value('WORKDAY("2026-11-27", 2.9)')).toBe('2026-12-01');
  });

  it('agrees with stepping day by day around holidays', () => {
    const base = Date.UTC(2026, 8, 20);
    const h = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-03'];
    const naive = (start: number, n: number): string => {
      let ms = start;
      for (let left = Math.abs(n); left > 0; ) {
        ms += Math.sign(n) * DAY;
        if (isWeekday(ms) && !h.includes(iso(ms))) left--;
      }
      return iso(ms);
    };
    for (let s = 0; s < 21; s += 2) {
      for (const n of [-12, -5, -1, 1, 3, 8, 15]) {
        const start = base + s * DAY;
        expect(value(`WORKDAY("${iso(start)}", ${n}, h)`, { h })).toBe(naive(start, n));
      }
    }
  });

  it('keeps to years 1 to 9999 and rejects bad arguments', () => {
    expect(value('WORKDAY("9999-12-31", 1)')).toBe('#NUM!');
    expect(value('WORKDAY("2026-11-27", 1e300)')).toBe('#NUM!');
    expect(value('WORKDAY("2026-11-27", "many")')).toBe('#VALUE!');
    expect(value('WORKDAY("2026-11-27", 1, "holiday")')).toBe('#VALUE!');
    expect(value('WORKDAY(start, 3)', {})).toBeNull();
  });
});

describe('EDATE and EOMONTH', () => {
  it("match Microsoft's examples", () => {
    expect(value('EDATE("2011-01-15", 1)')).toBe('2011-02-15');
    expect(value('EDATE("2011-01-15", -1)')).toBe('2010-12-15');
    expect(value('EDATE("2011-01-15", 2)')).toBe('2011-03-15');
    expect(value('EOMONTH("2011-01-01", 1)')).toBe('2011-02-28');
    expect(value('EOMONTH("2011-01-01", -3)')).toBe('2010-10-31');
  });

  it('clamp to the end of shorter months, leap years included', () => {
    expect(value('EDATE("2026-01-31", 1)')).toBe('2026-02-28');
    expect(value('EDATE("2024-01-31", 1)')).toBe('2024-02-29');
    expect(value('EDATE("2026-03-31", -1)')).toBe('2026-02-28');
    expect(value('EDATE("2026-05-31", 1)')).toBe('2026-06-30');
    expect(value('EDATE("2024-02-29", 12)')).toBe('2025-02-28');
    expect(value('EDATE("2024-02-29", 48)')).toBe('2028-02-29');
    expect(value('EDATE("2026-11-27", 1.9)')).toBe('2026-12-27');
    expect(value('EOMONTH("2024-02-10", 0)')).toBe('2024-02-29');
    expect(value('EOMONTH("2026-12-15", 2)')).toBe('2027-02-28');
    expect(value('EOMONTH("2026-01-31", -13)')).toBe('2024-12-31');
  });

  it('drop the time of day', () => {
    expect(value('EDATE("2026-01-31 10:00", 1)')).toBe('2026-02-28');
    expect(value('EOMONTH(NOW(), 0)')).toBe('2026-11-30');
  });

  it('keep to years 1 to 9999 and reject bad arguments', () => {
    expect(value('EDATE("9999-12-01", 1)')).toBe('#NUM!');
    expect(value('EOMONTH(DATE(1, 1, 15), -1)')).toBe('#NUM!');
    expect(value('EDATE("2026-01-31", "one")')).toBe('#VALUE!');
    expect(value('EDATE("someday", 1)')).toBe('#VALUE!');
    expect(value('EOMONTH(d, 1)', { d: '' })).toBeNull();
  });
});

describe('DATEVALUE', () => {
  it('reads date text, dropping the time', () => {
    expect(value('DATEVALUE("2026-11-27")')).toBe('2026-11-27');
    expect(value('DATEVALUE("2026/3/8")')).toBe('2026-03-08');
    expect(value('DATEVALUE("2026年11月27日")')).toBe('2026-11-27');
    expect(value('DATEVALUE("2026-11-27 18:30")')).toBe('2026-11-27');
    expect(value('DATEVALUE("2026-11-26T20:00:00Z")')).toBe('2026-11-27');
    expect(value('DATEVALUE("2026-11-26T20:00:00Z")', {}, { timeZone: 'UTC' })).toBe('2026-11-26');
  });

  it('rejects text that is no date', () => {
    expect(value('DATEVALUE("hello")')).toBe('#VALUE!');
    expect(value('DATEVALUE("2026-02-29")')).toBe('#VALUE!');
    expect(value('DATEVALUE("2026-11-27 25:00")')).toBe('#VALUE!');
    expect(value('DATEVALUE(d)', { d: '' })).toBeNull();
  });
});

describe('YEARFRAC', () => {
  it("matches Microsoft's examples", () => {
    expect(value('YEARFRAC("2012-01-01", "2012-07-30")')).toBeCloseTo(0.58055556, 8);
    expect(value('YEARFRAC("2012-01-01", "2012-07-30", 1)')).toBeCloseTo(0.57650273, 8);
    expect(value('YEARFRAC("2012-01-01", "2012-07-30", 3)')).toBeCloseTo(0.57808219, 8);
  });

  it('supports every basis, in either order', () => {
    expect(value('YEARFRAC("2012-07-30", "2012-01-01", 1)')).toBeCloseTo(0.57650273, 8);
    expect(value('YEARFRAC("2026-01-01", "2026-07-01", 2)')).toBeCloseTo(181 / 360, 12);
    expect(value('YEARFRAC("2026-01-31", "2026-03-31", 4)')).toBeCloseTo(60 / 360, 12);
    expect(value('YEARFRAC("2026-01-31", "2026-03-31", 0)')).toBeCloseTo(60 / 360, 12);
    expect(value('YEARFRAC("2026-01-30", "2026-03-31", 0)')).toBeCloseTo(60 / 360, 12);
    expect(value('YEARFRAC("2026-02-28", "2027-02-28", 0)')).toBeCloseTo(1, 12);
    // Across several years, actual/actual divides by the average length of the years spanned.
    expect(value('YEARFRAC("2023-06-01", "2025-06-01", 1)')).toBeCloseTo(731 / (1096 / 3), 12);
    expect(value('YEARFRAC("2023-03-01", "2024-03-01", 1)')).toBeCloseTo(1, 12);
  });

  it('rejects unknown bases', () => {
    expect(value('YEARFRAC("2026-01-01", "2026-07-01", 5)')).toBe('#NUM!');
    expect(value('YEARFRAC("2026-01-01", "later")')).toBe('#VALUE!');
  });
});
