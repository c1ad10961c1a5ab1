import { type FieldInfo, localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { fieldIndexOf } from '../../form/formSites.ts';
import { boundPath, type Form } from '../../form/formTree.ts';
import {
  changeRollup,
  ROLLUP_MEASURE_NAMES,
  type RollupMeasure,
  type RollupSettings,
  rollupFields,
  rollupMeasures,
  rollupOf,
  rollupSources,
  rollupTargetKind,
  rollupVias,
  rollupWeights,
} from '../../form/rollups.ts';
import { formulaScope } from '../../rules/formulaScope.ts';
import { sampleRecord } from '../../rules/sampleData.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { FormulaEditor } from '../rules/FormulaEditor.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { rollupMessages } from './rollupMessages.ts';

/**
 * "汇总自子表单 / Roll up from related records" for a number or date field outside tables: the child
 * form (among the host's forms, those pointing at this one), its reference field that points here,
 * the measure, the field it combines, the weight of a weighted average and which child records count
 * (a condition). Each choice is one `setRollup` command (one undo step), made to fit by
 * `changeRollup`; the roll-up's problems are listed here too, those against the child form among
 * them (warnings that do not hold up saving).
 */
export function RollupPanel({ nodeId }: { readonly nodeId: string }): ReactNode {
  const { designer, locale, forms, report } = useDesignerContext();
  const messages = rollupMessages(locale);
  const path = useDesignerState((s) => boundPath(s.document, nodeId));
  const kind = useDesignerState((s) => (path === undefined ? undefined : rollupTargetKind(s.document, path)));
  // Selected apart: each is the same value while the roll-up does not change.
  const current = useDesignerState((s) =>
    path === undefined ? undefined : rollupOf(s.document, path)?.rollup,
  );
  const index = useDesignerState((s) =>
    path === undefined ? -1 : (rollupOf(s.document, path)?.index ?? -1),
  );
  const data = useDesignerState((s) => s.document.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sources follow the data schema
  const sources = useMemo(
    () => (path === undefined ? [] : rollupSources(designer.getState().document, path, forms)),
    [designer, data, path, forms],
  );
  // Re-read whenever the document changes (the check is incremental), as one text so equal lists are equal.
  const problems = useDesignerState(() => {
    if (index === -1) return '';
    const at = `/rollups/${index}`;
    return JSON.stringify(
      designer
        .rollupProblems()
        .filter((p) => p.pointer === at || p.pointer.startsWith(`${at}/`))
        .map((p) => p.message[locale]),
    );
  });
  if (path === undefined || kind === undefined) return null;
  const form = designer.getState().document;
  const child = current && sources.find((f) => f.id === current.from);
  // A roll-up from a form that no longer points here (a copy, a changed child form) still names it.
  const known = current && (current.from === form.id ? form : forms.find((f) => f.id === current.from));
  const apply = (change: Partial<RollupSettings> & { readonly from: string }) => {
    const target = sources.find((f) => f.id === change.from);
    const settings = target && changeRollup(form, path, current, change, target);
    if (settings) report(designer.setRollup(nodeId, settings));
  };
  const formName = (f: Form) => localize(f.title, locale) || f.id;
  const options = (fields: readonly FieldInfo[]) =>
    fields.map((f) => ({ value: f.path, label: localize(f.title, locale) || f.path }));
  const nameIn = (fields: readonly FieldInfo[], at: string | undefined) =>
    at === undefined ? undefined : (options(fields).find((o) => o.value === at)?.label ?? at);
  const listed = problems === '' ? [] : (JSON.parse(problems) as string[]);
  return (
    <section className="fbd-rollup" aria-label={messages.title}>
      <h3>{messages.title}</h3>
      <p className="fbd-note">{messages.hint}</p>
      {sources.length === 0 && !current ? (
        <p className="fbd-note">{messages.noSources}</p>
      ) : (
        <SelectField
          label={messages.childForm}
          value={current?.from ?? ''}
          options={[
            { value: '', label: messages.noRollup },
            ...sources.map((f) => ({ value: f.id, label: formName(f) })),
            ...(known && !child ? [{ value: known.id, label: formName(known) }] : []),
          ]}
          onChange={(id) => (id === '' ? report(designer.setRollup(nodeId, undefined)) : apply({ from: id }))}
        />
      )}
      {current && !known ? <p className="fbd-note">{messages.unknownForm(current.from)}</p> : null}
      {current && child ? (
        <RollupChoices
          nodeId={nodeId}
          current={current}
          child={child}
          formId={form.id}
          kind={kind}
          options={options}
          onChange={(change) => apply({ ...change, from: current.from })}
        />
      ) : null}
      {current && child ? (
        <p className="fbd-note" data-rollup-summary="">
          {messages.summary({
            child: formName(child),
            via: nameIn(rollupVias(child, form.id), current.via) ?? current.via,
            count: current.measure === 'count',
            measure: ROLLUP_MEASURE_NAMES[current.measure][locale],
            field: nameIn([...fieldIndexOf(child).fields.values()], current.field),
            weight: nameIn(rollupWeights(child), current.weight),
          })}
        </p>
      ) : null}
      {listed.length > 0 ? (
        <ul className="fbd-rollup-problems">
          {listed.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {current ? (
        <button
          type="button"
          className="fb-button"
          onClick={() => report(designer.setRollup(nodeId, undefined))}
        >
          {messages.remove}
        </button>
      ) : null}
    </section>
  );
}

/** The choices of a roll-up from a known child form: reference, measure, field, weight. */
function RollupChoices(props: {
  readonly nodeId: string;
  readonly current: RollupSettings;
  readonly child: Form;
  readonly formId: string;
  readonly kind: NonNullable<ReturnType<typeof rollupTargetKind>>;
  readonly options: (fields: readonly FieldInfo[]) => { value: string; label: string }[];
  readonly onChange: (change: Partial<RollupSettings>) => void;
}): ReactNode {
  const { locale } = useDesignerContext();
  const messages = rollupMessages(locale);
  const { current, child, kind, options, onChange } = props;
  return (
    <>
      <SelectField
        label={messages.via}
        value={current.via}
        options={options(rollupVias(child, props.formId))}
        onChange={(via) => onChange({ via })}
      />
      <SelectField<RollupMeasure>
        label={messages.measure}
        value={current.measure}
        options={rollupMeasures(child, kind).map((m) => ({
          value: m,
          label: ROLLUP_MEASURE_NAMES[m][locale],
        }))}
        onChange={(measure) => onChange({ measure })}
      />
      {current.measure === 'count' ? null : (
        <SelectField
          label={messages.field}
          value={current.field ?? ''}
          options={options(rollupFields(child, current.measure, kind))}
          onChange={(field) => onChange({ field })}
        />
      )}
      {current.measure === 'weightedAvg' ? (
        <SelectField
          label={messages.weight}
          value={current.weight ?? ''}
          options={options(rollupWeights(child))}
          onChange={(weight) => onChange({ weight })}
        />
      ) : null}
      <RollupCondition nodeId={props.nodeId} where={current.where} child={child} />
    </>
  );
}

const NO_VARIABLES = {};

/**
 * Which child records count (`where`): a TRUE/FALSE formula over the child form's fields only, in the
 * formula editor with their completion and its result on a made-up child record. Typing is one undo step.
 */
function RollupCondition(props: {
  readonly nodeId: string;
  readonly where: string | undefined;
  readonly child: Form;
}): ReactNode {
  const { designer, locale, today, report } = useDesignerContext();
  const messages = rollupMessages(locale);
  const { child } = props;
  const fields = useMemo(() => formulaScope(child), [child]);
  const sample = useMemo(() => sampleRecord(child, today), [child, today]);
  return (
    <FormulaEditor
      label={messages.where}
      hint={messages.whereHint}
      value={props.where ?? ''}
      onChange={(text) => report(designer.setRollupWhere(props.nodeId, text === '' ? undefined : text))}
      onBlur={() => designer.checkpoint()}
      fields={fields}
      variables={NO_VARIABLES}
      sample={sample}
      logical
    />
  );
}
