import { COLORS, type Thresholds, type WidgetTarget } from '@formboard/schema';
import type { ReactNode } from 'react';
import { hasQuery, type WidgetType } from '../../../dashboard/dashboardTypes.ts';
import { choiceName } from '../choiceNames.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { CheckboxInput, LocalizedInput, NumberInput, SelectInput } from './controls.tsx';
import { measureName } from './MeasureList.tsx';
import type { WidgetEditor } from './useWidgetEditor.ts';

/** Widget types with a target, and with thresholds (the schema's). */
export const WITH_TARGET: ReadonlySet<WidgetType> = new Set(['kpi', 'line', 'bar', 'gauge']);
export const WITH_THRESHOLDS: ReadonlySet<WidgetType> = new Set([
  'kpi',
  'gapBoard',
  'bar',
  'gauge',
  'heatmap',
  'table',
  'leaderboard',
]);

/** Red below 80 %, yellow to 100 %, green from there: the usual start for achievement. */
const STARTER_BANDS: Thresholds = {
  higherIsBetter: true,
  bands: [
    { from: 0, color: 'red' },
    { from: 0.8, color: 'yellow' },
    { from: 1, color: 'green' },
  ],
};

function useMeasureChoices(editor: WidgetEditor) {
  const { locale } = useDashboardDesigner();
  const { widget } = editor;
  return hasQuery(widget)
    ? widget.query.measures.map((m) => ({ value: m.id, name: measureName(m, locale) }))
    : [];
}

/** The widget's target: none, a fixed value, or a measure of its query; with its name. */
export function TargetSettings({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { messages } = useDashboardDesigner();
  const measures = useMeasureChoices(editor);
  const target = ('target' in editor.widget ? editor.widget.target : undefined) as WidgetTarget | undefined;
  const kind = target === undefined ? '' : 'value' in target ? 'value' : 'measure';
  const label = target?.label;
  return (
    <fieldset className="fbdd-group">
      <legend>{messages.target}</legend>
      <SelectInput
        label={messages.targetKind}
        value={kind}
        none={messages.none}
        choices={[
          { value: 'value', name: messages.targetValue },
          { value: 'measure', name: messages.targetMeasure },
        ]}
        onChange={(k) =>
          editor.set(
            'target',
            k === '' ? undefined : k === 'value' ? { value: 1 } : { measure: measures[0]?.value ?? '' },
          )
        }
      />
      {target && 'value' in target ? (
        <NumberInput
          label={messages.targetValue}
          value={target.value}
          onChange={(n) => editor.set('target.value', n ?? 0)}
        />
      ) : null}
      {target && 'measure' in target ? (
        <SelectInput
          label={messages.targetMeasure}
          value={target.measure}
          choices={measures}
          onChange={(m) => editor.set('target.measure', m)}
        />
      ) : null}
      {target ? (
        <LocalizedInput
          label={messages.label}
          value={label}
          onChange={(v) => editor.set('target.label', v)}
        />
      ) : null}
    </fieldset>
  );
}

/** Colour bands by value (or by ratio to the target), which way is good, and the measure coloured. */
export function ThresholdSettings({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { messages, locale } = useDashboardDesigner();
  const measures = useMeasureChoices(editor);
  const thresholds = ('thresholds' in editor.widget ? editor.widget.thresholds : undefined) as
    | Thresholds
    | undefined;
  const colors = COLORS.map((c) => ({ value: c, name: choiceName(locale, c) }));
  return (
    <fieldset className="fbdd-group">
      <legend>{messages.thresholds}</legend>
      <CheckboxInput
        label={messages.useThresholds}
        checked={thresholds !== undefined}
        onChange={(on) => editor.set('thresholds', on ? STARTER_BANDS : undefined)}
      />
      {thresholds ? (
        <>
          <CheckboxInput
            label={messages.higherIsBetter}
            checked={thresholds.higherIsBetter}
            onChange={(on) => editor.set('thresholds.higherIsBetter', on)}
          />
          <SelectInput
            label={messages.basis}
            value={thresholds.basis}
            none={messages.none}
            choices={[
              { value: 'value', name: choiceName(locale, 'basisValue') },
              { value: 'targetRatio', name: choiceName(locale, 'targetRatio') },
            ]}
            onChange={(b) => editor.set('thresholds.basis', b === '' ? undefined : b)}
          />
          <SelectInput
            label={messages.measure}
            value={thresholds.measure}
            none={messages.none}
            choices={measures}
            onChange={(m) => editor.set('thresholds.measure', m === '' ? undefined : m)}
          />
          <ol className="fbdd-list">
            {thresholds.bands.map((band, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: bands are edited by position
              <li key={i} className="fbdd-band">
                <NumberInput
                  label={messages.bandFrom(i + 1)}
                  value={band.from}
                  onChange={(n) => editor.set(`thresholds.bands.${i}.from`, n ?? 0)}
                />
                <SelectInput
                  label={messages.bandColor(i + 1)}
                  value={band.color}
                  choices={colors}
                  onChange={(c) => editor.set(`thresholds.bands.${i}.color`, c)}
                />
                <LocalizedInput
                  label={messages.bandLabel(i + 1)}
                  value={band.label}
                  onChange={(v) => editor.set(`thresholds.bands.${i}.label`, v)}
                />
                {thresholds.bands.length > 1 ? (
                  <button
                    type="button"
                    className="fb-button"
                    onClick={() => editor.set(`thresholds.bands.${i}`, undefined)}
                  >
                    {messages.removeBand(i + 1)}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {thresholds.bands.length < 8 ? (
            <button
              type="button"
              className="fb-button"
              onClick={() => {
                const last = thresholds.bands[thresholds.bands.length - 1];
                editor.set('thresholds.bands', [
                  ...thresholds.bands,
                  { from: (last?.from ?? 0) + 1, color: 'blue' },
                ]);
              }}
            >
              {messages.addBand}
            </button>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
