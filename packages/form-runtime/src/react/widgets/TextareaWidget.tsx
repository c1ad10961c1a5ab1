import type { WidgetProps } from '../registry.ts';
import { controlAria, inputText, numberProp } from './controlAria.ts';
import { useSyncedInput } from './useSyncedInput.ts';

/** A multi-line text input (`props.rows`, default 4); uncontrolled, like the text input. */
export function TextareaWidget(props: WidgetProps) {
  const maxLength = props.field.schema.maxLength;
  const text = inputText(props.value);
  const ref = useSyncedInput<HTMLTextAreaElement>(text);
  return (
    <textarea
      {...controlAria(props)}
      ref={ref}
      className="fb-input fb-textarea"
      rows={numberProp(props, 'rows', 4)}
      defaultValue={text}
      placeholder={props.placeholder}
      readOnly={props.readOnly}
      maxLength={typeof maxLength === 'number' ? maxLength : undefined}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={props.onBlur}
    />
  );
}

/** Read-only multi-line text: line breaks kept. */
export function TextareaView(props: WidgetProps) {
  return <span className="fb-value-text fb-value-multiline">{inputText(props.value)}</span>;
}
