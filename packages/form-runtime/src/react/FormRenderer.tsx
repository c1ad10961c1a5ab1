import { type ReactNode, useMemo } from 'react';
import { createFormEngine } from '../engine/createFormEngine.ts';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FormEngineOptions } from '../engine/types.ts';
import { type FormRendererOptions, FormView } from './FormView.tsx';

/** Props of FormRenderer: an engine, or a definition (and engine options) to make one from. */
export type FormRendererProps = FormRendererOptions &
  (
    | { readonly engine: FormEngine; readonly definition?: never; readonly options?: never }
    | { readonly definition: unknown; readonly options?: FormEngineOptions; readonly engine?: never }
  );

/**
 * Renders a form definition (validated by createFormEngine first) or a ready engine as an accessible
 * HTML form.
 */
export function FormRenderer(props: FormRendererProps): ReactNode {
  const { engine: given, definition: source, options, ...view } = props;
  // A definition gets its own engine, made again only when the definition itself changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read once, like a useState initial value
  const made = useMemo(() => (given ? undefined : createFormEngine(source, options)), [given, source]);
  return (
    <FormView
      {...view}
      engine={given ?? (made as FormEngine)}
      locale={props.locale ?? options?.locale ?? 'zh-CN'}
      timeZone={props.timeZone ?? options?.context?.timeZone ?? 'Asia/Shanghai'}
    />
  );
}
