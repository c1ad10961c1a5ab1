import { type KeyboardEvent, useRef, useState } from 'react';
import type { PickOption } from '../host.ts';
import type { WidgetProps } from '../registry.ts';
import { controlAria } from './controlAria.ts';

/** Props of the shared searchable picker. */
export interface ComboboxProps {
  readonly widget: WidgetProps;
  /** Options for what was typed; may be async (a directory or record search). */
  readonly search: (query: string) => Promise<readonly PickOption[]> | readonly PickOption[];
  /** What is picked now (one for a single choice). */
  readonly selected: readonly PickOption[];
  readonly multiple: boolean;
  readonly onPick: (option: PickOption) => void;
  readonly onUnpick: (option: PickOption) => void;
  /** Enter on text that matches nothing adds it as a new value (free tags). */
  readonly allowCreate?: boolean;
}

/**
 * A searchable picker following the ARIA combobox pattern: type to filter, arrows to move, Enter to
 * pick, Escape to close; several picks show as removable chips. Used by searchable selects, tags, and
 * the user, org unit and record pickers.
 */
export function Combobox({
  widget,
  search,
  selected,
  multiple,
  onPick,
  onUnpick,
  allowCreate,
}: ComboboxProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<readonly PickOption[]>([]);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const listId = `${widget.id}-listbox`;
  const statusId = `${widget.id}-status`;
  const { messages, readOnly } = widget;

  const run = (text: string) => {
    const ticket = ++latest.current;
    setOpen(true);
    setLoading(true);
    void Promise.resolve(search(text)).then((found) => {
      if (ticket !== latest.current) return;
      setOptions(found);
      setActive(found.length > 0 ? 0 : -1);
      setLoading(false);
    });
  };
  const close = () => {
    latest.current += 1;
    setOpen(false);
    setLoading(false);
    setActive(-1);
  };
  const pick = (option: PickOption) => {
    if (multiple && selected.some((s) => s.id === option.id)) onUnpick(option);
    else onPick(option);
    setQuery(multiple ? '' : null);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (readOnly) return;
    const text = query ?? '';
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return run(text);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? -1 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      const option = open ? options[active] : undefined;
      if (option) {
        event.preventDefault();
        pick(option);
      } else if (allowCreate && text.trim()) {
        event.preventDefault();
        pick({ id: text.trim(), label: text.trim() });
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setQuery(null);
      close();
    } else if (event.key === 'Backspace' && multiple && text === '') {
      const last = selected[selected.length - 1];
      if (last) onUnpick(last);
    }
  };

  const shownText = query ?? (multiple ? '' : (selected[0]?.label ?? ''));
  const activeOption = open ? options[active] : undefined;
  const status = !open ? '' : loading ? messages.loading : options.length === 0 ? messages.noResults : '';
  return (
    <div className="fb-combobox">
      {multiple && selected.length > 0 ? (
        <ul className="fb-chips" aria-label={widget.label}>
          {selected.map((option) => (
            <li key={option.id} className="fb-chip">
              {option.label}
              {readOnly ? null : (
                <button
                  type="button"
                  aria-label={messages.remove(option.label)}
                  onClick={() => onUnpick(option)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...controlAria(widget)}
        className="fb-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
        placeholder={widget.placeholder ?? (readOnly ? undefined : messages.search)}
        readOnly={readOnly}
        value={shownText}
        onChange={(event) => {
          setQuery(event.target.value);
          run(event.target.value);
        }}
        onClick={() => (readOnly || open ? undefined : run(query ?? ''))}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Emptying a single picker's text and leaving it clears the choice.
          const cleared = !multiple && query !== null && query.trim() === '' ? selected[0] : undefined;
          if (cleared) onUnpick(cleared);
          setQuery(null);
          close();
          widget.onBlur();
        }}
      />
      <div className="fb-listbox" role="listbox" id={listId} aria-label={widget.label} hidden={!open}>
        {options.map((option, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input owns the keyboard (aria-activedescendant)
          <div
            key={option.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={selected.some((s) => s.id === option.id)}
            className={i === active ? 'fb-option fb-option--active' : 'fb-option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            <span>{option.label}</span>
            {option.detail ? <span className="fb-option-detail">{option.detail}</span> : null}
          </div>
        ))}
      </div>
      <div className="fb-combobox-status" id={statusId} role="status">
        {status}
      </div>
    </div>
  );
}
