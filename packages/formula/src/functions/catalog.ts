import { aggregateDocs } from './docs/aggregate.ts';
import { arrayDocs } from './docs/array.ts';
import { conditionalDocs } from './docs/conditional.ts';
import { dateDocs } from './docs/date.ts';
import { dateSpansDocs } from './docs/dateSpans.ts';
import { logicDocs } from './docs/logic.ts';
import { lookupDocs } from './docs/lookup.ts';
import { mathDocs } from './docs/math.ts';
import { textDocs } from './docs/text.ts';
import { textConvertDocs } from './docs/textConvert.ts';
import { textFormatDocs } from './docs/textFormat.ts';
import { textSearchDocs } from './docs/textSearch.ts';
import type { FunctionDoc, FunctionSpec } from './FunctionSpec.ts';
import { listFunctions as listImplementations } from './registry.ts';

// The documented functions: each implementation with its syntax, zh-CN/en description and tested
// examples. Only docs, autocomplete and the designer's palette import this; evaluating formulas does
// not, so a form page's bundle leaves the documentation out.
const docs: Readonly<Record<string, FunctionDoc>> = {
  ...logicDocs,
  ...mathDocs,
  ...aggregateDocs,
  ...conditionalDocs,
  ...textDocs,
  ...textSearchDocs,
  ...textConvertDocs,
  ...textFormatDocs,
  ...dateDocs,
  ...dateSpansDocs,
  ...arrayDocs,
  ...lookupDocs,
};

let catalog: ReadonlyMap<string, FunctionSpec> | undefined;

function documented(): ReadonlyMap<string, FunctionSpec> {
  if (!catalog) {
    const specs = new Map<string, FunctionSpec>();
    for (const impl of listImplementations()) {
      const doc = Object.hasOwn(docs, impl.name) ? docs[impl.name] : undefined;
      if (!doc) throw new Error(`formula function ${impl.name} has no documentation in functions/docs/`);
      specs.set(impl.name, { ...impl, ...doc });
    }
    const extra = Object.keys(docs).filter((name) => !specs.has(name));
    if (extra.length > 0)
      throw new Error(`documented functions without an implementation: ${extra.join(', ')}`);
    catalog = specs;
  }
  return catalog;
}

/** The built-in function with this name (case-insensitive), if any, with its documentation. */
export function getFunction(name: string): FunctionSpec | undefined {
  return documented().get(name.toUpperCase());
}

/** Every built-in function, in registration order (for docs, autocomplete and the designer's palette). */
export function listFunctions(): readonly FunctionSpec[] {
  return [...documented().values()];
}
