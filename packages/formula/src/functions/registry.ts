import { aggregateFunctions } from './aggregate.ts';
import { arrayFunctions } from './array.ts';
import { conditionalFunctions } from './conditional.ts';
import { dateFunctions } from './date.ts';
import type { FunctionSpec } from './FunctionSpec.ts';
import { logicFunctions } from './logic.ts';
import { mathFunctions } from './math.ts';
import { textFunctions } from './text.ts';
import { textFormatFunctions } from './textFormat.ts';

const registry = new Map<string, FunctionSpec>();
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

/** The built-in function with this name (case-insensitive), if any. */
export function getFunction(name: string): FunctionSpec | undefined {
  return registry.get(name.toUpperCase());
}

/** Every built-in function, in registration order (for docs, autocomplete and the designer's palette). */
export function listFunctions(): readonly FunctionSpec[] {
  return [...registry.values()];
}
