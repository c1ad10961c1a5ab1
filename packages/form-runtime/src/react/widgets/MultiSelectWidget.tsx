import type { PickOption } from '../host.ts';
import type { WidgetProps } from '../registry.ts';
import { Combobox } from './Combobox.tsx';
import { choiceValue, filterOptions, toPickOptions } from './SelectWidget.tsx';

/** The stored values of a multi-choice field. */
export function listValue(value: unknown): (string | number)[] {
  return Array.isArray(value) ? (value as (string | number)[]) : [];
}

/**
 * Several choices from a searchable list, shown as chips. Without options in the schema it is a free
 * tag list: Enter adds what was typed.
 */
export function MultiSelectWidget(props: WidgetProps) {
  const all = toPickOptions(props.options);
  const current = listValue(props.value);
  const selected: PickOption[] = current.map(
    (v) => all.find((o) => o.id === String(v)) ?? { id: String(v), label: String(v) },
  );
  const write = (next: (string | number)[]) => props.onChange(next);
  return (
    <Combobox
      widget={props}
      search={(query) => filterOptions(all, query)}
      selected={selected}
      multiple={true}
      allowCreate={all.length === 0}
      onPick={(option) => write([...current, choiceValue(props.options, option.id)])}
      onUnpick={(option) => write(current.filter((v) => String(v) !== option.id))}
    />
  );
}
