import type { FunctionSpec } from './FunctionSpec.ts';

export const arrayFunctions: readonly FunctionSpec[] = [];
