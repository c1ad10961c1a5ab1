import type { WidgetProps } from '../registry.ts';
import { LookupPicker, LookupView } from './LookupPicker.tsx';

/** Picks a person from the host's directory (`host.directory.users`); stores the user id. */
export function UserPickerWidget(props: WidgetProps) {
  return <LookupPicker widget={props} source={props.host.directory?.users} />;
}

/** Read-only person's name. */
export function UserView(props: WidgetProps) {
  return <LookupView widget={props} source={props.host.directory?.users} />;
}
