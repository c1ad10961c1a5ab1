import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { displayText, EmptyValue } from './ValueView.tsx';

/** A computed value: read-only text formatted for the locale, in an output element the label names. */
export function ComputedWidget(props: WidgetProps) {
  return (
    <output
      id={props.id}
      className="fb-computed"
      tabIndex={-1}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
    >
      {isEmpty(props.value) ? <EmptyValue props={props} /> : displayText(props, props.value)}
    </output>
  );
}
