// `@formboard/form-runtime/headless`: the engine without the React renderer, for Node hosts (the
// server derives computed fields with it) that must not load React.
export { createFormEngine, InvalidFormDefinitionError } from './engine/createFormEngine.ts';
export type { FormEngine } from './engine/FormEngine.ts';
export { loadFormEngine } from './engine/loadFormEngine.ts';
export { openFormEngine } from './engine/openFormEngine.ts';
export type { RecordDeriver } from './engine/recordDeriver.ts';
export { compileRecordDeriver } from './engine/recordDeriver.ts';
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
