import type { LocalizedText } from '@formboard/schema';
import { type ReactNode, useId, useRef } from 'react';
import { textIn } from '../../form/localizedText.ts';
import { withLocaleText } from './textEdit.ts';
import { useWorkflowContext } from './WorkflowContext.ts';

/** A labelled one-line text box; leaving it ends its run of merged edits. */
export function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'number';
  readonly hint?: string;
}): ReactNode {
  const { designer } = useWorkflowContext();
  const id = useId();
  return (
    <div className="fbw-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => designer.checkpoint()}
      />
      {props.hint ? (
        <small id={`${id}-hint`} className="fbd-note">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

/**
 * A localized text edited in the current locale, with buttons that insert `{{placeholder}}`s (fields
 * of the record and run variables) at the caret.
 */
export function TemplateField(props: {
  readonly label: string;
  readonly value: LocalizedText | undefined;
  readonly onChange: (value: LocalizedText | undefined) => void;
  readonly placeholders: readonly { readonly name: string; readonly label: string }[];
  readonly multiline?: boolean;
}): ReactNode {
  const { designer, locale, messages } = useWorkflowContext();
  const id = useId();
  const box = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const text = textIn(props.value, locale);
  const insert = (name: string) => {
    const at = box.current?.selectionStart ?? text.length;
    props.onChange(withLocaleText(props.value, locale, `${text.slice(0, at)}{{${name}}}${text.slice(at)}`));
  };
  const common = {
    id,
    ref: box,
    value: text,
    onChange: (e: { target: { value: string } }) =>
      props.onChange(withLocaleText(props.value, locale, e.target.value)),
    onBlur: () => designer.checkpoint(),
  };
  return (
    <div className="fbw-field fbw-template">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {props.placeholders.length > 0 ? (
        <fieldset className="fbw-placeholders" aria-label={`${props.label}: ${messages.insertPlaceholder}`}>
          {props.placeholders.map((p) => (
            <button
              key={p.name}
              type="button"
              className="fbw-chip"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(p.name)}
            >
              {p.label}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
