import type { FunctionSpec } from './FunctionSpec.ts';

export const mathFunctions: readonly FunctionSpec[] = [];
