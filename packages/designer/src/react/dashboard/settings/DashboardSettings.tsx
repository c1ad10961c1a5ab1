import { dashboardMessages } from '@formboard/dashboard';
import { DATE_RANGE_PRESETS, localize } from '@formboard/schema';
import type { ReactNode } from 'react';
import type { Filter, FilterType } from '../../../dashboard/dashboardTypes.ts';
import { fieldLabel, fitsFilter } from '../../../dashboard/sourceForms.ts';
import { sourceOf } from '../../../dashboard/widgetDefaults.ts';
import { choiceName } from '../choiceNames.ts';
import { useDashboardDesigner, useDashboardState } from '../DashboardDesignerContext.ts';
import { CheckboxInput, LocalizedInput, NumberInput, SelectInput } from './controls.tsx';

const FILTER_TYPES: readonly FilterType[] = ['dateRange', 'orgUnit', 'person'];
const DEFAULTS: Readonly<Record<FilterType, readonly string[]>> = {
  dateRange: ['all', ...DATE_RANGE_PRESETS],
  orgUnit: ['all', 'mine'],
  person: ['all', 'me', 'myReports'],
};

/** One dashboard filter: its name, default, and the field it narrows in each source form. */
function FilterSettings({
  filter,
  forms,
}: {
  readonly filter: Filter;
  readonly forms: readonly string[];
}): ReactNode {
  const { designer, messages, locale, report } = useDashboardDesigner();
  const set = (key: string, value: unknown) => report(designer.setFilterProperty(filter.id, key, value));
  const name = localize(filter.label, locale) || filter.id;
  const presets = dashboardMessages(locale).presets as Readonly<Record<string, string>>;
  const defaults = DEFAULTS[filter.type].map((value) => ({
    value,
    name: presets[value] ?? choiceName(locale, value),
  }));
  const current = typeof filter.default === 'string' ? filter.default : undefined;
  return (
    <li className="fbdd-filter" data-filter-id={filter.id}>
      <h4>
        {name} <small>{choiceName(locale, filter.type)}</small>
      </h4>
      <LocalizedInput
        label={`${messages.label} (${filter.id})`}
        value={filter.label}
        onChange={(v) => set('label', v)}
      />
      <SelectInput
        label={`${messages.filterDefault} (${name})`}
        value={current ?? 'all'}
        choices={defaults}
        onChange={(v) => set('default', v === 'all' && filter.type === 'dateRange' ? undefined : v)}
      />
      {forms.map((formId) => {
        const source = designer.sources.get(formId);
        const fields = (source?.fields ?? []).filter((f) => fitsFilter(f, filter.type));
        return (
          <SelectInput
            key={formId}
            label={`${messages.filterField(localize(source?.title, locale) || formId)} (${name})`}
            value={filter.fields[formId]}
            none={messages.none}
            choices={fields.map((f) => ({ value: f.path, name: fieldLabel(f, locale) }))}
            onChange={(path) => set(`fields.${formId}`, path === '' ? undefined : path)}
          />
        );
      })}
      {filter.type === 'orgUnit' ? (
        <CheckboxInput
          label={messages.includeSubUnits}
          checked={filter.includeSubUnits !== false}
          onChange={(on) => set('includeSubUnits', on ? undefined : false)}
        />
      ) : null}
      <button type="button" className="fb-button" onClick={() => report(designer.removeFilter(filter.id))}>
        {messages.removeFilter(name)}
      </button>
    </li>
  );
}

/** The dashboard's own settings (shown when no widget is selected): title, grid, refresh, filters. */
export function DashboardSettings(): ReactNode {
  const { designer, messages, locale, report } = useDashboardDesigner();
  const dashboard = useDashboardState((s) => s.document);
  const forms = [...new Set(dashboard.widgets.flatMap((w) => sourceOf(w) || []))];
  return (
    <div className="fbdd-settings-body">
      <h3 className="fbd-panel-title">{messages.dashboardSettings}</h3>
      <fieldset className="fbdd-group">
        <legend>{messages.general}</legend>
        <LocalizedInput
          label={messages.title}
          value={dashboard.title}
          onChange={(v) => report(designer.setDashboardProperty('title', v ?? ''))}
        />
        <LocalizedInput
          label={messages.description}
          value={dashboard.description}
          onChange={(v) => report(designer.setDashboardProperty('description', v))}
        />
        <NumberInput
          label={messages.refreshSeconds}
          value={dashboard.refreshSeconds}
          min={10}
          step={1}
          onChange={(n) => report(designer.setDashboardProperty('refreshSeconds', n))}
        />
      </fieldset>
      <fieldset className="fbdd-group">
        <legend>{messages.grid}</legend>
        <SelectInput
          label={messages.columns}
          value={String(dashboard.grid.columns)}
          choices={[
            { value: '12', name: '12' },
            { value: '24', name: '24' },
          ]}
          onChange={(v) => report(designer.setColumns(v === '24' ? 24 : 12))}
        />
        <NumberInput
          label={messages.rowHeight}
          value={dashboard.grid.rowHeight}
          min={16}
          max={400}
          step={1}
          onChange={(n) => report(designer.setDashboardProperty('rowHeight', n))}
        />
      </fieldset>
      <fieldset className="fbdd-group">
        <legend>{messages.filters}</legend>
        <ul className="fbdd-list">
          {(dashboard.filters ?? []).map((filter) => (
            <FilterSettings key={filter.id} filter={filter} forms={forms} />
          ))}
        </ul>
        {FILTER_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="fb-button"
            onClick={() => report(designer.addFilter(type))}
          >
            {messages.addFilter(choiceName(locale, type))}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
