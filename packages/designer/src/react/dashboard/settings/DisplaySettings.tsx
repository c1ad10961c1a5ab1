import type { ReactNode } from 'react';
import { hasQuery, type WidgetType } from '../../../dashboard/dashboardTypes.ts';
import { choiceName } from '../choiceNames.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { CheckboxInput, LocalizedInput, NumberInput, SelectInput } from './controls.tsx';
import { measureName } from './MeasureList.tsx';
import type { WidgetEditor } from './useWidgetEditor.ts';

/** One display option of a widget type and the control that edits it. */
type OptionSpec =
  | { readonly key: string; readonly kind: 'boolean' | 'text' | 'measure' | 'pair' }
  | { readonly key: string; readonly kind: 'enum'; readonly values: readonly string[] }
  | {
      readonly key: string;
      readonly kind: 'number';
      readonly min?: number;
      readonly max?: number;
      readonly step?: number;
    };

const flag = (key: string): OptionSpec => ({ key, kind: 'boolean' });
const measure = (key: string): OptionSpec => ({ key, kind: 'measure' });
const VALUE: readonly OptionSpec[] = [
  { key: 'format', kind: 'enum', values: ['number', 'percent', 'currency', 'duration'] },
  { key: 'decimals', kind: 'number', min: 0, max: 6, step: 1 },
  { key: 'unit', kind: 'text' },
];

/** The display options each widget type has (the schema's), in panel order. */
const OPTIONS: Readonly<Record<WidgetType, readonly OptionSpec[]>> = {
  kpi: [measure('measure'), ...VALUE],
  gauge: [measure('measure'), { key: 'min', kind: 'number' }, { key: 'max', kind: 'number' }, ...VALUE],
  gapBoard: [
    { key: 'rows', kind: 'enum', values: ['person', 'team'] },
    measure('actual'),
    measure('target'),
    measure('confidence'),
    flag('showConfidence'),
    { key: 'sortBy', kind: 'enum', values: ['gap', 'progress', 'name'] },
    ...VALUE,
  ],
  line: [flag('area'), flag('smooth'), flag('showPoints'), flag('showTarget')],
  bar: [
    { key: 'orientation', kind: 'enum', values: ['vertical', 'horizontal'] },
    flag('stacked'),
    flag('showValues'),
  ],
  pie: [measure('measure'), flag('donut'), flag('showPercent')],
  funnel: [measure('measure'), flag('showConversion')],
  heatmap: [
    measure('measure'),
    { key: 'palette', kind: 'enum', values: ['green', 'red', 'blue', 'redGreen'] },
    flag('showValues'),
  ],
  scatter: [measure('x'), measure('y'), measure('size'), flag('showLabels')],
  table: [{ key: 'pageSize', kind: 'number', min: 5, max: 200, step: 1 }, flag('showTotals')],
  leaderboard: [measure('measure'), flag('showRank'), flag('highlightViewer'), ...VALUE],
  alertList: [
    { key: 'status', kind: 'enum', values: ['open', 'all'] },
    { key: 'maxItems', kind: 'number', min: 1, max: 100, step: 1 },
  ],
  alignmentTree: [
    { key: 'expandDepth', kind: 'number', min: 1, max: 10, step: 1 },
    flag('showProgress'),
    flag('showOwner'),
  ],
  nineBox: [measure('x'), measure('y'), { key: 'xBands', kind: 'pair' }, { key: 'yBands', kind: 'pair' }],
  text: [],
};

const SEVERITIES = ['info', 'warning', 'critical'] as const;

/** The display options of a widget's type: chart kind options, main measures, value format. */
export function DisplaySettings({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { messages, locale } = useDashboardDesigner();
  const { widget } = editor;
  const options = OPTIONS[widget.type];
  const display = ('display' in widget ? (widget.display ?? {}) : {}) as Readonly<Record<string, unknown>>;
  const measures = hasQuery(widget)
    ? widget.query.measures.map((m) => ({ value: m.id, name: measureName(m, locale) }))
    : [];
  if (options.length === 0) return null;
  const set = (key: string, value: unknown) => editor.set(`display.${key}`, value);
  const control = (spec: OptionSpec): ReactNode => {
    const label = choiceName(locale, spec.key);
    const value = display[spec.key];
    switch (spec.kind) {
      case 'boolean':
        return (
          <CheckboxInput
            label={label}
            checked={value === true}
            onChange={(on) => set(spec.key, on ? true : undefined)}
          />
        );
      case 'text':
        return <LocalizedInput label={label} value={value as never} onChange={(v) => set(spec.key, v)} />;
      case 'measure':
        return (
          <SelectInput
            label={label}
            value={value as string | undefined}
            none={messages.none}
            choices={measures}
            onChange={(id) => set(spec.key, id === '' ? undefined : id)}
          />
        );
      case 'enum':
        return (
          <SelectInput
            label={label}
            value={value as string | undefined}
            none={messages.none}
            choices={editor.choices(spec.values)}
            onChange={(v) => set(spec.key, v === '' ? undefined : v)}
          />
        );
      case 'number':
        return (
          <NumberInput
            label={label}
            value={value as number | undefined}
            {...(spec.min === undefined ? {} : { min: spec.min })}
            {...(spec.max === undefined ? {} : { max: spec.max })}
            {...(spec.step === undefined ? {} : { step: spec.step })}
            onChange={(n) => set(spec.key, n)}
          />
        );
      case 'pair': {
        const pair = (Array.isArray(value) ? value : [undefined, undefined]) as readonly (
          | number
          | undefined
        )[];
        return (
          <>
            {[0, 1].map((i) => (
              <NumberInput
                key={i}
                label={`${label} ${i + 1}`}
                value={pair[i]}
                onChange={(n) => set(`${spec.key}.${i}`, n ?? 0)}
              />
            ))}
          </>
        );
      }
    }
  };
  const severities = (display.severities ?? []) as readonly string[];
  return (
    <fieldset className="fbdd-group">
      <legend>{messages.display}</legend>
      {options.map((spec) => (
        <div key={spec.key}>{control(spec)}</div>
      ))}
      {widget.type === 'alertList' ? (
        <fieldset className="fbdd-group">
          <legend>{choiceName(locale, 'severities')}</legend>
          {SEVERITIES.map((s) => (
            <CheckboxInput
              key={s}
              label={choiceName(locale, s)}
              checked={severities.includes(s)}
              onChange={(on) => {
                const next = SEVERITIES.filter((v) => (v === s ? on : severities.includes(v)));
                set('severities', next.length > 0 ? next : undefined);
              }}
            />
          ))}
        </fieldset>
      ) : null}
    </fieldset>
  );
}
