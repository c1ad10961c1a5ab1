import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { completeAt, diagnose, evaluateSample, type FormulaVariables } from '../../rules/formulaEditor.ts';
import type { ScopeField } from '../../rules/formulaScope.ts';
import { useRuleText } from './RuleText.tsx';

/** Props of the formula editor. */
export interface FormulaEditorProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** What the formula can read (record fields, or a row's cells over them). */
  readonly fields: readonly ScopeField[];
  /** The `$variables` it can read (default a form definition's). */
  readonly variables?: FormulaVariables;
  /** The sample data the live result is computed on; no live result without it. */
  readonly sample?: Readonly<Record<string, unknown>>;
  /** Values of the `$variables` for the live result (`{ user: { id } }` for `$user.id`); default none. */
  readonly sampleVariables?: Readonly<Record<string, unknown>>;
  /** Rules, validations and conditions must give TRUE or FALSE. */
  readonly logical?: boolean;
  readonly placeholder?: string;
  /** A line under the label saying what the formula is for ("computed once when a new record starts"). */
  readonly hint?: string;
  /** The text box lost focus (a designer ends its undo merging there). */
  readonly onBlur?: () => void;
}

const MAX_ITEMS = 8;

/**
 * A formula text box with completion of field names (by key or label), functions and variables,
 * problems with their line and column, and the result on the sample data, all as you type.
 */
export function FormulaEditor(props: FormulaEditorProps): ReactNode {
  const { messages, locale } = useRuleText();
  const { value, fields, variables, sample } = props;
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const completions = useMemo(
    () => (cursor === null ? undefined : completeAt(value, cursor, fields, variables)),
    [value, cursor, fields, variables],
  );
  const items = completions && completions.to > completions.from ? completions.items.slice(0, MAX_ITEMS) : [];
  const diagnosis = value.trim() === '' ? undefined : diagnose(value, fields, props.logical, variables);
  const scope = {
    data: sample ?? {},
    ...(props.sampleVariables ? { variables: props.sampleVariables } : {}),
  };
  const result = diagnosis?.ok && sample ? evaluateSample(value, fields, scope, variables) : undefined;

  // Where the caret goes once an accepted completion is in the text box: placed right after React
  // writes the new value (a later frame could move it back under the next key the person typed).
  const caretAfterAccept = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterAccept.current;
    if (at === null || input.current?.value !== value) return;
    caretAfterAccept.current = null;
    input.current.setSelectionRange(at, at);
  }, [value]);
  const accept = (index: number) => {
    const item = items[index];
    if (!item || !completions) return;
    const next = value.slice(0, completions.from) + item.insert + value.slice(completions.to);
    caretAfterAccept.current = completions.from + item.insert.length;
    props.onChange(next);
    setCursor(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (items.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      accept(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setCursor(null);
    }
  };
  const listId = `${id}-list`;
  const problemsId = `${id}-problems`;
  const hintId = `${id}-hint`;
  return (
    <div className="fbd-formula">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={hintId} className="fbd-formula-hint">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={input}
        className="fbd-formula-input"
        value={value}
        rows={2}
        spellCheck={false}
        placeholder={props.placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length > 0 ? `${listId}-${active}` : undefined}
        aria-invalid={diagnosis && !diagnosis.ok ? true : undefined}
        aria-describedby={props.hint ? `${hintId} ${problemsId}` : problemsId}
        onChange={(event) => {
          props.onChange(event.target.value);
          setCursor(event.target.selectionStart);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setCursor(null);
          props.onBlur?.();
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={messages.suggestions}
        className="fbd-completions"
        hidden={items.length === 0}
      >
        {items.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the text box owns the keyboard (aria-activedescendant)
          <div
            key={`${item.kind}:${item.insert}`}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => accept(index)}
          >
            <span>{item.label[locale]}</span> <small>{item.detail[locale]}</small>
          </div>
        ))}
      </div>
      <div id={problemsId} aria-live="polite">
        {diagnosis && !diagnosis.ok
          ? diagnosis.issues.map((issue) => (
              <p key={`${issue.span.start}:${issue.code}`} className="fb-error">
                {issue.messages[locale]}
              </p>
            ))
          : null}
        {result ? (
          <p className="fbd-formula-result">
            {messages.result}
            {locale === 'zh-CN' ? '：' : ': '}
            <output>{result.ok ? JSON.stringify(result.value) : ''}</output>
          </p>
        ) : null}
      </div>
    </div>
  );
}
