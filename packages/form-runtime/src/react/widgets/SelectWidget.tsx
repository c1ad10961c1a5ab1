import type { PickOption } from '../host.ts';
import type { ChoiceOption, WidgetProps } from '../registry.ts';
import { Combobox } from './Combobox.tsx';
import { controlAria } from './controlAria.ts';

/** Choice options as picker options (ids are the values as text). */
export function toPickOptions(options: readonly ChoiceOption[]): PickOption[] {
  return options.map((o) => ({ id: String(o.value), label: o.label }));
}

/** The stored value of a picked option (numbers stay numbers). */
export function choiceValue(options: readonly ChoiceOption[], id: string): string | number {
  return options.find((o) => String(o.value) === id)?.value ?? id;
}

/** Options whose label contains the query (case-insensitive). */
export function filterOptions(options: readonly PickOption[], query: string): PickOption[] {
  const q = query.trim().toLowerCase();
  return q ? options.filter((o) => o.label.toLowerCase().includes(q)) : [...options];
}

/** One choice from a list: a native select, or a type-to-search picker with `props.searchable`. */
export function SelectWidget(props: WidgetProps) {
  const { options, value } = props;
  if (props.props.searchable === true) {
    const all = toPickOptions(options);
    const picked = all.filter((o) => o.id === String(value ?? ''));
    return (
      <Combobox
        widget={props}
        search={(query) => filterOptions(all, query)}
        selected={picked}
        multiple={false}
        onPick={(option) => props.onChange(choiceValue(options, option.id))}
        onUnpick={() => props.onChange(undefined)}
      />
    );
  }
  const index = options.findIndex((o) => o.value === value);
  return (
    <select
      {...controlAria(props)}
      className="fb-input fb-select"
      value={index === -1 ? '' : String(index)}
      disabled={props.readOnly}
      onChange={(event) => {
        const chosen = options[Number(event.target.value)];
        props.onChange(event.target.value === '' || !chosen ? undefined : chosen.value);
      }}
      onBlur={props.onBlur}
    >
      <option value="">{props.placeholder ?? props.messages.choose}</option>
      {options.map((option, i) => (
        <option key={String(option.value)} value={String(i)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
