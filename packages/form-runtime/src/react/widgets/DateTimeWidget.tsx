import { isEmpty } from '../../engine/defaults.ts';
import { isoToLocalInput, localInputToIso } from '../dateTime.ts';
import type { WidgetProps } from '../registry.ts';
import { controlAria } from './controlAria.ts';
import { EmptyValue } from './ValueView.tsx';

/** A date and time, typed as wall-clock time in the form's time zone and stored as RFC 3339 with offset. */
export function DateTimeWidget(props: WidgetProps) {
  const zone = props.format.timeZone;
  const text = typeof props.value === 'string' ? isoToLocalInput(props.value, zone) : '';
  return (
    <input
      {...controlAria(props)}
      className="fb-input fb-datetime"
      type="datetime-local"
      value={text}
      readOnly={props.readOnly}
      onChange={(event) => props.onChange(localInputToIso(event.target.value, zone) ?? event.target.value)}
      onBlur={props.onBlur}
    />
  );
}

/** Read-only date and time in the locale's style and the form's time zone. */
export function DateTimeView(props: WidgetProps) {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  return <span className="fb-value-text">{props.format.dateTime(String(props.value))}</span>;
}
