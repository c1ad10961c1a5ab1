/**
 * Benchmark cases: each is one computation written four ways — as a Formboard formula, a jexl expression,
 * a JSON Logic rule and an expr-eval expression — plus the records it is evaluated against.
 * Every version performs the same arithmetic in the same order, so all engines return the very same number
 * (run.ts checks this before timing anything).
 */
import type { RulesLogic } from 'json-logic-js';

/** A record as every engine reads it: plain field values by key. */
export type BenchRecord = Readonly<Record<string, number | string>>;

export interface BenchCase {
  readonly name: string;
  readonly description: string;
  /** @formboard/formula source text. */
  readonly formula: string;
  /** jexl expression; `min` is added to the jexl instance by run.ts (jexl has no built-in MIN). */
  readonly jexl: string;
  /** JSON Logic rule (json-logic-js has no compile step: the rule object is interpreted on every apply). */
  readonly jsonLogic: RulesLogic;
  /** expr-eval expression. */
  readonly exprEval: string;
  /** Records cycled through during timing, so no result is constant. */
  readonly records: readonly BenchRecord[];
}

/** How many distinct records each case cycles through. */
export const RECORD_COUNT = 1000;

/** Deterministic PRNG (mulberry32) so every run times the same records. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max) rounded to `digits` decimals, as a form field would store it. */
function pick(next: () => number, min: number, max: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round((min + next() * (max - min)) * scale) / scale;
}

// ---------------------------------------------------------------------------------------------------------
// 1. KPI scorecard row
//
// A KPI row scores 0 when its completion rate (actual / target) is under the row's threshold. Otherwise a
// completed KPI earns its weight times the completion rate, capped at 120% (over-achievement bonus); a KPI
// still in progress earns at most 100%, discounted by 20%. The score is shown out of 100.
// ---------------------------------------------------------------------------------------------------------

const DONE = '已完成';
const STATUSES = [DONE, DONE, '进行中', '进行中', '未开始'] as const;

const ratio = { '/': [{ var: 'actual' }, { var: 'target' }] } satisfies RulesLogic;

const scorecard: BenchCase = {
  name: 'scorecard',
  description:
    'KPI scorecard row: threshold IF, status IF, capped ratio MIN, weight (5 fields, 2 IFs, 2 MINs)',
  formula:
    'IF(actual / target < threshold, 0, ' +
    'IF(status = "已完成", weight * MIN(actual / target, 1.2), weight * MIN(actual / target, 1) * 0.8) * 100)',
  jexl:
    'actual / target < threshold ? 0 : ' +
    '(status == "已完成" ? weight * min(actual / target, 1.2) : weight * min(actual / target, 1) * 0.8) * 100',
  jsonLogic: {
    if: [
      { '<': [ratio, { var: 'threshold' }] },
      0,
      {
        '*': [
          {
            if: [
              { '==': [{ var: 'status' }, DONE] },
              { '*': [{ var: 'weight' }, { min: [ratio, 1.2] }] },
              { '*': [{ var: 'weight' }, { min: [ratio, 1] }, 0.8] },
            ],
          },
          100,
        ],
      },
    ],
  },
  exprEval:
    'actual / target < threshold ? 0 : ' +
    '(status == "已完成" ? weight * min(actual / target, 1.2) : weight * min(actual / target, 1) * 0.8) * 100',
  records: (() => {
    const next = random(20260101);
    const records: BenchRecord[] = [];
    for (let i = 0; i < RECORD_COUNT; i++) {
      const target = pick(next, 50, 500, 0);
      records.push({
        status: STATUSES[i % STATUSES.length] as string,
        weight: pick(next, 0.05, 0.3, 2),
        actual: pick(next, 0, target * 1.5, 1),
        target,
        threshold: i % 3 === 0 ? 0.5 : 0.6,
      });
    }
    return records;
  })(),
};

// ---------------------------------------------------------------------------------------------------------
// 2. 50-term weighted sum: a1 * w1 + a2 * w2 + … + a25 * w25 (50 field references, 25 products, 24 sums).
// ---------------------------------------------------------------------------------------------------------

const PAIRS = 25;
const pairIndexes = Array.from({ length: PAIRS }, (_, i) => i + 1);
const sumText = pairIndexes.map((i) => `a${i} * w${i}`).join(' + ');

const fiftyTerms: BenchCase = {
  name: '50-term',
  description: `50-term weighted sum: ${pairIndexes
    .slice(0, 2)
    .map((i) => `a${i} * w${i}`)
    .join(' + ')} + … + a${PAIRS} * w${PAIRS}`,
  formula: sumText,
  jexl: sumText,
  // json-logic's "+" is variadic and adds left to right from 0, so it sums in the same order as the others.
  jsonLogic: { '+': pairIndexes.map((i) => ({ '*': [{ var: `a${i}` }, { var: `w${i}` }] })) },
  exprEval: sumText,
  records: (() => {
    const next = random(20260102);
    const records: BenchRecord[] = [];
    for (let r = 0; r < RECORD_COUNT; r++) {
      const record: Record<string, number> = {};
      for (const i of pairIndexes) {
        record[`a${i}`] = pick(next, 0, 100, 1);
        record[`w${i}`] = pick(next, 0, 1, 2);
      }
      records.push(record);
    }
    return records;
  })(),
};

export const cases: readonly BenchCase[] = [scorecard, fiftyTerms];
