/**
 * Formboard: the FormDefinition of formats/formboard.ts opened as a published version — the way the
 * studio's fill-in page opens forms the server validated — with `openFormEngine` (inside the timed
 * mount) and rendered by <FormView> from @formboard/form-runtime, with validateOn "change" so the typed
 * field is validated as you type. Submit goes through the rendered form's own submit (engine.submit(),
 * then focus on the first problem), as a user's click would.
 */
import { FormView, openFormEngine } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { type RefObject, useImperativeHandle, useMemo, useRef } from 'react';
import type { Submitter } from './harness/adapter.ts';
import { distinctPaths } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';
import { PendingResult } from './harness/pending.ts';

type Outcome = Awaited<ReturnType<Submitter['submit']>>;

interface Props {
  readonly definition: FormDefinition;
  readonly value: Readonly<Record<string, unknown>>;
  readonly container: HTMLElement;
  readonly submitter: RefObject<Submitter | null>;
}

function FormboardPage({ definition, value, container, submitter }: Props) {
  const pending = useRef(new PendingResult<Outcome>()).current;
  useImperativeHandle(
    submitter,
    () => ({
      submit: () => {
        const result = pending.start();
        const form = container.querySelector('form');
        if (!form) throw new Error('formboard: no <form> rendered');
        form.requestSubmit();
        return result;
      },
    }),
    [pending, container],
  );
  const engine = useMemo(
    () => openFormEngine(definition, { value, validateOn: 'change' }),
    [definition, value],
  );
  return (
    <FormView
      engine={engine}
      locale="en"
      onSubmit={() => pending.resolve({ ok: true, errors: () => 0 })}
      onInvalid={(issues) =>
        pending.resolve({
          ok: false,
          errors: () =>
            distinctPaths(
              issues.filter((i) => i.path !== ''),
              (i) => i.path,
            ),
        })
      }
    />
  );
}

installBench<FormDefinition>(
  {
    library: 'formboard',
    middleSelector: (meta) => `[id$="-${meta.middle}"]`,
    render: ({ form, data, container, submitter }) => (
      <FormboardPage
        definition={form}
        value={data as Readonly<Record<string, unknown>>}
        container={container}
        submitter={submitter}
      />
    ),
  },
  (json) => json as FormDefinition,
);
