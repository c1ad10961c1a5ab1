import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { controlAria, inputText } from './controlAria.ts';
import { EmptyValue } from './ValueView.tsx';

/** A calendar date ("2026-11-01") with the browser's date picker. */
export function DateWidget(props: WidgetProps) {
  return (
    <input
      {...controlAria(props)}
      className="fb-input fb-date"
      type="date"
      value={inputText(props.value).slice(0, 10)}
      readOnly={props.readOnly}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={props.onBlur}
    />
  );
}

/** Read-only date in the locale's style: "2026年11月1日". */
export function DateView(props: WidgetProps) {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  return <span className="fb-value-text">{props.format.date(String(props.value))}</span>;
}
