import type { WidgetProps } from '../registry.ts';
import { controlAria } from './controlAria.ts';

function Toggle({ role, ...props }: WidgetProps & { readonly role?: 'switch' }) {
  return (
    <input
      {...controlAria(props, false)}
      className={role ? 'fb-switch' : 'fb-checkbox'}
      type="checkbox"
      role={role}
      checked={props.value === true}
      disabled={props.readOnly}
      onChange={(event) => props.onChange(event.target.checked)}
      onBlur={props.onBlur}
    />
  );
}

/** Yes or no as an on/off switch (a checkbox with role "switch"; Space toggles it). */
export function SwitchWidget(props: WidgetProps) {
  return <Toggle {...props} role="switch" />;
}

/** Yes or no as a checkbox. */
export function CheckboxWidget(props: WidgetProps) {
  return <Toggle {...props} />;
}
