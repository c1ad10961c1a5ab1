import { aggregateFunctions } from './aggregate.ts';
import { arrayFunctions } from './array.ts';
import { conditionalFunctions } from './conditional.ts';
import { dateFunctions } from './date.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { logicFunctions } from './logic.ts';
import { mathFunctions } from './math.ts';
import { textFunctions } from './text.ts';
import { textFormatFunctions } from './textFormat.ts';

// The implementations only: what checking and evaluating need. The documented functions are in
// catalog.ts, which the package exports as getFunction / listFunctions.
const registry = new Map<string, FunctionImpl>();
for (const spec of [
  ...logicFunctions,
  ...mathFunctions,
  ...aggregateFunctions,
  ...conditionalFunctions,
  ...textFunctions,
  ...textFormatFunctions,
  ...dateFunctions,
  ...arrayFunctions,
]) {
  if (registry.has(spec.name)) throw new Error(`formula function ${spec.name} is defined twice`);
  registry.set(spec.name, spec);
}

/** The built-in function with this name (case-insensitive), if any: signature and implementation. */
export function getFunction(name: string): FunctionImpl | undefined {
  // Names are registered upper-case, as the parser writes calls: try the name as it is first.
  return registry.get(name) ?? registry.get(name.toUpperCase());
}

/** Every built-in function, in registration order: signature and implementation. */
export function listFunctions(): readonly FunctionImpl[] {
  return [...registry.values()];
}
