import type { LocalizedText } from '@formboard/schema';
import { type ReactNode, useId } from 'react';
import { cleanText, textIn } from '../../../form/localizedText.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';

// Plain labelled inputs for the settings panel. Each edit is a command as it is typed (edits of one
// property merge), and leaving the input ends the merge, so one focus session is one undo step.

/** One option of a select: the stored value ('' for none) and its name. */
export interface Choice {
  readonly value: string;
  readonly name: string;
}

/** A labelled text input. */
export function TextInput(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean;
}): ReactNode {
  const { designer } = useDashboardDesigner();
  const id = useId();
  const common = {
    id,
    value: props.value,
    onBlur: () => designer.checkpoint(),
  };
  return (
    <div className="fbdd-control">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={5} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A text input for a LocalizedText, editing the current locale's text (an emptied one is removed). */
export function LocalizedInput(props: {
  readonly label: string;
  readonly value: LocalizedText | undefined;
  readonly onChange: (value: LocalizedText | undefined) => void;
  readonly multiline?: boolean;
}): ReactNode {
  const { locale } = useDashboardDesigner();
  const { value } = props;
  const change = (text: string) => {
    const map = typeof value === 'string' ? { 'zh-CN': value, en: value } : { ...(value ?? {}) };
    props.onChange(cleanText({ ...map, [locale]: text }));
  };
  return (
    <TextInput
      label={props.label}
      value={textIn(value, locale)}
      onChange={change}
      {...(props.multiline ? { multiline: true } : {})}
    />
  );
}

/** A labelled number input; an empty box is undefined. */
export function NumberInput(props: {
  readonly label: string;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
}): ReactNode {
  const { designer } = useDashboardDesigner();
  const id = useId();
  return (
    <div className="fbdd-control">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        value={props.value ?? ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        onBlur={() => designer.checkpoint()}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          props.onChange(e.target.value === '' || Number.isNaN(n) ? undefined : n);
        }}
      />
    </div>
  );
}

/** A labelled select; `none` adds a first choice for no value (''). */
export function SelectInput(props: {
  readonly label: string;
  readonly value: string | undefined;
  readonly choices: readonly Choice[];
  readonly onChange: (value: string) => void;
  readonly none?: string;
}): ReactNode {
  const id = useId();
  const known =
    props.value === undefined || props.value === '' || props.choices.some((c) => c.value === props.value);
  return (
    <div className="fbdd-control">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        {props.none !== undefined || props.value === undefined || props.value === '' ? (
          <option value="">{props.none ?? ''}</option>
        ) : null}
        {/* A stored value the choices do not list (a removed field) stays visible, not silently replaced. */}
        {known ? null : <option value={props.value}>{props.value}</option>}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox; unchecked is undefined (the option's default). */
export function CheckboxInput(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className="fbdd-control fbdd-control--check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
