import { useMemo } from 'react';
import type { OptionSource } from '../host.ts';
import type { WidgetProps } from '../registry.ts';
import { LookupPicker, LookupView } from './LookupPicker.tsx';

/** The record source of the field's form (`x-form`), made once per form id. */
function useRecordSource(props: WidgetProps): OptionSource | undefined {
  const formId = props.field.schema['x-form'];
  const records = props.host.records;
  return useMemo(
    () => (records && typeof formId === 'string' ? records(formId) : undefined),
    [records, formId],
  );
}

/** Picks a record of another form (`format: "record"`, `x-form`) by searching it; stores the record id. */
export function RecordRefWidget(props: WidgetProps) {
  return <LookupPicker widget={props} source={useRecordSource(props)} />;
}

/** Read-only title of the referenced record. */
export function RecordRefView(props: WidgetProps) {
  return <LookupView widget={props} source={useRecordSource(props)} />;
}
