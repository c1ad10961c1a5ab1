import type { RefObject } from 'react';
import type { WidgetProps } from '../registry.ts';
import { controlAria, inputText } from './controlAria.ts';
import { useSyncedInput } from './useSyncedInput.ts';

type TextType = 'text' | 'email' | 'url';

// A plain function, not a component: one component per text field on a page of thousands. The input
// is uncontrolled (the widgets are `keepsInput`): it keeps what is typed, `useSyncedInput` shows
// values set elsewhere.
function textInput(props: WidgetProps, type: TextType, ref: RefObject<HTMLInputElement | null>) {
  const maxLength = props.field.schema.maxLength;
  return (
    <input
      {...controlAria(props)}
      ref={ref}
      className="fb-input"
      type={type}
      inputMode={type === 'text' ? undefined : type}
      defaultValue={inputText(props.value)}
      placeholder={props.placeholder}
      readOnly={props.readOnly}
      maxLength={typeof maxLength === 'number' ? maxLength : undefined}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={props.onBlur}
    />
  );
}

/** A one-line text input. */
export function TextWidget(props: WidgetProps) {
  return textInput(props, 'text', useSyncedInput(inputText(props.value)));
}

/** An e-mail address input (the phone shows the e-mail keyboard). */
export function EmailWidget(props: WidgetProps) {
  return textInput(props, 'email', useSyncedInput(inputText(props.value)));
}

/** A web address input. */
export function UrlWidget(props: WidgetProps) {
  return textInput(props, 'url', useSyncedInput(inputText(props.value)));
}
