import type { WidgetProps } from '../registry.ts';
import { LookupPicker, LookupView } from './LookupPicker.tsx';

/** Picks a department (org unit) from the host's directory (`host.directory.orgUnits`); stores its id. */
export function OrgUnitPickerWidget(props: WidgetProps) {
  return <LookupPicker widget={props} source={props.host.directory?.orgUnits} />;
}

/** Read-only department name. */
export function OrgUnitView(props: WidgetProps) {
  return <LookupView widget={props} source={props.host.directory?.orgUnits} />;
}
