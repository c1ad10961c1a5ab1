import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { NumberInput } from './NumberInput.tsx';
import { EmptyValue, ValueView } from './ValueView.tsx';

/** A number, with the field's unit (`x-unit`: "件", "万元", "%") shown after it. */
export function NumberWidget(props: WidgetProps) {
  return <NumberInput {...props} suffix={props.unit} />;
}

/** A percentage stored as points (60 means 60%): "%" after the input, Intl percent when read. */
export function PercentWidget(props: WidgetProps) {
  return <NumberInput {...props} suffix="%" />;
}

/** Read-only percentage: "60%" in the locale's style. */
export function PercentView(props: WidgetProps) {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  if (typeof props.value !== 'number') return <ValueView {...props} />;
  return <span className="fb-value-text">{props.format.percent(props.value)}</span>;
}
