/** The context variables every formula may read (validation's own list, from @formboard/schema). */
export { FORMULA_VARIABLES } from '@formboard/schema';
export type { Applied, Command, CommandResult, Outcome, Refused } from './core/Command.ts';
export { isRefused, refuse } from './core/Command.ts';
export { fromClipboardText, toClipboardText } from './core/clipboardText.ts';
export type {
  DocumentState,
  DocumentStore,
  DocumentStoreOptions,
  LastChange,
} from './core/createDocumentStore.ts';
export { createDocumentStore } from './core/createDocumentStore.ts';
export type { DocumentAdapter } from './core/DocumentAdapter.ts';
export type { HistoryEntry, Stack } from './core/history.ts';
export { entries } from './core/history.ts';
// Dashboard designer: headless (src/dashboard) and React (src/react/dashboard).
export * from './dashboard/index.ts';
export { addItem } from './form/commands/addItem.ts';
export { moveNodes } from './form/commands/moveNodes.ts';
export { removeNodes } from './form/commands/removeNodes.ts';
export { renameKey } from './form/commands/renameKey.ts';
export { setProperty } from './form/commands/setProperty.ts';
export { setRollup, setRollupWhere } from './form/commands/setRollup.ts';
export type { FormDesignerOptions, FormDesignerStore } from './form/createFormDesigner.ts';
export { createEmptyForm, createFormDesigner } from './form/createFormDesigner.ts';
export { createDefaultPalette, FIELD_ITEMS, LAYOUT_ITEMS, PALETTE_GROUPS } from './form/defaultPalette.ts';
export type { DragSubject, DropSlot } from './form/dropSlots.ts';
export { dropSlots, openSlots, placeOfSlot } from './form/dropSlots.ts';
export { keyProblem } from './form/fieldKeys.ts';
export { copyFragment, formAdapter, pasteFragment } from './form/formClipboard.ts';
export type { DefinitionResult, Problem } from './form/formProblems.ts';
export { createFormChecker } from './form/formProblems.ts';
export type { Form, LayoutIndex, Place } from './form/formTree.ts';
export { boundPath, indexLayout } from './form/formTree.ts';
export { nodeLabel } from './form/nodeLabel.ts';
export type {
  FieldPaletteItem,
  LayoutItemType,
  LayoutPaletteItem,
  Palette,
  PaletteGroup,
  PaletteItem,
} from './form/palette.ts';
export { createPalette } from './form/palette.ts';
export type { OptionValue } from './form/properties.ts';
export { getProperty } from './form/properties.ts';
export type { RollupMeasure, RollupSettings, RollupValueKind } from './form/rollups.ts';
export {
  changeRollup,
  ROLLUP_MEASURE_NAMES,
  rollupFields,
  rollupMeasures,
  rollupOf,
  rollupSources,
  rollupTargetKind,
  rollupVias,
  rollupWeights,
} from './form/rollups.ts';
export type { PropertyPanelSpec } from './panel/propertyForm.ts';
export { changedProperties, panelValue, propertiesOf, propertyPanel } from './panel/propertyForm.ts';
export type { WidgetPropertySchema } from './panel/widgetProperties.ts';
export { BUILT_IN_WIDGET_PROPERTIES, WIDGET_NAMES } from './panel/widgetProperties.ts';
export * from './react/dashboard/index.ts';
// React designer (src/react): the headless core above never imports it.
export type { FormDesignerProps } from './react/FormDesigner.tsx';
export { FormDesigner } from './react/FormDesigner.tsx';
export type { DesignerMessages } from './react/messages.ts';
export { DESIGNER_MESSAGES, designerMessages } from './react/messages.ts';
// Workflow designer: headless (src/workflow) and React (src/react/workflow).
export * from './react/workflow/index.ts';
export type {
  Condition,
  ConditionGroup,
  ConditionOperator,
  ConditionValue,
} from './rules/conditions.ts';
export { NO_VALUE, OPERATOR_NAMES, operatorsFor } from './rules/conditions.ts';
export type { Completion, Completions, FormulaDiagnosis, SampleScope } from './rules/formulaEditor.ts';
export { completeAt, diagnose, evaluateSample } from './rules/formulaEditor.ts';
export type { ScopeField } from './rules/formulaScope.ts';
export { formulaScope } from './rules/formulaScope.ts';
export type { ReadFormula } from './rules/fromFormula.ts';
export { fromFormula } from './rules/fromFormula.ts';
export { sampleRecord } from './rules/sampleData.ts';
export type { FieldTypeOf } from './rules/toFormula.ts';
export { toFormula } from './rules/toFormula.ts';
export * from './workflow/index.ts';
