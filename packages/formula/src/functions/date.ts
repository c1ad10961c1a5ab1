import type { FunctionSpec } from './FunctionSpec.ts';

export const dateFunctions: readonly FunctionSpec[] = [];
