import { type ReactNode, useState } from 'react';
import type { WidgetProps } from '../registry.ts';
import { controlAria } from './controlAria.ts';

/** Reads a typed number: full-width digits (IME input), "1,234.5" and spaces are accepted. */
export function parseNumber(text: string): number | undefined {
  const normal = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/[,\s\uFF0C]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return undefined;
  const value = Number(normal);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A text input for numbers (inputMode decimal, so phones show digits and "1." can be typed). While
 * focused it keeps what was typed; text that is not a number is passed on as text, so the engine
 * reports "must be a number" instead of the input silently dropping it.
 */
export function NumberInput({
  prefix,
  suffix,
  ...props
}: WidgetProps & { readonly prefix?: string | undefined; readonly suffix?: string | undefined }): ReactNode {
  const [draft, setDraft] = useState<string | null>(null);
  const stored = props.value === undefined || props.value === null ? '' : String(props.value);
  const shown = draft !== null && (parseNumber(draft) ?? draft) === (props.value ?? '') ? draft : stored;
  const adornmentId = `${props.id}-unit`;
  const aria = controlAria(props);
  const adorned = Boolean(prefix || suffix);
  const describedBy =
    adorned && aria['aria-describedby']
      ? `${adornmentId} ${aria['aria-describedby']}`
      : adorned
        ? adornmentId
        : aria['aria-describedby'];
  const input = (
    <input
      {...aria}
      aria-describedby={describedBy}
      className="fb-input fb-number"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={shown}
      placeholder={props.placeholder}
      readOnly={props.readOnly}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        props.onChange(text.trim() === '' ? undefined : (parseNumber(text) ?? text));
      }}
      onBlur={() => {
        setDraft(null);
        props.onBlur();
      }}
    />
  );
  // The group that lays out a unit beside the input only when there is one.
  if (!prefix && !suffix) return input;
  return (
    <div className="fb-input-group">
      {prefix ? (
        <span className="fb-adornment" id={adornmentId}>
          {prefix}
        </span>
      ) : null}
      {input}
      {suffix ? (
        <span className="fb-adornment" id={adornmentId}>
          {suffix}
        </span>
      ) : null}
    </div>
  );
}
