import type { WidgetProps } from '../registry.ts';
import { controlAria, numberProp } from './controlAria.ts';
import { formatNumber } from './ValueView.tsx';

/** A number on a slider between the schema's minimum and maximum (default 0–100), with its value shown. */
export function SliderWidget(props: WidgetProps) {
  const min = numberProp(props, 'min', 0, 'minimum');
  const max = numberProp(props, 'max', 100, 'maximum');
  const step = numberProp(props, 'step', 1, 'multipleOf');
  const value = typeof props.value === 'number' ? props.value : undefined;
  return (
    <div className="fb-slider">
      <input
        {...controlAria(props, false)}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value ?? min}
        aria-valuetext={value === undefined ? props.messages.empty : formatNumber(props, value)}
        disabled={props.readOnly}
        onChange={(event) => props.onChange(Number(event.target.value))}
        onBlur={props.onBlur}
      />
      <output htmlFor={props.id} className="fb-slider-value">
        {value === undefined ? '—' : formatNumber(props, value)}
      </output>
    </div>
  );
}
