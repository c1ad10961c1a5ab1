/**
 * Formily 2 (@formily/core + @formily/react) with plain inputs: Formily's own component sets need
 * antd (@formily/antd: antd 4; @formily/antd-v5: antd 5, on React 19 only with a compatibility patch)
 * and would measure antd as much as Formily, so, as those sets do, this page registers small input
 * components with createSchemaField and lets Formily's schema drive them. Fields validate on input (Formily's default trigger); submit is
 * form.submit().
 */
import { createForm, isArrayField, isField } from '@formily/core';
import {
  createSchemaField,
  FormProvider,
  type ISchema,
  observer,
  RecursionField,
  useField,
  useFieldSchema,
} from '@formily/react';
import { type ChangeEvent, type ReactNode, type RefObject, useImperativeHandle, useMemo } from 'react';
import { OPTIONS } from '../model.ts';
import type { Submitter } from './harness/adapter.ts';
import { distinctPaths } from './harness/countErrors.ts';
import { installBench } from './harness/install.ts';

interface InputProps<V> {
  readonly value?: V;
  readonly onChange?: (value: V | undefined) => void;
  readonly onBlur?: () => void;
}

/** The field's data path ("f0001", "items.3.qty"; sections are void nodes, left out) as the input's name and id. */
function useName(): string {
  return useField().path.toString();
}

function Input({ value, onChange, onBlur }: InputProps<string>) {
  const name = useName();
  return (
    <input
      id={name}
      name={name}
      type="text"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={onBlur}
    />
  );
}

function DateInput({ value, onChange, onBlur }: InputProps<string>) {
  const name = useName();
  return (
    <input
      id={name}
      name={name}
      type="date"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || undefined)}
      onBlur={onBlur}
    />
  );
}

function NumberInput({ value, onChange, onBlur }: InputProps<number>) {
  const name = useName();
  const change = (e: ChangeEvent<HTMLInputElement>) =>
    onChange?.(e.target.value === '' ? undefined : e.target.valueAsNumber);
  return <input id={name} name={name} type="number" value={value ?? ''} onChange={change} onBlur={onBlur} />;
}

function Select({ value, onChange, onBlur }: InputProps<string>) {
  const name = useName();
  return (
    <select
      id={name}
      name={name}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || undefined)}
      onBlur={onBlur}
    >
      <option value="">—</option>
      {OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Checkbox({ value, onChange }: InputProps<boolean>) {
  const name = useName();
  return (
    <input
      id={name}
      name={name}
      type="checkbox"
      checked={value ?? false}
      onChange={(e) => onChange?.(e.target.checked)}
    />
  );
}

/** Label, control and the field's first error. */
const FormItem = observer(function FormItem({ children }: { readonly children?: ReactNode }) {
  const field = useField();
  const error = isField(field) ? field.selfErrors[0] : undefined;
  const title = typeof field.title === 'string' ? field.title : '';
  return (
    <div className="field">
      <label htmlFor={field.path.toString()}>{title}</label>
      {children}
      {error ? <span role="alert">{error}</span> : null}
    </div>
  );
});

function Section({ title, children }: { readonly title?: string; readonly children?: ReactNode }) {
  return (
    <fieldset>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** The repeating table: one row (an object field) per item, with remove and add buttons. */
const ArrayTable = observer(function ArrayTable() {
  const field = useField();
  const schema = useFieldSchema();
  const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  if (!isArrayField(field) || !items) return null;
  const rows: readonly unknown[] = Array.isArray(field.value) ? field.value : [];
  return (
    <fieldset>
      <legend>{typeof field.title === 'string' ? field.title : ''}</legend>
      {rows.map((_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: Formily addresses rows by index, as its own ArrayTable does
        <div className="row" key={r}>
          <RecursionField schema={items} name={r} />
          <button type="button" onClick={() => void field.remove(r)}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => void field.push({})}>
        Add row
      </button>
    </fieldset>
  );
});

const SchemaField = createSchemaField({
  components: { FormItem, Section, Input, DateInput, NumberInput, Select, Checkbox, ArrayTable },
});

interface Props {
  readonly schema: ISchema;
  readonly data: Readonly<Record<string, unknown>>;
  readonly submitter: RefObject<Submitter | null>;
}

function FormilyPage({ schema, data, submitter }: Props) {
  const form = useMemo(() => createForm({ initialValues: data }), [data]);
  useImperativeHandle(
    submitter,
    () => ({
      submit: () =>
        form.submit().then(
          () => ({ ok: true, errors: () => 0 }),
          () => ({ ok: false, errors: () => distinctPaths(form.errors, (e) => e.path ?? '') }),
        ),
    }),
    [form],
  );
  return (
    <FormProvider form={form}>
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        <SchemaField schema={schema} />
      </form>
    </FormProvider>
  );
}

installBench<ISchema>(
  {
    library: 'formily',
    middleSelector: (meta) => `[name="${meta.middle}"]`,
    render: ({ form, data, submitter }) => (
      <FormilyPage schema={form} data={data as Readonly<Record<string, unknown>>} submitter={submitter} />
    ),
  },
  (json) => json as ISchema,
);
