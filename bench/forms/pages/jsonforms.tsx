/**
 * JSON Forms 3 with the vanilla renderers and cells, uncontrolled: JSON Forms keeps the data (its
 * onChange is debounced by 10 ms, so a page that copies the data into its own state re-renders
 * later, outside the key press; this page does not). JSON Forms validates the whole data with ajv on
 * every change. Errors are shown from the first submit on, a common JSON Forms pattern: the form is
 * mounted with ValidateAndHide (validation still runs on every change), and submit — JSON Forms has
 * none of its own — switches to ValidateAndShow, which validates again and shows the errors. The
 * result is read from a middleware when JSON Forms' core takes the new mode, and reported once that
 * render is committed.
 */
import type { JsonFormsCore, Middleware, ValidationMode } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { type RefObject, useCallback, useImperativeHandle, useRef, useState } from 'react';
import type { JsonFormsFormat } from '../formats/jsonForms.ts';
import type { Submitter } from './harness/adapter.ts';
import { distinctPaths } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';
import { PendingResult } from './harness/pending.ts';

type Outcome = Awaited<ReturnType<Submitter['submit']>>;
type Errors = NonNullable<JsonFormsCore['errors']>;

interface Props {
  readonly format: JsonFormsFormat;
  readonly initial: unknown;
  readonly submitter: RefObject<Submitter | null>;
}

const errorPath = (e: Errors[number]): string =>
  `${e.instancePath}/${typeof e.params.missingProperty === 'string' ? e.params.missingProperty : ''}`;

function JsonFormsPage({ format, initial, submitter }: Props) {
  const [mode, setMode] = useState<ValidationMode>('ValidateAndHide');
  const pending = useRef(new PendingResult<Outcome>()).current;
  useImperativeHandle(
    submitter,
    () => ({
      submit: () => {
        const result = pending.start();
        setMode('ValidateAndShow');
        return result;
      },
    }),
    [pending],
  );
  const middleware = useCallback<Middleware>(
    (state, action, reducer) => {
      const next = reducer(state, action);
      if (state.validationMode === 'ValidateAndHide' && next.validationMode === 'ValidateAndShow') {
        const errors: Errors = next.errors ?? [];
        // Called while React renders; the microtask runs once this render is committed.
        queueMicrotask(() =>
          pending.resolve({ ok: errors.length === 0, errors: () => distinctPaths(errors, errorPath) }),
        );
      }
      return next;
    },
    [pending],
  );
  return (
    <JsonForms
      schema={format.schema}
      uischema={format.uischema}
      data={initial}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      validationMode={mode}
      middleware={middleware}
    />
  );
}

installBench<JsonFormsFormat>(
  {
    library: 'jsonforms',
    middleSelector: (meta) => `[id="#/properties/${meta.middle}-input"]`,
    render: ({ form, data, submitter }) => (
      <JsonFormsPage format={form} initial={data} submitter={submitter} />
    ),
  },
  (json) => json as JsonFormsFormat,
);
