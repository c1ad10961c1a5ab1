import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { numberProp } from './controlAria.ts';
import { EmptyValue } from './ValueView.tsx';

/** How many stars: `props.max`, else the schema's maximum, else 5. */
function maxOf(props: WidgetProps): number {
  return Math.max(1, Math.min(10, Math.round(numberProp(props, 'max', 5, 'maximum'))));
}

/** A rating out of 5 (or `props.max`) stars: radio buttons drawn as stars, so arrows and Space work. */
export function RatingWidget(props: WidgetProps) {
  const max = maxOf(props);
  const value = typeof props.value === 'number' ? props.value : 0;
  return (
    <div className="fb-rating" role="radiogroup" aria-labelledby={props.labelId}>
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <label key={n} className={n <= value ? 'fb-star fb-star--on' : 'fb-star'}>
          <input
            className="fb-visually-hidden"
            type="radio"
            id={n === 1 ? props.id : `${props.id}-${n}`}
            name={props.id}
            checked={props.value === n}
            disabled={props.readOnly}
            aria-invalid={props.invalid || undefined}
            onChange={() => props.onChange(n)}
            onBlur={props.onBlur}
          />
          <span aria-hidden="true">★</span>
          <span className="fb-visually-hidden">{props.messages.ratingValue(n, max)}</span>
        </label>
      ))}
    </div>
  );
}

/** Read-only rating: filled and empty stars, read out as "4 of 5 stars". */
export function RatingView(props: WidgetProps) {
  if (isEmpty(props.value) || typeof props.value !== 'number') return <EmptyValue props={props} />;
  const max = maxOf(props);
  const value = Math.max(0, Math.min(max, Math.round(props.value)));
  return (
    <span className="fb-rating-view">
      <span aria-hidden="true">{'★'.repeat(value) + '☆'.repeat(max - value)}</span>
      <span className="fb-visually-hidden">{props.messages.ratingValue(value, max)}</span>
    </span>
  );
}
