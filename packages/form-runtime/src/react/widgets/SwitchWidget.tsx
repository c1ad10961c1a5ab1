import type { WidgetProps } from '../registry.ts';
import { controlAria } from './controlAria.ts';

// A plain function, not a component: one component per checkbox on a page of thousands.
function toggle(props: WidgetProps, role?: 'switch') {
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
  return toggle(props, 'switch');
}

/** Yes or no as a checkbox. */
export function CheckboxWidget(props: WidgetProps) {
  return toggle(props);
}
