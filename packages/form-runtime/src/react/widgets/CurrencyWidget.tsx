import { isEmpty } from '../../engine/defaults.ts';
import type { WidgetProps } from '../registry.ts';
import { stringProp } from './controlAria.ts';
import { NumberInput } from './NumberInput.tsx';
import { EmptyValue, ValueView } from './ValueView.tsx';

/** The ISO currency of a currency field (`props.currency`, default CNY). */
function currencyOf(props: WidgetProps): string {
  return stringProp(props, 'currency', 'CNY');
}

/** An amount of money: the currency symbol before the input, Intl currency format when read. */
export function CurrencyWidget(props: WidgetProps) {
  return <NumberInput {...props} prefix={props.format.currencySymbol(currencyOf(props))} />;
}

/** Read-only amount: "¥1,234.50". */
export function CurrencyView(props: WidgetProps) {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  if (typeof props.value !== 'number') return <ValueView {...props} />;
  return <span className="fb-value-text">{props.format.currency(props.value, currencyOf(props))}</span>;
}
