import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, FormulaSyntaxError, parse, print, type Value } from '../src/index.ts';
import { arbitraryAst, arbitraryData, withoutSpans } from './support/arbitraries.ts';
import { errorCode } from './support/run.ts';

function numbersIn(value: Value): number[] {
  if (Array.isArray(value)) return (value as readonly Value[]).flatMap(numbersIn);
  return typeof value === 'number' ? [value] : [];
}

describe('properties', () => {
  it('parse(print(ast)) gives the same tree back', () => {
    fc.assert(
      fc.property(arbitraryAst, (ast) => {
        expect(withoutSpans(parse(print(ast)))).toEqual(ast);
      }),
      { numRuns: 2000 },
    );
  });

  it('print is stable: printing a parsed printout changes nothing', () => {
    fc.assert(
      fc.property(arbitraryAst, (ast) => {
        const text = print(ast);
        expect(print(parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('evaluation never throws and never fails internally, for any formula and any data', () => {
    fc.assert(
      fc.property(arbitraryAst, arbitraryData, (ast, data) => {
        const value = evaluate(compile(ast), { data, timeZone: 'Asia/Shanghai', stepBudget: 10_000 });
        expect(errorCode(value)).not.toBe('#INTERNAL!');
        // Records never receive NaN or infinities: those become #NUM!.
        for (const n of numbersIn(value)) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('parse either returns an AST or throws a FormulaSyntaxError, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (text) => {
        try {
          parse(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FormulaSyntaxError);
          expect((error as FormulaSyntaxError).column).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
