import { isEmpty } from '../../engine/defaults.ts';
import type { OptionSource } from '../host.ts';
import type { WidgetProps } from '../registry.ts';
import { Combobox } from './Combobox.tsx';
import { controlAria } from './controlAria.ts';
import { listValue } from './MultiSelectWidget.tsx';
import { rememberOption, useLookup } from './useLookup.ts';
import { EmptyValue } from './ValueView.tsx';

/** Stored ids of a picker field: one for a text field, several for a list field. */
function idsOf(props: WidgetProps): string[] {
  if (props.field.kind === 'multiSelect') return listValue(props.value).map(String);
  return isEmpty(props.value) ? [] : [String(props.value)];
}

/**
 * Picks people, org units or records from a source the host provides (searched as you type). Without
 * a source it says so instead of failing.
 */
export function LookupPicker({
  widget,
  source,
}: {
  readonly widget: WidgetProps;
  readonly source: OptionSource | undefined;
}) {
  const ids = idsOf(widget);
  const selected = useLookup(source, ids);
  const multiple = widget.field.kind === 'multiSelect';
  if (!source) {
    const noteId = `${widget.id}-note`;
    return (
      <>
        <input
          {...controlAria(widget)}
          aria-describedby={[noteId, widget.describedBy].filter(Boolean).join(' ')}
          className="fb-input"
          readOnly
          value={ids.join(', ')}
        />
        <p className="fb-help" id={noteId}>
          {widget.messages.notConnected}
        </p>
      </>
    );
  }
  return (
    <Combobox
      widget={widget}
      search={(query) => source.search(query)}
      selected={selected}
      multiple={multiple}
      onPick={(option) => {
        rememberOption(source, option);
        widget.onChange(multiple ? [...ids, option.id] : option.id);
      }}
      onUnpick={(option) => widget.onChange(multiple ? ids.filter((id) => id !== option.id) : undefined)}
    />
  );
}

/** Read-only names of the picked people, org units or records. */
export function LookupView({
  widget,
  source,
}: {
  readonly widget: WidgetProps;
  readonly source: OptionSource | undefined;
}) {
  const selected = useLookup(source, idsOf(widget));
  if (selected.length === 0) return <EmptyValue props={widget} />;
  return <span className="fb-value-text">{widget.format.list(selected.map((o) => o.label))}</span>;
}
