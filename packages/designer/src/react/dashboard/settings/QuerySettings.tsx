import type { ReactNode } from 'react';
import type { QueryWidget } from '../../../dashboard/dashboardTypes.ts';
import { isDate, isGroupable } from '../../../dashboard/sourceForms.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { CheckboxInput, NumberInput, SelectInput, TextInput } from './controls.tsx';
import { FilterFormulaBox } from './FilterFormulaBox.tsx';
import { MeasureList, measureName } from './MeasureList.tsx';
import type { WidgetEditor } from './useWidgetEditor.ts';

const UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const DIRECTIONS = ['asc', 'desc'] as const;
/** The schema's limit of groupBy fields. */
const GROUPS = 3;

/** The query of a widget: measures, group by, time bucket, record filter, sort, limit, comparison. */
export function QuerySettings({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { messages, locale } = useDashboardDesigner();
  const { query } = editor.widget as QueryWidget;
  const groupBy = query.groupBy ?? [];
  const setGroup = (i: number, path: string) => {
    const next = [...groupBy];
    if (path === '') next.splice(i, 1);
    else next[i] = path;
    const unique = [...new Set(next)];
    editor.set('query.groupBy', unique.length > 0 ? unique : undefined);
  };
  const groupChoices = editor.fieldChoices((f) => !f.inTable && isGroupable(f) && !isDate(f));
  const sortKeys = [
    ...query.measures.map((m) => ({ value: m.id, name: measureName(m, locale) })),
    ...[...groupBy, ...(query.timeBucket ? [query.timeBucket.field] : [])].map((path) => ({
      value: path,
      name: editor.fieldChoices().find((c) => c.value === path)?.name ?? path,
    })),
  ];
  const sort = query.sort?.[0];
  return (
    <>
      <MeasureList editor={editor} />
      <fieldset className="fbdd-group">
        <legend>{messages.query}</legend>
        {Array.from({ length: Math.min(GROUPS, groupBy.length + 1) }, (_, i) => (
          <SelectInput
            // biome-ignore lint/suspicious/noArrayIndexKey: the selects are the positions of the groupBy list
            key={i}
            label={messages.groupBy(i + 1)}
            value={groupBy[i]}
            none={messages.none}
            choices={groupChoices}
            onChange={(path) => setGroup(i, path)}
          />
        ))}
        <SelectInput
          label={messages.timeField}
          value={query.timeBucket?.field}
          none={messages.none}
          choices={editor.fieldChoices((f) => !f.inTable && isDate(f))}
          onChange={(field) =>
            editor.set(
              'query.timeBucket',
              field === '' ? undefined : { ...(query.timeBucket ?? { unit: 'month' }), field },
            )
          }
        />
        {query.timeBucket ? (
          <>
            <SelectInput
              label={messages.timeBucket}
              value={query.timeBucket.unit}
              choices={editor.choices(UNITS)}
              onChange={(unit) => editor.set('query.timeBucket.unit', unit)}
            />
            <TextInput
              label={messages.timeZone}
              value={query.timeBucket.timeZone ?? ''}
              onChange={(tz) => editor.set('query.timeBucket.timeZone', tz === '' ? undefined : tz)}
            />
          </>
        ) : null}
        <FilterFormulaBox
          value={query.filter}
          fields={editor.fields}
          onChange={(v) => editor.set('query.filter', v)}
        />
        <SelectInput
          label={messages.sortBy}
          value={sort?.by}
          none={messages.none}
          choices={sortKeys}
          onChange={(by) =>
            editor.set('query.sort', by === '' ? undefined : [{ by, direction: sort?.direction ?? 'desc' }])
          }
        />
        {sort ? (
          <SelectInput
            label={messages.direction}
            value={sort.direction}
            choices={editor.choices(DIRECTIONS)}
            onChange={(direction) => editor.set('query.sort.0.direction', direction)}
          />
        ) : null}
        <NumberInput
          label={messages.limit}
          value={query.limit}
          min={1}
          max={1000}
          step={1}
          onChange={(n) => editor.set('query.limit', n)}
        />
        <CheckboxInput
          label={messages.compareWithPrevious}
          checked={query.compareWithPrevious === true}
          onChange={(on) => editor.set('query.compareWithPrevious', on ? true : undefined)}
        />
      </fieldset>
    </>
  );
}
