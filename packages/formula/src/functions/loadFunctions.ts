import type { FunctionImpl, FunctionLookup } from './FunctionSpec.ts';

/** A module of built-in functions that a page loads when one of its formulas calls one of them. */
export interface FunctionModule {
  /** The upper-case names of its functions, separated by spaces (a test checks them against the module). */
  readonly names: string;
  readonly load: () => Promise<readonly FunctionImpl[]>;
}

// The modules registry.ts imports statically, each loaded here on its own: a form whose formulas call
// SUM and IF loads the aggregate and logic modules only, and one that calls no function loads none.
// Only these names are in the page's first bundle.
export const FUNCTION_MODULES: readonly FunctionModule[] = [
  {
    names: 'IF IFS SWITCH AND OR XOR NOT IFERROR IFNA ISBLANK ISNUMBER ISTEXT ISDATE ISERROR BLANK',
    load: async () => (await import('./logic.ts')).logicFunctions,
  },
  {
    names:
      'ROUND ROUNDUP ROUNDDOWN ABS INT TRUNC SIGN MOD POWER SQRT EXP LN LOG LOG10 PI CEILING FLOOR CLAMP',
    load: async () => (await import('./math.ts')).mathFunctions,
  },
  {
    names: 'SUM AVERAGE MIN MAX PRODUCT MEDIAN STDEV STDEVP COUNT COUNTA COUNTBLANK SUMPRODUCT RANK',
    load: async () => (await import('./aggregate.ts')).aggregateFunctions,
  },
  {
    names: 'COUNTIF COUNTIFS SUMIF AVERAGEIF SUMIFS AVERAGEIFS',
    load: async () => (await import('./conditional.ts')).conditionalFunctions,
  },
  {
    names:
      'CONCAT CONCATENATE TEXTJOIN LEN LEFT RIGHT MID UPPER LOWER PROPER TRIM REPT EXACT FIND SEARCH ' +
      'SUBSTITUTE REPLACE CONTAINS STARTSWITH ENDSWITH SPLIT VALUE UNICHAR CHAR UNICODE',
    load: async () => (await import('./text.ts')).textFunctions,
  },
  { names: 'TEXT', load: async () => (await import('./textFormat.ts')).textFormatFunctions },
  {
    names:
      'TODAY NOW DATE YEAR MONTH DAY HOUR MINUTE SECOND QUARTER WEEKDAY WEEKNUM ISOWEEKNUM DATEVALUE ' +
      'DATEDIF DAYS NETWORKDAYS WORKDAY EDATE EOMONTH YEARFRAC',
    load: async () => (await import('./date.ts')).dateFunctions,
  },
  {
    names: 'FILTER UNIQUE COUNTUNIQUE SORT SORTBY TAKE DROP FIRST LAST SEQUENCE INDEX MATCH XLOOKUP LOOKUP',
    load: async () => (await import('./array.ts')).arrayFunctions,
  },
];

const moduleOf = new Map<string, FunctionModule>();
for (const module of FUNCTION_MODULES) for (const name of module.names.split(' ')) moduleOf.set(name, module);

const loaded = new Map<string, FunctionImpl>();
const loading = new Map<FunctionModule, Promise<void>>();

function loadModule(module: FunctionModule): Promise<void> {
  let promise = loading.get(module);
  if (!promise) {
    promise = module.load().then((functions) => {
      for (const impl of functions) loaded.set(impl.name, impl);
    });
    // A failed load (a network error) may be tried again.
    promise.catch(() => loading.delete(module));
    loading.set(module, promise);
  }
  return promise;
}

/**
 * The loaded built-in functions. Names that are no built-in function give undefined (`#NAME?`, as
 * `compile` does); a built-in that was not loaded throws, so a missed name fails loudly instead of
 * evaluating to `#NAME?`.
 */
function loadedFunction(name: string): FunctionImpl | undefined {
  const upper = name.toUpperCase();
  const impl = loaded.get(upper);
  if (impl || !moduleOf.has(upper)) return impl;
  throw new Error(`formula function ${upper} is not loaded: pass it to loadFunctions first`);
}

/**
 * Loads the modules of the built-in functions named (as `calledFunctions` lists them; other names are
 * ignored) and resolves to a lookup of every function loaded so far, for `compileWith`. Each module is
 * loaded once.
 */
export async function loadFunctions(names: Iterable<string>): Promise<FunctionLookup> {
  const modules = new Set<FunctionModule>();
  for (const name of names) {
    const module = moduleOf.get(name.toUpperCase());
    if (module) modules.add(module);
  }
  await Promise.all([...modules].map(loadModule));
  return loadedFunction;
}
