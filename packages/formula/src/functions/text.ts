import type { FunctionSpec } from './FunctionSpec.ts';

export const textFunctions: readonly FunctionSpec[] = [];
