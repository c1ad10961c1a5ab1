export type { FieldInfo, FieldKind } from './fields/fieldIndex.ts';
export { type FieldIndex, indexFields, qualifyDependency, tableOf } from './fields/fieldIndex.ts';
export { fieldTypesFor, formulaFieldTypes } from './fields/fieldScope.ts';
export { BUILT_IN_WIDGETS, defaultWidget, isCustomWidget } from './fields/widgets.ts';
export type {
  ImportNote,
  ImportOptions,
  ImportResult,
  ImportSeverity,
  ImportSource,
} from './importers/ImportResult.ts';
export { importJsonForms } from './importers/importJsonForms.ts';
export { importJsonSchema } from './importers/importJsonSchema.ts';
export { FORMULA_VARIABLES, notLogical } from './kinds/checkFormula.ts';
export { compareSemver, isSemverRange } from './kinds/checkPack.ts';
export { stepLinks } from './kinds/checkWorkflowGraph.ts';
export type { JsonTemplateFill } from './kinds/checkWorkflowHttp.ts';
export { fillJsonTemplate, fillUrlTemplate } from './kinds/checkWorkflowHttp.ts';
export { cronProblem, durationProblem, isTimeZone } from './kinds/checkWorkflowTimes.ts';
export type { DefinitionKind, ValidationContext } from './kinds/DefinitionKind.ts';
export { dashboardKind } from './kinds/dashboardKind.ts';
export { formKind } from './kinds/formKind.ts';
export { packKind } from './kinds/packKind.ts';
export {
  type FormLookup,
  newProblems,
  newRollupBreaks,
  rollupProblems,
  rollupSourceOf,
} from './kinds/rollupProblems.ts';
export { workflowKind } from './kinds/workflowKind.ts';
export type { JsonObject, Migration, MigrationSequence } from './migrations/Migration.ts';
export { createMigrationSequence, MigrationRefused, migrationId } from './migrations/Migration.ts';
export type { Migrate, MigrationResult } from './migrations/migrate.ts';
export { createMigrator, migrate } from './migrations/migrate.ts';
export { MIGRATION_SEQUENCES } from './migrations/sequences.ts';
export type { RecordCheckError } from './records/recordMessages.ts';
export {
  customMessage,
  emptyFieldIssues,
  fieldIssue,
  messageFor,
  REQUIRED_MESSAGE,
  recordIssue,
} from './records/recordMessages.ts';
export { fieldPath, fieldSchema, issuePointer } from './records/recordPaths.ts';
export type { FormRollup } from './records/rollupValue.ts';
export { rollupValue, valueAtPath } from './records/rollupValue.ts';
export type { RollupWhere } from './records/rollupWhere.ts';
export { compileRollupWhere } from './records/rollupWhere.ts';
export { spreadsheetSafe } from './records/spreadsheetSafe.ts';
export { toRecordSchema } from './records/toRecordSchema.ts';
export type { FormUnique, UniqueKey } from './records/uniqueKey.ts';
export { fieldPointer, uniqueKey, uniqueKeyText } from './records/uniqueKey.ts';
export type { FieldIssue, FieldValidator } from './records/validateField.ts';
export { compileFieldValidator } from './records/validateField.ts';
export type { RecordIssue, RecordValidator } from './records/validateRecord.ts';
export { compileRecordValidator } from './records/validateRecord.ts';
export type { DashboardDefinition, DashboardFilter } from './schemas/dashboardDefinition.ts';
export {
  DASHBOARD_SCHEMA_VERSION,
  DATE_RANGE_PRESETS,
  dashboardDefinitionSchema,
  dashboardFilterSchema,
} from './schemas/dashboardDefinition.ts';
export type { AggregateMeasure, ComputedMeasure, DashboardQuery } from './schemas/dashboardQuery.ts';
export { dashboardQuerySchema } from './schemas/dashboardQuery.ts';
export type { DashboardWidget, GridLayout, Thresholds, WidgetTarget } from './schemas/dashboardWidgets.ts';
export { COLORS, dashboardWidgetSchema } from './schemas/dashboardWidgets.ts';
export type {
  DataSchema,
  GroupFieldSchema,
  RowSchema,
  ScalarFieldSchema,
  TableFieldSchema,
} from './schemas/dataSchema.ts';
export { dataSchemaSchema } from './schemas/dataSchema.ts';
export type { FormAccess } from './schemas/formAccess.ts';
export { formAccessSchema, RECORD_SCOPES, ROLES } from './schemas/formAccess.ts';
export type { FormDefinition } from './schemas/formDefinition.ts';
export {
  FORM_SCHEMA_VERSION,
  formDefinitionSchema,
  ROLLUP_MEASURES,
  UNIQUE_MAX_FIELDS,
} from './schemas/formDefinition.ts';
export type { FieldNode, Layout, LayoutNode } from './schemas/layout.ts';
export { layoutNodeSchema, layoutSchema } from './schemas/layout.ts';
export type { LocalizedText } from './schemas/localizedText.ts';
export { localize, localizedTextSchema } from './schemas/localizedText.ts';
export type { TemplatePackManifest } from './schemas/templatePack.ts';
export { PACK_SCHEMA_VERSION, SEMVER_PATTERN, templatePackManifestSchema } from './schemas/templatePack.ts';
export { DEFAULT_TIME_ZONE, timeZoneSchema } from './schemas/timeZone.ts';
export type { WorkflowDefinition } from './schemas/workflowDefinition.ts';
export { WORKFLOW_SCHEMA_VERSION, workflowDefinitionSchema } from './schemas/workflowDefinition.ts';
export type { AssigneeRule, WorkflowStep } from './schemas/workflowSteps.ts';
export { assigneeRuleSchema, STEP_ID, workflowStepSchema } from './schemas/workflowSteps.ts';
export type {
  MetricStreakTrigger,
  RecordTrigger,
  ScheduleTrigger,
  WorkflowTrigger,
} from './schemas/workflowTriggers.ts';
export { workflowTriggerSchema } from './schemas/workflowTriggers.ts';
export type { DefinitionValidator } from './validate/createDefinitionValidator.ts';
export { createDefinitionValidator } from './validate/createDefinitionValidator.ts';
export type { DefinitionIssue, ValidationResult } from './validate/issues.ts';
export { pointer } from './validate/issues.ts';
export type { Definition } from './validate/validateDefinition.ts';
export { validateAs, validateDefinition } from './validate/validateDefinition.ts';
export type { FilledText, PlaceholderValues } from './workflow/fillPlaceholders.ts';
export { fillLocalized, fillPlaceholders, placeholders } from './workflow/fillPlaceholders.ts';
export type { StreakState, StreakStep } from './workflow/streakRule.ts';
export { isBadPeriod, stepStreak } from './workflow/streakRule.ts';
export { recordValueVariables, workflowVariables } from './workflow/workflowVariables.ts';
