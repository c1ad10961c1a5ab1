// The headless engine (src/headless.ts, also `@formboard/form-runtime/headless`).
export * from './headless.ts';
// React renderer (src/react): the engine above never imports it.
export {
  BUILT_IN_WIDGET_DEFINITIONS,
  createDefaultWidgetRegistry,
  defaultWidgetRegistry,
  registerWidget,
} from './react/builtInWidgets.ts';
export type { FieldViewProps } from './react/FieldView.tsx';
export { FieldView } from './react/FieldView.tsx';
export type { FormRendererProps } from './react/FormRenderer.tsx';
export { FormRenderer } from './react/FormRenderer.tsx';
export type { FormRendererOptions, FormViewProps } from './react/FormView.tsx';
export { FormView } from './react/FormView.tsx';
export type { Formatters } from './react/format.ts';
export { createFormatters } from './react/format.ts';
export type {
  DirectoryAdapter,
  FormHost,
  OptionSource,
  PickOption,
  RecordSearchAdapter,
  UploadAdapter,
  UploadedFile,
} from './react/host.ts';
export { createMemoryOptionSource, FormHostProvider, useFormHost } from './react/host.ts';
export { isSafeLink, Markdown } from './react/markdown.tsx';
export type { RendererMessages } from './react/messages.ts';
export { RENDERER_MESSAGES, rendererMessages } from './react/messages.ts';
export type {
  ChoiceOption,
  WidgetDefinition,
  WidgetProps,
  WidgetRegistry,
  WidgetTestContext,
  WidgetTester,
} from './react/registry.ts';
export { createWidgetRegistry, propIs, rankWith } from './react/registry.ts';
export { useFieldState } from './react/useFieldState.ts';
export { useFieldSelector, useFormSelector } from './react/useSelector.ts';
