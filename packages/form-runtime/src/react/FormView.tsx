import { columnPath, type Locale } from '@formboard/formula';
import { type FieldNode, localize } from '@formboard/schema';
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FormIssue } from '../engine/types.ts';
import { defaultWidgetRegistry } from './builtInWidgets.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { FieldParts } from './FieldView.tsx';
import { bindField, type FieldBinding } from './fieldBinding.ts';
import { choiceOptions, lastSegment, unitOf } from './fieldOptions.ts';
import { createFormatters } from './format.ts';
import { type FormHost, useFormHost } from './host.ts';
import { LayoutChildren } from './layout/LayoutNodeView.tsx';
import { indexLayout } from './layoutIndex.ts';
import { rendererMessages } from './messages.ts';
import { RendererContext, type RendererContextValue } from './RendererContext.ts';
import type { WidgetDefinition, WidgetRegistry } from './registry.ts';
import { LayoutUiState } from './uiState.ts';

/** Options of FormRenderer and FormView. */
export interface FormRendererOptions {
  /** "zh-CN" (default) or "en": labels, messages, number and date formats; else the engine options' locale. */
  readonly locale?: Locale;
  /** Read-only / print mode: shows the record (every tab and step), no inputs, no submit. */
  readonly readOnly?: boolean;
  /** Widget registry; default the shared one that registerWidget adds to. */
  readonly widgets?: WidgetRegistry;
  /** Host adapters (directory, record search, upload); default the nearest FormHostProvider's. */
  readonly host?: FormHost;
  /** Time zone for date-times; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Called with the clean value when the form is submitted without problems. */
  readonly onSubmit?: (value: Readonly<Record<string, unknown>>) => void;
  /** Called with the problems when a submit fails (after focusing the first invalid field). */
  readonly onInvalid?: (issues: readonly FormIssue[]) => void;
  /** Leaves out the definition's title and description (when the page shows them). */
  readonly hideTitle?: boolean;
}

/** Props of FormView: the engine to render, and how. */
export type FormViewProps = FormRendererOptions & { readonly engine: FormEngine };

/**
 * Renders a form engine as an accessible HTML form. FormRenderer does the same for a definition; a
 * page that opens published versions with `openFormEngine` renders them with FormView, and carries
 * neither ajv nor the definition schemas.
 */
export function FormView(props: FormViewProps): ReactNode {
  const { engine, readOnly = false, hideTitle = false } = props;
  const locale = props.locale ?? 'zh-CN';
  const contextHost = useFormHost();
  const host = props.host ?? contextHost;
  const registry = props.widgets ?? defaultWidgetRegistry;
  const timeZone = props.timeZone ?? 'Asia/Shanghai';
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const prefix = `fb${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const context = useMemo(
    () => createContextValue({ engine, locale, readOnly, registry, host, timeZone, prefix }),
    [engine, locale, readOnly, registry, host, timeZone, prefix],
  );

  const definition = engine.definition;
  const title = hideTitle ? '' : localize(definition.title, locale);
  const description = hideTitle ? '' : localize(definition.description, locale);
  const titleId = `${prefix}-title`;
  const summaryId = `${prefix}-summary`;
  const nodes = Object.values(definition.layout.nodes as Readonly<Record<string, { type: string }>>);
  const hasSteps = nodes.some((n) => n.type === 'steps');
  const body = (
    <>
      {title ? (
        <h2 className="fb-form-title" id={titleId}>
          {title}
        </h2>
      ) : null}
      {description ? <p className="fb-description">{description}</p> : null}
      <ErrorSummary id={summaryId} />
      <LayoutChildren ids={definition.layout.root} />
    </>
  );

  if (readOnly) {
    return (
      <RendererContext.Provider value={context}>
        <article
          className="fb-form fb-form--readonly"
          lang={locale}
          aria-labelledby={title ? titleId : undefined}
        >
          {body}
        </article>
      </RendererContext.Provider>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = engine.submit();
    if (result.ok) {
      props.onSubmit?.(result.value);
      return;
    }
    props.onInvalid?.(result.issues);
    const first = context.layout.inPageOrder(result.issues.filter((i) => i.path !== ''))[0];
    context.focusPath(first?.path ?? '');
  };
  // The fields are rendered through a portal into a slot inside the <form>, not as the form's
  // children in React's tree: React reads a property of every element its tree passes between an
  // event's target and the root, and a property read on a <form> first looks the name up among its
  // controls' names ([LegacyOverrideBuiltIns]). React rewrites an input's `name` after each input
  // event, which makes the browser rebuild that lookup over every control of the form (~1.5 ms at
  // 2,150 controls) at the next read. Outside the form's subtree in React's tree, a key press never
  // reads it. The form stays React's own element (submit, landmark); the slot is a React element too,
  // so React finds it without reading the form (package README, "How it renders").
  return (
    <RendererContext.Provider value={context}>
      <form
        className="fb-form"
        lang={locale}
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={title ? titleId : undefined}
      >
        <div className="fb-form-body" ref={setSlot} />
      </form>
      {slot
        ? createPortal(
            <>
              {body}
              {hasSteps ? null : (
                <div className="fb-actions">
                  <button type="submit" className="fb-button fb-button--primary">
                    {context.messages.submit}
                  </button>
                </div>
              )}
            </>,
            slot,
          )
        : null}
    </RendererContext.Provider>
  );
}

interface ContextInput {
  readonly engine: FormEngine;
  readonly locale: Locale;
  readonly readOnly: boolean;
  readonly registry: WidgetRegistry;
  readonly host: FormHost;
  readonly timeZone: string;
  readonly prefix: string;
}

/** Builds what every field and layout node of one form shares. */
function createContextValue(input: ContextInput): RendererContextValue {
  const { engine, prefix } = input;
  const definition = engine.definition;
  const index = engine.fields;
  const layout = indexLayout(definition.layout);
  const ui = new LayoutUiState();
  const computed = new Set((definition.computed ?? []).map((c) => c.target));
  const widgets = new WeakMap<FieldNode, WidgetDefinition | undefined>();
  const parts = new WeakMap<FieldNode, FieldParts | undefined>();
  const bindings = new Map<string, FieldBinding>();
  const { locale } = input;
  // Fields, layout nodes and the form's own parts live in separate id namespaces ("-f-", "-n-"), so a
  // field called "title" cannot take the form title's id.
  const domId = (path: string) =>
    // Most paths are plain keys ("f0001"): they need no rewriting, and there are thousands of them.
    `${prefix}-f-${/[[.\s]/.test(path) ? path.replace(/\[(\d+)\]/g, '-$1').replace(/[.\s]/g, '-') : path}`;
  const widgetFor = (node: FieldNode, column: string) => {
    if (!widgets.has(node)) {
      const field = index.fields.get(column);
      widgets.set(
        node,
        field ? input.registry.resolve(field, node, { computed: computed.has(column) }) : undefined,
      );
    }
    return widgets.get(node);
  };
  const value: RendererContextValue = {
    ...input,
    index,
    layout,
    ui,
    computed,
    messages: rendererMessages(locale),
    format: createFormatters(locale, input.timeZone),
    domId,
    nodeDomId: (id) => `${prefix}-n-${id}`,
    widgetFor,
    fieldParts(node, column) {
      if (!parts.has(node)) {
        const field = index.fields.get(column);
        const widget = field ? widgetFor(node, column) : undefined;
        parts.set(
          node,
          field && widget
            ? {
                field,
                widget,
                title: localize(node.label ?? field.title, locale) || lastSegment(column),
                help: localize(node.help, locale),
                placeholder: localize(node.placeholder, locale) || undefined,
                options: choiceOptions(field, locale),
                unit: unitOf(field, locale),
                props: (node.props ?? {}) as Readonly<Record<string, unknown>>,
                className: `fb-field fb-field--${widget.name.replace(':', '-')}`,
              }
            : undefined,
        );
      }
      return parts.get(node);
    },
    binding(path) {
      let binding = bindings.get(path);
      if (!binding) {
        binding = bindField(engine, path, domId(path));
        bindings.set(path, binding);
      }
      return binding;
    },
    focusPath(path) {
      // Render now (the error summary, the opened tab or step) so the target exists to be focused.
      const nodeId = path === '' ? undefined : layout.nodeOfPath(columnPath(path));
      flushSync(() => {
        if (nodeId !== undefined) ui.reveal(layout, nodeId);
      });
      const target =
        (path === '' ? null : document.getElementById(domId(path))) ??
        document.getElementById(`${prefix}-summary`);
      target?.focus();
      target?.scrollIntoView?.({ block: 'center' });
    },
  };
  return value;
}
