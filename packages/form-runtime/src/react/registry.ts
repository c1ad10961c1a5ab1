import type { Locale } from '@formboard/formula';
import type { FieldInfo, FieldNode } from '@formboard/schema';
import type { ComponentType } from 'react';
import type { Formatters } from './format.ts';
import type { FormHost } from './host.ts';
import type { RendererMessages } from './messages.ts';

/** One choice of a select, radio or checkboxes field, labelled in the current locale. */
export interface ChoiceOption {
  readonly value: string | number;
  readonly label: string;
}

/** The ready-made props every widget gets: computed by the renderer, so widgets only render. */
export interface WidgetProps {
  /** Put it on the focusable control: the label points at it and the error summary focuses it. */
  readonly id: string;
  /** Id of the visible label (for aria-labelledby on groups and custom controls). */
  readonly labelId: string;
  /** Concrete data path: "kpis[2].weight". */
  readonly path: string;
  readonly value: unknown;
  readonly label: string;
  readonly placeholder: string | undefined;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly invalid: boolean;
  /** Ids of the help text and error messages, for aria-describedby. */
  readonly describedBy: string | undefined;
  readonly field: FieldInfo;
  readonly options: readonly ChoiceOption[];
  /** The field's unit ("%", "万元") in the current locale. */
  readonly unit: string | undefined;
  /** The layout node's free-form props (currency, searchable, max…). */
  readonly props: Readonly<Record<string, unknown>>;
  readonly locale: Locale;
  readonly messages: RendererMessages;
  readonly format: Formatters;
  readonly host: FormHost;
  readonly onChange: (value: unknown) => void;
  readonly onBlur: () => void;
}

/** What a tester knows beyond the field and its node. */
export interface WidgetTestContext {
  /** The field's value is computed by a formula. */
  readonly computed: boolean;
}

/** How well a widget fits a field: a score, or -1 (or less) when it does not apply. */
export type WidgetTester = (field: FieldInfo, node: FieldNode, context: WidgetTestContext) => number;

/** A widget: its name (built-in, or "pack:name" for a template pack's own), tester and components. */
export interface WidgetDefinition {
  readonly name: string;
  /** Picks the widget when the node names none; the highest score wins. Without it: by name only. */
  readonly test?: WidgetTester;
  readonly component: ComponentType<WidgetProps>;
  /** Read-only display (print mode); the default shows the formatted value. */
  readonly view?: ComponentType<WidgetProps>;
  /** Several controls (radios, checkboxes): labelled by a fieldset legend instead of a label. */
  readonly group?: boolean;
  /**
   * The control keeps what is typed itself — an uncontrolled input that shows `value` again only when
   * it changes elsewhere (`useSyncedInput`) — so the field does not re-render on its own key presses.
   */
  readonly keepsInput?: boolean;
}

/** Widgets by name, with ranked testers (as JSON Forms' rankWith). */
export interface WidgetRegistry {
  /** Adds a widget (replacing one of the same name); returns a function that removes it. */
  register(widget: WidgetDefinition): () => void;
  get(name: string): WidgetDefinition | undefined;
  /** The node's explicit widget when registered, else the best tester; undefined when none fits. */
  resolve(field: FieldInfo, node: FieldNode, context: WidgetTestContext): WidgetDefinition | undefined;
  names(): string[];
}

/** A tester giving `score` when the predicate holds (JSON Forms' rankWith). */
export function rankWith(
  score: number,
  predicate: (field: FieldInfo, node: FieldNode, context: WidgetTestContext) => boolean,
): WidgetTester {
  return (field, node, context) => (predicate(field, node, context) ? score : -1);
}

/** True when the node's props say `key: value`, for custom widget testers (`propIs(node, "style", "stars")`). */
export function propIs(node: FieldNode, key: string, value: unknown): boolean {
  const props = (node.props ?? {}) as Readonly<Record<string, unknown>>;
  return props[key] === value;
}

/** Creates a registry holding the given widgets. */
export function createWidgetRegistry(widgets: readonly WidgetDefinition[] = []): WidgetRegistry {
  const byName = new Map<string, WidgetDefinition>();
  const registry: WidgetRegistry = {
    register(widget) {
      byName.delete(widget.name);
      byName.set(widget.name, widget);
      return () => {
        if (byName.get(widget.name) === widget) byName.delete(widget.name);
      };
    },
    get: (name) => byName.get(name),
    resolve(field, node, context) {
      const named = node.widget === undefined ? undefined : byName.get(node.widget);
      if (named) return named;
      let best: WidgetDefinition | undefined;
      let bestScore = -1;
      // Later registrations win ties, so an app or pack can take over a built-in's fields.
      for (const widget of byName.values()) {
        const score = widget.test ? widget.test(field, node, context) : -1;
        if (score >= 0 && score >= bestScore) {
          best = widget;
          bestScore = score;
        }
      }
      return best;
    },
    names: () => [...byName.keys()],
  };
  for (const widget of widgets) registry.register(widget);
  return registry;
}
