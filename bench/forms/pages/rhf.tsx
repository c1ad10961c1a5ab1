/**
 * The baseline: a hand-written react-hook-form page (what a developer writes without a schema-driven
 * library): register() per input with its rules, useFieldArray for the table, mode "onChange" so the
 * typed field is validated as you type. Each field is a memoised component that gets its error message
 * as a prop, so a change re-renders only the fields whose error changed.
 */
import { memo, type RefObject, useImperativeHandle } from 'react';
import {
  type FieldErrors,
  type FieldValues,
  get,
  type RegisterOptions,
  type UseFormRegister,
  useFieldArray,
  useForm,
} from 'react-hook-form';
import type { RhfFormat } from '../formats/rhf.ts';
import { type LogicalField, OPTIONS } from '../model.ts';
import type { Submitter } from './harness/adapter.ts';
import { countLeafErrors } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';

function rules(field: LogicalField): RegisterOptions {
  return {
    ...(field.required ? { required: 'Required' } : {}),
    ...(field.maxLength === undefined ? {} : { maxLength: { value: field.maxLength, message: 'Too long' } }),
    ...(field.type === 'number'
      ? {
          valueAsNumber: true,
          min: { value: field.min ?? 0, message: 'Too small' },
          max: { value: field.max ?? 0, message: 'Too large' },
        }
      : {}),
  };
}

function errorMessage(errors: FieldErrors, path: string): string | undefined {
  const error = get<FieldErrors, unknown>(errors, path);
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' ? error.message : 'Invalid';
}

interface ControlProps {
  readonly field: LogicalField;
  readonly name: string;
  readonly register: UseFormRegister<FieldValues>;
}

function Control({ field, name, register }: ControlProps) {
  const props = register(name, rules(field));
  switch (field.type) {
    case 'select':
      return (
        <select id={name} {...props}>
          <option value="">—</option>
          {OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return <input id={name} type="checkbox" {...props} />;
    case 'date':
      return <input id={name} type="date" {...props} />;
    case 'number':
      return <input id={name} type="number" {...props} />;
    case 'text':
      return <input id={name} type="text" {...props} />;
  }
}

const Field = memo(function Field(props: ControlProps & { readonly error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.field.label}</label>
      <Control {...props} />
      {props.error ? <span role="alert">{props.error}</span> : null}
    </div>
  );
});

interface FormProps {
  readonly form: RhfFormat;
  readonly data: FieldValues;
  readonly submitter: RefObject<Submitter | null>;
}

function RhfForm({ form, data, submitter }: FormProps) {
  const { register, control, handleSubmit, formState } = useForm<FieldValues>({
    mode: 'onChange',
    defaultValues: data,
  });
  const { errors } = formState;
  const { table } = form;
  const rows = useFieldArray({ control, name: table.key });
  useImperativeHandle(
    submitter,
    () => ({
      submit: () =>
        new Promise((resolve) => {
          void handleSubmit(
            () => resolve({ ok: true, errors: () => 0 }),
            (found) => resolve({ ok: false, errors: () => countLeafErrors(found) }),
          )();
        }),
    }),
    [handleSubmit],
  );
  return (
    <form noValidate onSubmit={(event) => event.preventDefault()}>
      {form.sections.map((section) => (
        <fieldset key={section.id}>
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <Field
              key={field.key}
              field={field}
              name={field.key}
              register={register}
              error={errorMessage(errors, field.key)}
            />
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>{table.title}</legend>
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((row, r) => (
              <tr key={row.id}>
                {table.columns.map((column) => {
                  const name = `${table.key}.${r}.${column.key}`;
                  const error = errorMessage(errors, name);
                  return (
                    <td key={column.key}>
                      <Control field={column} name={name} register={register} />
                      {error ? <span role="alert">{error}</span> : null}
                    </td>
                  );
                })}
                <td>
                  <button type="button" onClick={() => rows.remove(r)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => rows.append({})}>
          Add row
        </button>
      </fieldset>
    </form>
  );
}

installBench<RhfFormat>(
  {
    library: 'rhf',
    middleSelector: (meta) => `[name="${meta.middle}"]`,
    render: ({ form, data, submitter }) => (
      <RhfForm form={form} data={data as FieldValues} submitter={submitter} />
    ),
  },
  (json) => json as RhfFormat,
);
