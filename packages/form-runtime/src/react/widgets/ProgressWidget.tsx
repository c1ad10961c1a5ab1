import type { WidgetProps } from '../registry.ts';
import { NumberInput } from './NumberInput.tsx';

/** A progress value clamped to 0–100 for the bar. */
function percentOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : undefined;
}

/** The bar: a native progress element with the percentage as text. */
function Bar({ props, id }: { readonly props: WidgetProps; readonly id?: string }) {
  const value = percentOf(props.value);
  return (
    <div className="fb-progress">
      <progress
        id={id}
        max={100}
        value={value ?? 0}
        aria-labelledby={id ? undefined : props.labelId}
        aria-describedby={props.describedBy}
      />
      <span className="fb-progress-text">{value === undefined ? '—' : props.format.percent(value)}</span>
    </div>
  );
}

/** Progress from 0 to 100 with a bar: typed as a number when editable, a bar alone when read-only. */
export function ProgressWidget(props: WidgetProps) {
  if (props.readOnly) return <Bar props={props} id={props.id} />;
  return (
    <div className="fb-progress-edit">
      <NumberInput {...props} suffix="%" />
      <Bar props={props} />
    </div>
  );
}

/** Read-only progress: the bar and its percentage. */
export function ProgressView(props: WidgetProps) {
  return <Bar props={props} />;
}
