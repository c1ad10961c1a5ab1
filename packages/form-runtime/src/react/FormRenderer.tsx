import { columnPath, type Locale } from '@formboard/formula';
import { type FieldNode, indexFields, localize } from '@formboard/schema';
import { type FormEvent, type ReactNode, useId, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { createFormEngine, type FormEngine } from '../engine/createFormEngine.ts';
import type { FormEngineOptions, FormIssue } from '../engine/types.ts';
import { defaultWidgetRegistry } from './builtInWidgets.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { createFormatters } from './format.ts';
import { type FormHost, useFormHost } from './host.ts';
import { LayoutChildren } from './layout/LayoutNodeView.tsx';
import { indexLayout } from './layoutIndex.ts';
import { rendererMessages } from './messages.ts';
import { RendererContext, type RendererContextValue } from './RendererContext.ts';
import type { WidgetDefinition, WidgetRegistry } from './registry.ts';
import { LayoutUiState } from './uiState.ts';

/** Options of FormRenderer, whichever way it gets its engine. */
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

/** Props of FormRenderer: an engine, or a definition (and engine options) to make one from. */
export type FormRendererProps = FormRendererOptions &
  (
    | { readonly engine: FormEngine; readonly definition?: never; readonly options?: never }
    | { readonly definition: unknown; readonly options?: FormEngineOptions; readonly engine?: never }
  );

/** Renders a form definition (or a ready engine) as an accessible HTML form. */
export function FormRenderer(props: FormRendererProps): ReactNode {
  const { readOnly = false, hideTitle = false } = props;
  const locale = props.locale ?? props.options?.locale ?? 'zh-CN';
  const { engine: given, definition: source, options } = props;
  // A definition gets its own engine, made again only when the definition itself changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read once, like a useState initial value
  const made = useMemo(() => (given ? undefined : createFormEngine(source, options)), [given, source]);
  const engine = given ?? (made as FormEngine);
  const contextHost = useFormHost();
  const host = props.host ?? contextHost;
  const registry = props.widgets ?? defaultWidgetRegistry;
  const timeZone = props.timeZone ?? props.options?.context?.timeZone ?? 'Asia/Shanghai';
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
    const first = [...result.issues]
      .filter((i) => i.path !== '')
      .sort((a, b) => context.layout.compare(a.path, b.path))[0];
    context.focusPath(first?.path ?? '');
  };
  return (
    <RendererContext.Provider value={context}>
      <form
        className="fb-form"
        lang={locale}
        noValidate
        onSubmit={onSubmit}
        aria-labelledby={title ? titleId : undefined}
      >
        {body}
        {hasSteps ? null : (
          <div className="fb-actions">
            <button type="submit" className="fb-button fb-button--primary">
              {context.messages.submit}
            </button>
          </div>
        )}
      </form>
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
  const index = indexFields(definition.data);
  const layout = indexLayout(definition.layout);
  const ui = new LayoutUiState();
  const computed = new Set((definition.computed ?? []).map((c) => c.target));
  const widgets = new WeakMap<FieldNode, WidgetDefinition | undefined>();
  // Fields, layout nodes and the form's own parts live in separate id namespaces ("-f-", "-n-"), so a
  // field called "title" cannot take the form title's id.
  const domId = (path: string) => `${prefix}-f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/[.\s]/g, '-')}`;
  const value: RendererContextValue = {
    ...input,
    index,
    layout,
    ui,
    computed,
    messages: rendererMessages(input.locale),
    format: createFormatters(input.locale, input.timeZone),
    domId,
    nodeDomId: (id) => `${prefix}-n-${id}`,
    widgetFor(node, column) {
      if (!widgets.has(node)) {
        const field = index.fields.get(column);
        widgets.set(
          node,
          field ? input.registry.resolve(field, node, { computed: computed.has(column) }) : undefined,
        );
      }
      return widgets.get(node);
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
