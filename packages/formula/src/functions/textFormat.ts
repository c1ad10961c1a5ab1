import type { FunctionSpec } from './FunctionSpec.ts';

export const textFormatFunctions: readonly FunctionSpec[] = [];
