import type { DashboardFilter } from '@formboard/schema';
import { DATE_RANGE_PRESETS, localize } from '@formboard/schema';
import { type ReactNode, useState } from 'react';
import type { DashboardMessages } from '../core/messages.ts';
import type { FilterValue, FilterValues, NamedOption } from '../core/types.ts';

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  readonly filters: readonly DashboardFilter[];
  readonly values: FilterValues;
  readonly onChange: (id: string, value: FilterValue) => void;
  readonly people: readonly NamedOption[];
  readonly orgUnits: readonly NamedOption[];
  readonly messages: DashboardMessages;
  readonly locale: string;
}

const CUSTOM = 'custom';
// Chosen ids are prefixed so that a unit or person id can never be mistaken for a keyword like "all".
const ID = '=';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The select value standing for a filter value. */
function selectValue(value: FilterValue | undefined): string {
  if (value === undefined) return 'all';
  if (typeof value === 'string') return value;
  if ('from' in value) return CUSTOM;
  return value[0] === undefined ? 'all' : `${ID}${value[0]}`;
}

/** A date-range filter: presets, or two dates once "custom" is chosen. */
function DateRangeControl({ filter, value, onChange, messages, label }: ControlProps): ReactNode {
  const fixed = value !== undefined && typeof value === 'object' && 'from' in value ? value : undefined;
  const [custom, setCustom] = useState(fixed !== undefined);
  const [draft, setDraft] = useState({ from: fixed?.from ?? '', to: fixed?.to ?? '' });
  const changeDraft = (next: { from: string; to: string }) => {
    setDraft(next);
    if (DAY.test(next.from) && DAY.test(next.to) && next.from <= next.to) onChange(filter.id, next);
  };
  return (
    <span className="fb-filter">
      <label>
        {label}
        <select
          value={custom ? CUSTOM : selectValue(value)}
          onChange={(event) => {
            const chosen = event.target.value;
            setCustom(chosen === CUSTOM);
            if (chosen !== CUSTOM) onChange(filter.id, chosen);
          }}
        >
          <option value="all">{messages.all}</option>
          {DATE_RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {messages.presets[preset]}
            </option>
          ))}
          <option value={CUSTOM}>{messages.customRange}</option>
        </select>
      </label>
      {custom &&
        (['from', 'to'] as const).map((end) => (
          <label key={end}>
            {messages[end]}
            <input
              type="date"
              value={draft[end]}
              onChange={(e) => changeDraft({ ...draft, [end]: e.target.value })}
            />
          </label>
        ))}
    </span>
  );
}

interface ControlProps {
  readonly filter: DashboardFilter;
  readonly value: FilterValue | undefined;
  readonly onChange: (id: string, value: FilterValue) => void;
  readonly messages: DashboardMessages;
  readonly label: string;
}

// A select of thousands of people costs a noticeable part of a board's first paint (the browser builds
// and lays out every option); above this many, the options are filled in when the control is used.
const LAZY_OPTIONS = 200;

/** An org-unit or person filter: the keywords, then the options the host passed. */
function ChoiceControl({
  filter,
  value,
  onChange,
  label,
  keywords,
  options,
}: ControlProps & { keywords: readonly [string, string][]; options: readonly NamedOption[] }): ReactNode {
  const [filled, setFilled] = useState(options.length <= LAZY_OPTIONS);
  const selected = selectValue(value);
  // Unfilled, the list holds the chosen person or unit only (none for a keyword): found without
  // building a value per option, on every render of a board of thousands of people.
  const chosen = selected.startsWith(ID) ? selected.slice(ID.length) : undefined;
  const shown = filled
    ? options
    : chosen === undefined
      ? []
      : options.filter((option) => option.id === chosen);
  const fill = () => setFilled(true);
  return (
    <span className="fb-filter">
      <label>
        {label}
        <select
          value={selected}
          onFocus={fill}
          onPointerDown={fill}
          onChange={(event) => {
            const chosen = event.target.value;
            onChange(filter.id, chosen.startsWith(ID) ? [chosen.slice(ID.length)] : chosen);
          }}
        >
          {keywords.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
          {shown.map((option) => (
            <option key={option.id} value={`${ID}${option.id}`}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}

/** The dashboard's filter controls; each change goes to every widget's loader call. */
export function FilterBar({
  filters,
  values,
  onChange,
  people,
  orgUnits,
  messages,
  locale,
}: FilterBarProps): ReactNode {
  if (filters.length === 0) return null;
  return (
    <fieldset className="fb-filters">
      <legend>{messages.filters}</legend>
      {filters.map((filter) => {
        const common = {
          filter,
          value: values[filter.id],
          onChange,
          messages,
          label: filter.label === undefined ? filter.id : localize(filter.label, locale),
        };
        if (filter.type === 'dateRange') return <DateRangeControl key={filter.id} {...common} />;
        if (filter.type === 'orgUnit')
          return (
            <ChoiceControl
              key={filter.id}
              {...common}
              keywords={[
                ['all', messages.all],
                ['mine', messages.mine],
              ]}
              options={orgUnits}
            />
          );
        return (
          <ChoiceControl
            key={filter.id}
            {...common}
            keywords={[
              ['all', messages.all],
              ['me', messages.me],
              ['myReports', messages.myReports],
            ]}
            options={people}
          />
        );
      })}
    </fieldset>
  );
}
