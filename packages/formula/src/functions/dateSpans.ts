import { dateOnly } from '../dates.ts';
import { T } from '../types.ts';
import { describeValue, FormulaError, MS_PER_DAY } from '../values.ts';
import { integerArg, textArg } from './args.ts';
import {
  addMonths,
  addWeekdays,
  countWeekdays,
  dateResult,
  dayOf,
  isoWeekday,
  utc,
  wholeMonths,
  yearFraction,
} from './calendar.ts';
import { holidayDays, option, withDate, withTwoDates } from './dateArgs.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

const DATEDIF_UNITS = ['Y', 'M', 'D', 'MD', 'YM', 'YD'];

/** Date functions over spans of time: differences, working days, month offsets. */
export const dateSpanFunctions: readonly FunctionImpl[] = [
  {
    name: 'DATEDIF',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['date', 'date', 'string'],
    returns: T.number,
    call: withTwoDates((first, last, args) => {
      const unit = textArg(args[2]);
      if (unit instanceof FormulaError) return unit;
      const key = unit.trim().toUpperCase();
      if (!DATEDIF_UNITS.includes(key)) {
        return functionError('#NUM!', 'badOption', {
          name: 'DATEDIF',
          value: describeValue(unit),
          options: DATEDIF_UNITS.join(', '),
        });
      }
      const [start, end] = [dateOnly(first), dateOnly(last)];
      if (start.ms > end.ms) return functionError('#NUM!', 'startAfterEnd', { name: 'DATEDIF' });
      const months = wholeMonths(start, end);
      const days = (from: number): number => dayOf(end) - from / MS_PER_DAY;
      switch (key) {
        case 'Y':
          return Math.floor(months / 12);
        case 'M':
          return months;
        case 'D':
          return days(start.ms);
        case 'YM':
          return months % 12;
        // Days past the last whole month / year. Excel's "MD" can go negative after month ends
        // (Jan 31 → Mar 1 gives −2); counting from the clamped anniversary (Feb 28) gives 1.
        case 'MD':
          return days(addMonths(start, months));
        default:
          return days(addMonths(start, months - (months % 12)));
      }
    }),
  },
  {
    name: 'DAYS',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'date'],
    returns: T.number,
    call: withTwoDates((end, start) => dayOf(end) - dayOf(start)),
  },
  {
    name: 'NETWORKDAYS',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'date', 'values'],
    returns: T.number,
    call: withTwoDates((start, end, args, ctx) => {
      const holidays = holidayDays(args[2], ctx);
      if (holidays instanceof FormulaError) return holidays;
      const [a, b] = [dayOf(start), dayOf(end)];
      const [from, to] = a <= b ? [a, b] : [b, a];
      let count = countWeekdays(from, to);
      for (const h of holidays) if (h >= from && h <= to && isoWeekday(h) < 5) count--;
      return a <= b ? count : -count;
    }),
  },
  {
    name: 'WORKDAY',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'number', 'values'],
    returns: T.date,
    call: withDate((start, args, ctx) => {
      const n = integerArg(args[1]);
      if (n instanceof FormulaError) return n;
      const holidays = holidayDays(args[2], ctx);
      if (holidays instanceof FormulaError) return holidays;
      const from = dayOf(start);
      let day = n === 0 ? from : addWeekdays(from, n);
      // Each holiday passed on the way pushes the result one more working day out; going through the
      // holidays in travel order catches those the pushed result runs into.
      const sign = Math.sign(n);
      const ordered = [...holidays].filter((h) => isoWeekday(h) < 5).sort((x, y) => sign * (x - y));
      for (const h of ordered) {
        if (sign * (h - from) > 0 && sign * (day - h) >= 0) day = addWeekdays(day, sign);
      }
      return dateResult(day * MS_PER_DAY);
    }),
  },
  {
    name: 'EDATE',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: T.date,
    call: withDate((start, args) => {
      const months = integerArg(args[1]);
      if (months instanceof FormulaError) return months;
      return dateResult(addMonths(start, months));
    }),
  },
  {
    name: 'EOMONTH',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: T.date,
    call: withDate((start, args) => {
      const months = integerArg(args[1]);
      if (months instanceof FormulaError) return months;
      const d = new Date(start.ms);
      return dateResult(utc(d.getUTCFullYear(), d.getUTCMonth() + 2 + months, 0));
    }),
  },
  {
    name: 'YEARFRAC',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'date', 'number'],
    returns: T.number,
    call: withTwoDates((first, last, args) => {
      const basis = option('YEARFRAC', args[2], 0, [0, 1, 2, 3, 4]);
      if (basis instanceof FormulaError) return basis;
      const [a, b] = [dateOnly(first), dateOnly(last)];
      return a.ms <= b.ms ? yearFraction(a, b, basis) : yearFraction(b, a, basis);
    }),
  },
];
