/**
 * @rjsf/core 6 with @rjsf/validator-ajv8: the JSON Schema + uiSchema of formats/jsonSchema.ts, live
 * validation on every change (liveValidate "onChange", rjsf's way to validate as you type; it checks
 * the whole form), submit through the form's own submit().
 */
import Form from '@rjsf/core';
import type { RJSFValidationError } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { type RefObject, useImperativeHandle, useRef } from 'react';
import type { RjsfData, RjsfFormat } from '../formats/jsonSchema.ts';
import type { Submitter } from './harness/adapter.ts';
import { distinctPaths } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';
import { PendingResult } from './harness/pending.ts';

type Outcome = Awaited<ReturnType<Submitter['submit']>>;

interface Props {
  readonly format: RjsfFormat;
  readonly data: RjsfData;
  readonly submitter: RefObject<Submitter | null>;
}

function RjsfForm({ format, data, submitter }: Props) {
  const form = useRef<Form>(null);
  const pending = useRef(new PendingResult<Outcome>()).current;
  useImperativeHandle(
    submitter,
    () => ({
      submit: () => {
        const result = pending.start();
        form.current?.submit();
        return result;
      },
    }),
    [pending],
  );
  return (
    <Form
      ref={form}
      schema={format.schema}
      uiSchema={format.uiSchema}
      formData={data}
      validator={validator}
      liveValidate="onChange"
      showErrorList={false}
      noHtml5Validate
      onSubmit={() => pending.resolve({ ok: true, errors: () => 0 })}
      onError={(errors: RJSFValidationError[]) =>
        pending.resolve({ ok: false, errors: () => distinctPaths(errors, (e) => e.property ?? e.stack) })
      }
    />
  );
}

installBench<RjsfFormat>(
  {
    library: 'rjsf',
    middleSelector: (meta) => `#root_${meta.middleSection}_${meta.middle}`,
    render: ({ form, data, submitter }) => (
      <RjsfForm format={form} data={data as RjsfData} submitter={submitter} />
    ),
  },
  (json) => json as RjsfFormat,
);
