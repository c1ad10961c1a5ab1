import type { WidgetProps } from '../registry.ts';
import { controlAria, inputText } from './controlAria.ts';

type TextType = 'text' | 'email' | 'url';

function TextInput({ type, ...props }: WidgetProps & { readonly type: TextType }) {
  const maxLength = props.field.schema.maxLength;
  return (
    <input
      {...controlAria(props)}
      className="fb-input"
      type={type}
      inputMode={type === 'text' ? undefined : type}
      value={inputText(props.value)}
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
  return <TextInput {...props} type="text" />;
}

/** An e-mail address input (the phone shows the e-mail keyboard). */
export function EmailWidget(props: WidgetProps) {
  return <TextInput {...props} type="email" />;
}

/** A web address input. */
export function UrlWidget(props: WidgetProps) {
  return <TextInput {...props} type="url" />;
}
