import type { WidgetProps } from '../registry.ts';

/** One choice as radio buttons (a group: the legend is the label; arrows move between choices). */
export function RadioWidget(props: WidgetProps) {
  return (
    <div
      className="fb-choices"
      role="radiogroup"
      aria-labelledby={props.labelId}
      aria-required={props.required || undefined}
    >
      {props.options.map((option, i) => (
        <label key={String(option.value)} className="fb-choice">
          <input
            type="radio"
            id={i === 0 ? props.id : `${props.id}-${i}`}
            name={props.id}
            checked={props.value === option.value}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            onChange={() => props.onChange(option.value)}
            onBlur={props.onBlur}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
