import { describe, expect, it } from 'vitest';
import { FUNCTION_MODULES } from '../src/functions/loadFunctions.ts';
import { listFunctions } from '../src/functions/registry.ts';
import { compile, compileWith, evaluate, FormulaError, loadFunctions, parse } from '../src/index.ts';

const run = (source: string, functions: Parameters<typeof compileWith>[1]) =>
  evaluate(compileWith(parse(source), functions), { data: { a: 2, b: 5 } });

describe('loadFunctions', () => {
  it('lists each module with exactly the functions it holds, and every built-in function once', async () => {
    const listed: string[] = [];
    for (const module of FUNCTION_MODULES) {
      const names = module.names.split(' ');
      expect((await module.load()).map((f) => f.name).sort()).toEqual([...names].sort());
      listed.push(...names);
    }
    expect(listed.sort()).toEqual(
      listFunctions()
        .map((f) => f.name)
        .sort(),
    );
  });

  it('loads the modules of the functions named; the lookup refuses a built-in that was not loaded', async () => {
    const functions = await loadFunctions(['sum', 'IF', 'NOSUCH']);
    expect(run('IF(SUM(a, b) > 6, "big", "small")', functions)).toBe('big');
    expect(functions('AVERAGE')?.name).toBe('AVERAGE'); // in SUM's module
    expect(() => run('TEXT(a, "0.00")', functions)).toThrow(/TEXT is not loaded/);
  });

  it('gives what compile gives: #NAME? for unknown functions, the same values for loaded ones', async () => {
    const functions = await loadFunctions(['TEXT', 'ROUND']);
    for (const source of ['TEXT(b / a, "0.00")', 'ROUND(b / 3, 2)', 'NOSUCH(a)', 'ROUND(a)']) {
      const lazy = run(source, functions);
      const eager = evaluate(compile(parse(source)), { data: { a: 2, b: 5 } });
      expect(lazy).toEqual(eager);
    }
    expect(run('NOSUCH(a)', functions)).toBeInstanceOf(FormulaError);
  });

  it('resolves at once when no built-in function is named', async () => {
    const functions = await loadFunctions([]);
    expect(run('a * b', functions)).toBe(10);
  });
});
