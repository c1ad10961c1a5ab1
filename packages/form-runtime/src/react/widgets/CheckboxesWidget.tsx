import type { WidgetProps } from '../registry.ts';
import { listValue } from './MultiSelectWidget.tsx';

/** Several choices as checkboxes (a group: the legend is the label). */
export function CheckboxesWidget(props: WidgetProps) {
  const current = listValue(props.value);
  return (
    <div className="fb-choices">
      {props.options.map((option, i) => (
        <label key={String(option.value)} className="fb-choice">
          <input
            type="checkbox"
            id={i === 0 ? props.id : `${props.id}-${i}`}
            checked={current.includes(option.value)}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? props.options.map((o) => o.value).filter((v) => v === option.value || current.includes(v))
                  : current.filter((v) => v !== option.value),
              )
            }
            onBlur={props.onBlur}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
