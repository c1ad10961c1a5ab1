/**
 * Formula engine benchmark: @formboard/formula against jexl, json-logic-js and expr-eval.
 * Run with `pnpm bench` from the repository root. See bench/formula/README.md for what is measured and how.
 */
import os from 'node:os';
import { type CompiledFormula, compile, evaluate, FormulaError, parse } from '@formboard/formula';
import { type Expression as ExprEvalExpression, Parser } from 'expr-eval';
import jexlModule from 'jexl';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { type BenchCase, type BenchRecord, cases } from './cases.ts';

/** Evaluations timed per measurement. */
const ITERATIONS = 1_000_000;
/** Times each measurement is repeated; the median is reported. */
const RUNS = 3;
/** Compiles per compile measurement (the reported figure is the mean of one measurement, median of RUNS). */
const COMPILES = 1000;
/** Iterations of each of the two short calibration runs that start every warm-up. */
const CALIBRATION_ITERATIONS = 10_000;
/** The warm-up after calibration runs this long (at most WARMUP_ITERATIONS evaluations). */
const WARMUP_MS = 1000;
const WARMUP_ITERATIONS = 200_000;
/**
 * A peer projected to need longer than this for ITERATIONS evaluations is timed on fewer evaluations
 * (about EXTRAPOLATED_RUN_MS worth per run) and its time is extrapolated; the output says so.
 * formboard, the engine under test, is always timed on the full ITERATIONS.
 */
const EXTRAPOLATE_ABOVE_MS = 10_000;
const EXTRAPOLATED_RUN_MS = 4000;
/** The goal from the issue: formboard at least this many times faster than the fastest peer. */
const GOAL = 2;

type EngineName = 'formboard' | 'jexl' | 'json-logic' | 'expr-eval';

/** One engine, ready to run one case. */
interface Engine {
  readonly name: EngineName;
  /** Prepares the case once (parse + compile); undefined when the engine has no compile step. */
  readonly compileOnce: (() => unknown) | undefined;
  /** Evaluates one record (for the correctness check). */
  readonly evaluateOne: (record: BenchRecord) => unknown;
  /** Evaluates `n` records, cycling through the case's records, and returns the sum of the results. */
  readonly loop: (n: number) => number;
}

// --- Engines -------------------------------------------------------------------------------------------
// Each engine has its own hand-written loop, so every call site in a timed loop sees one engine only.

const jexl = new jexlModule.Jexl();
// jexl has no MIN; a KPI scorecard built on jexl would register one like this.
jexl.addFunction('min', (...values: number[]) => Math.min(...values));

type JexlExpression = ReturnType<typeof jexl.compile>;

const exprParser = new Parser();

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function formboardLoop(compiled: CompiledFormula, records: readonly BenchRecord[], n: number): number {
  const count = records.length;
  let sum = 0;
  for (let i = 0, j = 0; i < n; i++) {
    sum += numberOf(evaluate(compiled, { data: records[j] }));
    if (++j === count) j = 0;
  }
  return sum;
}

function jexlLoop(expression: JexlExpression, records: readonly BenchRecord[], n: number): number {
  const count = records.length;
  let sum = 0;
  for (let i = 0, j = 0; i < n; i++) {
    sum += numberOf(expression.evalSync(records[j]));
    if (++j === count) j = 0;
  }
  return sum;
}

function jsonLogicLoop(rule: RulesLogic, records: readonly BenchRecord[], n: number): number {
  const count = records.length;
  let sum = 0;
  for (let i = 0, j = 0; i < n; i++) {
    sum += numberOf(jsonLogic.apply(rule, records[j]));
    if (++j === count) j = 0;
  }
  return sum;
}

function exprEvalLoop(expression: ExprEvalExpression, records: readonly BenchRecord[], n: number): number {
  const count = records.length;
  let sum = 0;
  for (let i = 0, j = 0; i < n; i++) {
    sum += numberOf(expression.evaluate(records[j]));
    if (++j === count) j = 0;
  }
  return sum;
}

function engines(c: BenchCase): readonly Engine[] {
  const compiled = compile(parse(c.formula));
  const jexlExpression = jexl.compile(c.jexl);
  const exprEvalExpression = exprParser.parse(c.exprEval);
  return [
    {
      name: 'formboard',
      compileOnce: () => compile(parse(c.formula)),
      evaluateOne: (record) => evaluate(compiled, { data: record }),
      loop: (n) => formboardLoop(compiled, c.records, n),
    },
    {
      name: 'jexl',
      compileOnce: () => jexl.compile(c.jexl),
      evaluateOne: (record) => jexlExpression.evalSync(record),
      loop: (n) => jexlLoop(jexlExpression, c.records, n),
    },
    {
      name: 'json-logic',
      compileOnce: undefined,
      evaluateOne: (record) => jsonLogic.apply(c.jsonLogic, record),
      loop: (n) => jsonLogicLoop(c.jsonLogic, c.records, n),
    },
    {
      name: 'expr-eval',
      compileOnce: () => exprParser.parse(c.exprEval),
      evaluateOne: (record) => exprEvalExpression.evaluate(record),
      loop: (n) => exprEvalLoop(exprEvalExpression, c.records, n),
    },
  ];
}

// --- Correctness ---------------------------------------------------------------------------------------

function describe(value: unknown): string {
  if (value instanceof FormulaError) return `${value.code} (${value.message.en})`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Every engine must return the same number as formboard for every record; returns the problems. */
function verify(c: BenchCase, list: readonly Engine[]): { problems: string[]; expected: number[] } {
  const problems: string[] = [];
  const expected: number[] = [];
  c.records.forEach((record, index) => {
    const results = list.map((engine) => {
      try {
        return engine.evaluateOne(record);
      } catch (error) {
        return error instanceof Error ? `threw ${error.message}` : 'threw';
      }
    });
    const [reference] = results;
    expected.push(numberOf(reference));
    const agree = typeof reference === 'number' && results.every((r) => Object.is(r, reference));
    if (!agree && problems.length < 5) {
      const got = list.map((engine, i) => `${engine.name} = ${describe(results[i])}`).join(', ');
      problems.push(`record #${index} ${JSON.stringify(record)}: ${got}`);
    }
  });
  return { problems, expected };
}

/** The checksum a correct loop over `n` evaluations must return (same additions, same order). */
function expectedChecksum(expected: readonly number[], n: number): number {
  let sum = 0;
  for (let i = 0, j = 0; i < n; i++) {
    sum += expected[j] as number;
    if (++j === expected.length) j = 0;
  }
  return sum;
}

// --- Timing --------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nanoseconds per evaluation over one loop of `n` evaluations, and the loop's checksum. */
function timeLoop(engine: Engine, n: number): { ns: number; checksum: number } {
  const start = process.hrtime.bigint();
  const checksum = engine.loop(n);
  const elapsed = process.hrtime.bigint() - start;
  return { ns: Number(elapsed) / n, checksum };
}

/** Median over RUNS of the mean microseconds per compile (COMPILES compiles each), after a warm-up. */
function timeCompile(engine: EngineName, compileOnce: () => unknown): number {
  let made = 0;
  for (let i = 0; i < COMPILES / 10; i++) if (compileOnce() !== undefined) made++;
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < COMPILES; i++) if (compileOnce() !== undefined) made++;
    runs.push(Number(process.hrtime.bigint() - start) / COMPILES / 1000);
  }
  // Using every compiled result keeps V8 from discarding the work.
  if (made !== COMPILES / 10 + RUNS * COMPILES) fail(`${engine}: a compile returned nothing`);
  return median(runs);
}

interface Measurement {
  readonly engine: EngineName;
  readonly compileUs: number | undefined;
  readonly nsPerEval: number;
  /** Evaluations actually timed per run (ITERATIONS unless extrapolated). */
  readonly iterations: number;
}

function measureCase(c: BenchCase, list: readonly Engine[], expected: readonly number[]): Measurement[] {
  const plans = list.map((engine) => {
    // Calibrate (the second short run estimates the speed once the code is hot), then warm up.
    timeLoop(engine, CALIBRATION_ITERATIONS);
    const { ns } = timeLoop(engine, CALIBRATION_ITERATIONS);
    const projectedMs = (ns * ITERATIONS) / 1e6;
    const iterations =
      engine.name === 'formboard' || projectedMs <= EXTRAPOLATE_ABOVE_MS
        ? ITERATIONS
        : Math.max(CALIBRATION_ITERATIONS, Math.round((EXTRAPOLATED_RUN_MS * 1e6) / ns / 1e4) * 1e4);
    timeLoop(engine, Math.min(WARMUP_ITERATIONS, iterations, Math.round((WARMUP_MS * 1e6) / ns)));
    return { engine, iterations, runs: [] as number[] };
  });
  // Interleave the runs (round-robin over engines) so drifts in machine load hit every engine alike.
  const checksums = new Map<number, number>();
  for (let run = 0; run < RUNS; run++) {
    for (const plan of plans) {
      const { ns, checksum } = timeLoop(plan.engine, plan.iterations);
      let want = checksums.get(plan.iterations);
      if (want === undefined) {
        want = expectedChecksum(expected, plan.iterations);
        checksums.set(plan.iterations, want);
      }
      if (!Object.is(checksum, want)) {
        fail(
          `${c.name}: ${plan.engine.name} checksum ${checksum} over ${plan.iterations} evaluations, expected ${want}`,
        );
      }
      plan.runs.push(ns);
    }
  }
  return plans.map((plan) => ({
    engine: plan.engine.name,
    compileUs: plan.engine.compileOnce ? timeCompile(plan.engine.name, plan.engine.compileOnce) : undefined,
    nsPerEval: median(plan.runs),
    iterations: plan.iterations,
  }));
}

// --- Output --------------------------------------------------------------------------------------------

function fail(text: string): never {
  console.error(`\nFAILED: ${text}`);
  process.exit(1);
}

function fixed(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An iteration count: 1M, 120k. */
function count(n: number): string {
  if (n >= 1e6) return `${n / 1e6}M`;
  return n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${fixed(perSecond / 1e6, 2)} M`;
  if (perSecond >= 1e3) return `${fixed(perSecond / 1e3, 1)} k`;
  return fixed(perSecond, 0);
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, col) => {
          const width = widths[col] ?? 0;
          return rightAligned[col] ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function report(c: BenchCase, results: readonly Measurement[]): string {
  const ours = results.find((r) => r.engine === 'formboard');
  if (!ours) throw new Error('formboard was not measured');
  const rows: string[][] = [
    ['engine', 'compile µs', 'ns/eval', 'evals/s', `time for ${count(ITERATIONS)}`, 'vs formboard'],
  ];
  const notes: string[] = [];
  for (const r of results) {
    const ratio = r.nsPerEval / ours.nsPerEval;
    const extrapolated = r.iterations < ITERATIONS;
    if (extrapolated) {
      notes.push(
        `  * ${r.engine}: timed on ${count(r.iterations)} evaluations per run, extrapolated to ${count(ITERATIONS)}`,
      );
    }
    rows.push([
      r.engine,
      r.compileUs === undefined ? 'n/a (none)' : fixed(r.compileUs, 1),
      fixed(r.nsPerEval, 1),
      rate(1e9 / r.nsPerEval),
      `${fixed((r.nsPerEval * ITERATIONS) / 1e6, 0)} ms${extrapolated ? ' *' : ''}`,
      r === ours ? '—' : ratio >= 1 ? `${fixed(ratio, 1)}× slower` : `${fixed(1 / ratio, 1)}× faster`,
    ]);
  }
  const peers = results.filter((r) => r !== ours);
  const fastest = peers.reduce((a, b) => (b.nsPerEval < a.nsPerEval ? b : a));
  const speedup = fastest.nsPerEval / ours.nsPerEval;
  const verdict =
    speedup >= GOAL
      ? `${GOAL}× goal met`
      : `${GOAL}× goal NOT met (formboard ${fixed(ours.nsPerEval, 1)} ns vs ${fastest.engine} ${fixed(fastest.nsPerEval, 1)} ns)`;
  return [
    `Case ${c.name}: ${c.description}`,
    `  formula: ${c.formula.length > 100 ? `${c.formula.slice(0, 97)}...` : c.formula}`,
    '',
    table(rows, [false, true, true, true, true, false]),
    ...notes,
    '',
    `${c.name}: formboard vs fastest peer (${fastest.engine}): ${fixed(speedup, 1)}× — ${verdict}`,
  ].join('\n');
}

// --- Main ----------------------------------------------------------------------------------------------

function main(): void {
  const began = process.hrtime.bigint();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `Formula engine benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${cpu}, ${os.availableParallelism()} cores`,
  );
  console.log(
    `${count(ITERATIONS)} evaluations per run over ${cases[0]?.records.length ?? 0} cycled records, ` +
      `median of ${RUNS} runs; compile = mean of ${COMPILES} parse+compile, median of ${RUNS} runs.`,
  );
  console.log(
    'json-logic has no compile step: its rule object is interpreted on every apply. ' +
      'jexl: compiled Expression.evalSync. expr-eval: Parser.parse once, then evaluate.\n',
  );
  const summary: string[] = [];
  for (const c of cases) {
    const list = engines(c);
    const { problems, expected } = verify(c, list);
    if (problems.length > 0) {
      fail(
        `engines disagree on case ${c.name} (first ${problems.length} differences):\n  ${problems.join('\n  ')}`,
      );
    }
    const results = measureCase(c, list, expected);
    const text = report(c, results);
    console.log(`${text}\n`);
    summary.push(text.split('\n').at(-1) ?? '');
  }
  console.log(summary.join('\n'));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  console.log(`\nTotal run time ${fixed(seconds, 1)} s.`);
}

main();
