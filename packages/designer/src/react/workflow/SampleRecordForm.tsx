import { FormView, openFormEngine } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useWorkflowContext } from './WorkflowContext.ts';

/**
 * The dry run's sample record as the trigger form itself, rendered by form-runtime (as the form
 * designer's preview is) and prefilled with `value`: people fill in a record, not JSON. `seed` changes
 * when the value was replaced from outside (the advanced JSON box), so the form starts again from it.
 */
export function SampleRecordForm(props: {
  readonly form: FormDefinition;
  readonly value: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly onChange: (value: Record<string, unknown>) => void;
}): ReactNode {
  const { locale, messages } = useWorkflowContext();
  const { form, onChange } = props;
  // The trigger form is one of the host's forms, definitions the server validated: opened as they are,
  // so the workflow designer loads no form validators.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the value seeds a new engine only (on `seed`)
  const engine = useMemo(
    () => openFormEngine(form, { value: props.value, locale }),
    [form, locale, props.seed],
  );
  useEffect(
    () => engine.subscribeForm(() => onChange(engine.getValue() as Record<string, unknown>)),
    [engine, onChange],
  );
  return (
    <section className="fbw-sample-form" aria-label={messages.sampleRecord}>
      <FormView engine={engine} locale={locale} />
    </section>
  );
}
