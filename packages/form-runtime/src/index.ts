export type { FormEngine } from './engine/createFormEngine.ts';
export { createFormEngine, InvalidFormDefinitionError } from './engine/createFormEngine.ts';
export type {
  FieldState,
  FormContext,
  FormDraft,
  FormEngineOptions,
  FormIssue,
  FormState,
  SubmitResult,
  ValidateOn,
} from './engine/types.ts';
export type { PathSegment } from './paths.ts';
export { formatPath, getIn, parsePath, setIn } from './paths.ts';
