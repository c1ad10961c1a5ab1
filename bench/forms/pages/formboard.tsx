/**
 * Formboard: the FormDefinition of formats/formboard.ts opened as a published version — the way the
 * studio's fill-in page opens forms the server validated — with `loadFormEngine` (in the harness's
 * `open` step, inside the timed mount: it loads the formula functions the form calls, none here, and
 * opens the engine) and rendered by <FormView> from @formboard/form-runtime, with validateOn "change"
 * so the typed field is validated as you type. Submit goes through the rendered form's own submit
 * (engine.submit(), then focus on the first problem), as a user's click would.
 */
import { type FormEngine, FormView, loadFormEngine } from '@formboard/form-runtime';
import '@formboard/form-runtime/formboard.css';
import type { FormDefinition } from '@formboard/schema';
import { type RefObject, useImperativeHandle, useRef } from 'react';
import type { Submitter } from './harness/adapter.ts';
import { distinctPaths } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';
import { PendingResult } from './harness/pending.ts';

type Outcome = Awaited<ReturnType<Submitter['submit']>>;

interface Props {
  readonly engine: FormEngine;
  readonly container: HTMLElement;
  readonly submitter: RefObject<Submitter | null>;
}

function FormboardPage({ engine, container, submitter }: Props) {
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

installBench<FormDefinition, FormEngine>(
  {
    library: 'formboard',
    middleSelector: (meta) => `[id$="-${meta.middle}"]`,
    open: (definition, data) =>
      loadFormEngine(definition, {
        value: data as Readonly<Record<string, unknown>>,
        validateOn: 'change',
      }),
    render: ({ form, container, submitter }) => (
      <FormboardPage engine={form} container={container} submitter={submitter} />
    ),
  },
  (json) => json as FormDefinition,
);
