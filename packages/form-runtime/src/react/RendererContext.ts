import type { Locale } from '@formboard/formula';
import type { FieldIndex, FieldNode } from '@formboard/schema';
import { createContext, useContext } from 'react';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FieldParts } from './FieldView.tsx';
import type { FieldBinding } from './fieldBinding.ts';
import type { Formatters } from './format.ts';
import type { FormHost } from './host.ts';
import type { LayoutIndex } from './layoutIndex.ts';
import type { RendererMessages } from './messages.ts';
import type { WidgetDefinition, WidgetRegistry } from './registry.ts';
import type { LayoutUiState } from './uiState.ts';

/** What every part of one rendered form shares; made once per FormRenderer. */
export interface RendererContextValue {
  readonly engine: FormEngine;
  readonly index: FieldIndex;
  readonly layout: LayoutIndex;
  readonly locale: Locale;
  readonly messages: RendererMessages;
  readonly format: Formatters;
  readonly registry: WidgetRegistry;
  readonly host: FormHost;
  /** Read-only / print mode: every field shows its value as text. */
  readonly readOnly: boolean;
  readonly ui: LayoutUiState;
  /** Paths (column form) whose values are computed by formulas. */
  readonly computed: ReadonlySet<string>;
  /** The DOM id of a field's control: "fb_r_1_-f-kpis-2-weight". */
  domId(path: string): string;
  /** The DOM id prefix of a layout node (section, tabs, steps): "fb_r_1_-n-basics". */
  nodeDomId(id: string): string;
  /** The widget of a field node (cached per node). */
  widgetFor(node: FieldNode, column: string): WidgetDefinition | undefined;
  /** What a field node shows apart from its value (cached per node); undefined without field or widget. */
  fieldParts(node: FieldNode, column: string): FieldParts | undefined;
  /** A concrete path bound to the engine: subscription, view state, handlers, DOM id (cached per path). */
  binding(path: string): FieldBinding;
  /** Opens the tabs, steps and sections around a field, then focuses it. */
  focusPath(path: string): void;
}

/** The context FormRenderer provides to its fields and layout nodes. */
export const RendererContext = createContext<RendererContextValue | null>(null);

/** The current form's renderer context (inside FormRenderer only). */
export function useRenderer(): RendererContextValue {
  const value = useContext(RendererContext);
  if (!value) throw new Error('useRenderer must be used inside <FormRenderer>');
  return value;
}
