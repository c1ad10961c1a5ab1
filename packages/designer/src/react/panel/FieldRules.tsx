import { getIn, parsePath } from '@formboard/form-runtime';
import { tableOf } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { boundPath } from '../../form/formTree.ts';
import { getProperty } from '../../form/properties.ts';
import { formulaScope } from '../../rules/formulaScope.ts';
import { SAMPLE_FORM_VARIABLES } from '../../rules/sampleData.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { FormulaEditor } from '../rules/FormulaEditor.tsx';
import { RuleBuilder } from '../rules/RuleBuilder.tsx';
import { useSampleRecord } from '../sample/useSample.ts';

const RULES = [
  ['rule.visible', 'visibleWhen'],
  ['rule.required', 'requiredWhen'],
  ['rule.readOnly', 'readOnlyWhen'],
] as const;

/**
 * A field's rules (show / required / read-only when…), its initial value (a formula read once when a
 * new record starts; not for table columns, whose rows start from their defaults) and its computed
 * formula.
 */
export function FieldRules({ nodeId }: { readonly nodeId: string }): ReactNode {
  const { designer, messages, report } = useDesignerContext();
  const sample = useSampleRecord();
  const path = useDesignerState((s) => boundPath(s.document, nodeId));
  const data = useDesignerState((s) => s.document.data);
  const visible = useDesignerState(
    (s) => getProperty(s.document, nodeId, 'rule.visible') as string | undefined,
  );
  const required = useDesignerState(
    (s) => getProperty(s.document, nodeId, 'rule.required') as string | undefined,
  );
  const readOnly = useDesignerState(
    (s) => getProperty(s.document, nodeId, 'rule.readOnly') as string | undefined,
  );
  const initial = useDesignerState(
    (s) => getProperty(s.document, nodeId, 'rule.initial') as string | undefined,
  );
  const computed = useDesignerState((s) => getProperty(s.document, nodeId, 'computed') as string | undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope follows the data schema
  const fields = useMemo(
    () =>
      path === undefined
        ? []
        : formulaScope(designer.getState().document, path).filter((f) => f.name !== path),
    [designer, data, path],
  );
  // A row's formulas see its cells by name over the record: try them on the sample's first row.
  const table = path === undefined ? undefined : tableOf(path);
  const row = table === undefined ? undefined : getIn(sample, parsePath(`${table}[0]`));
  const scopeSample =
    row && typeof row === 'object' ? { ...sample, ...(row as Record<string, unknown>) } : sample;
  if (path === undefined) return null;
  const formulas = { 'rule.visible': visible, 'rule.required': required, 'rule.readOnly': readOnly };
  const set = (key: string, formula: string | undefined) =>
    report(designer.setProperty(nodeId, key, formula));
  return (
    <section className="fbd-rules" aria-label={messages.rules} onBlur={() => designer.checkpoint()}>
      <h3>{messages.rules}</h3>
      {RULES.map(([key, title]) => (
        <RuleBuilder
          key={key}
          title={messages[title]}
          formula={formulas[key]}
          onChange={(formula) => set(key, formula)}
          fields={fields}
          sample={scopeSample}
        />
      ))}
      {table === undefined ? (
        <FormulaEditor
          label={messages.initialValue}
          hint={messages.initialValueHint}
          value={initial ?? ''}
          onChange={(text) => set('rule.initial', text === '' ? undefined : text)}
          fields={fields}
          sample={scopeSample}
          sampleVariables={SAMPLE_FORM_VARIABLES}
        />
      ) : null}
      <FormulaEditor
        label={messages.computed}
        value={computed ?? ''}
        onChange={(text) => set('computed', text === '' ? undefined : text)}
        fields={fields}
        sample={scopeSample}
        sampleVariables={SAMPLE_FORM_VARIABLES}
      />
    </section>
  );
}
