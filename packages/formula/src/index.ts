export type { BinaryOperator, Node, PathSegment, Span, UnaryOperator } from './ast.ts';
export { pathText, variableText } from './ast.ts';
export type { CheckOptions, CheckResult, FieldTypeLookup, FieldTypes } from './check.ts';
export { check } from './check.ts';
export { toBoolean, toDate, toNumber, toText } from './coerce.ts';
export type { CompiledFormula, CompileOptions } from './compile.ts';
export { compile, compileWith } from './compile.ts';
export { civilMsAt } from './dates.ts';
export { calledFunctions, dependencies, walk } from './dependencies.ts';
export type { DependencyGraph, DependencyMap } from './dependencyGraph.ts';
export { columnPath, createDependencyGraph, pathsOverlap } from './dependencyGraph.ts';
export type { Scope } from './evaluate.ts';
export { DEFAULT_STEP_BUDGET, evaluate } from './evaluate.ts';
export type { FormulaIssue } from './FormulaIssue.ts';
export { FormulaSyntaxError } from './FormulaSyntaxError.ts';
export type { AnalyzedFormula, PreparedFormula, RejectedFormula } from './formula.ts';
export { analyzeFormula, prepareFormula } from './formula.ts';
export { fromJS, toJSONValue } from './fromJS.ts';
export { getFunction, listFunctions } from './functions/catalog.ts';
export type {
  FunctionDoc,
  FunctionExample,
  FunctionImpl,
  FunctionLookup,
  FunctionSpec,
  ParamKind,
} from './functions/FunctionSpec.ts';
export { loadFunctions } from './functions/loadFunctions.ts';
export type { Locale, LocalizedMessage } from './messages.ts';
export { isReservedWord, MAX_DEPTH, MAX_LENGTH, parse } from './parse.ts';
export { print } from './print.ts';
export { suggest } from './suggest.ts';
export type { FormulaType, TypeName } from './types.ts';
export { arrayOf, T, toType, typeName } from './types.ts';
export type { ErrorCode, Scalar, Value } from './values.ts';
export { FormulaDate, FormulaError, isError } from './values.ts';
