import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { EmptyValue } from './ValueView.tsx';

/** "2026-11-01/2026-11-30" (an ISO 8601 interval) → its two dates; "" for a missing end. */
export function splitRange(value: unknown): [string, string] {
  if (typeof value !== 'string') return ['', ''];
  const [start = '', end = ''] = value.split('/');
  return [start, end];
}

/** Two dates → the stored interval; undefined when both are empty. */
export function joinRange(start: string, end: string): string | undefined {
  return start || end ? `${start}/${end}` : undefined;
}

/**
 * A date range stored in one text field as an ISO 8601 interval ("2026-11-01/2026-11-30"): a group of
 * two date inputs, start and end (the end cannot be before the start).
 */
export function DateRangeWidget(props: WidgetProps) {
  const [start, end] = splitRange(props.value);
  const common = {
    type: 'date',
    className: 'fb-input fb-date',
    readOnly: props.readOnly,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    onBlur: props.onBlur,
  } as const;
  return (
    <div className="fb-range">
      <label className="fb-range-part">
        <span className="fb-range-label">{props.messages.rangeStart}</span>
        <input
          {...common}
          id={props.id}
          value={start}
          max={end || undefined}
          onChange={(event) => props.onChange(joinRange(event.target.value, end))}
        />
      </label>
      <span aria-hidden="true">–</span>
      <label className="fb-range-part">
        <span className="fb-range-label">{props.messages.rangeEnd}</span>
        <input
          {...common}
          id={`${props.id}-end`}
          value={end}
          min={start || undefined}
          onChange={(event) => props.onChange(joinRange(start, event.target.value))}
        />
      </label>
    </div>
  );
}

/** Read-only date range in the locale's style (ICU's range format). */
export function DateRangeView(props: WidgetProps) {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  const [start, end] = splitRange(props.value);
  const text = start && end ? props.format.dateRange(start, end) : props.format.date(start || end);
  return <span className="fb-value-text">{text}</span>;
}
