import { type ReactNode, useId } from 'react';

/**
 * A labelled choice among values (a native select). A value that is not among the options (one a
 * definition holds but the list no longer offers) is shown as it is, so nothing changes unasked.
 */
export function SelectField<T extends string>(props: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className="fbd-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.some((o) => o.value === props.value) ? null : (
          <option value={props.value}>{props.value}</option>
        )}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
