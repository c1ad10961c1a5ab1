import { civilNow } from '../context.ts';
import { dateOnly } from '../dates.ts';
import { T } from '../types.ts';
import { FormulaDate, FormulaError } from '../values.ts';
import { integerArg } from './args.ts';
import { dateResult, dayOf, isoWeekday, isoWeekNumber, isValidYear, utc, weekNumber } from './calendar.ts';
import { option, withDate } from './dateArgs.ts';
import { dateSpanFunctions } from './dateSpans.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

const part = (name: string, get: (d: Date) => number): FunctionImpl => ({
  name,
  category: 'date',
  minArgs: 1,
  maxArgs: 1,
  params: ['date'],
  returns: T.number,
  call: withDate((d) => get(new Date(d.ms))),
});

export const dateFunctions: readonly FunctionImpl[] = [
  {
    name: 'TODAY',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.date,
    call: (_, ctx) => dateOnly(new FormulaDate(civilNow(ctx), true)),
  },
  {
    name: 'NOW',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: T.date,
    call: (_, ctx) => new FormulaDate(civilNow(ctx), true),
  },
  {
    name: 'DATE',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['number', 'number', 'number'],
    returns: T.date,
    call: (args) => {
      const parts: number[] = [];
      for (const v of args) {
        const n = integerArg(v);
        if (n instanceof FormulaError) return n;
        parts.push(n);
      }
      const [year = 0, month = 0, day = 0] = parts;
      return isValidYear(year) ? dateResult(utc(year, month, day)) : functionError('#NUM!', 'dateRange');
    },
  },
  part('YEAR', (d) => d.getUTCFullYear()),
  part('MONTH', (d) => d.getUTCMonth() + 1),
  part('DAY', (d) => d.getUTCDate()),
  part('HOUR', (d) => d.getUTCHours()),
  part('MINUTE', (d) => d.getUTCMinutes()),
  part('SECOND', (d) => d.getUTCSeconds()),
  part('QUARTER', (d) => Math.floor(d.getUTCMonth() / 3) + 1),
  {
    name: 'WEEKDAY',
    category: 'date',
    minArgs: 1,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: T.number,
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
    call: withDate((d) => isoWeekNumber(dayOf(d))),
  },
  {
    name: 'DATEVALUE',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: T.date,
    call: withDate((d) => dateOnly(d)),
  },
  ...dateSpanFunctions,
];
