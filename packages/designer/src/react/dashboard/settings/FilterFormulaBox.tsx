import { localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import type { SourceField } from '../../../dashboard/sourceForms.ts';
import type { ScopeField } from '../../../rules/formulaScope.ts';
import { FormulaEditor } from '../../rules/FormulaEditor.tsx';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';

/** The names a record filter of a source form can read (every field but groups), with their labels. */
export function scopeOf(fields: readonly SourceField[]): ScopeField[] {
  return fields
    .filter((f) => f.kind !== 'group')
    .map((f) => ({
      name: f.path,
      type: f.formulaType,
      label: { 'zh-CN': localize(f.title, 'zh-CN') || f.path, en: localize(f.title, 'en') || f.path },
    }));
}

/**
 * A record filter formula in the formula editor: completion of the source form's fields, and as it is
 * typed the problems the validator would report (unknown fields, types, a result that is not
 * TRUE/FALSE) with their line and column.
 */
export function FilterFormulaBox(props: {
  readonly value: string | undefined;
  readonly fields: readonly SourceField[];
  readonly onChange: (text: string | undefined) => void;
}): ReactNode {
  const { designer, messages } = useDashboardDesigner();
  const scope = useMemo(() => scopeOf(props.fields), [props.fields]);
  return (
    <div className="fbdd-control">
      <FormulaEditor
        label={messages.filterFormula}
        value={props.value ?? ''}
        placeholder={messages.filterFormulaHint}
        fields={scope}
        logical
        onChange={(text) => props.onChange(text.trim() === '' ? undefined : text)}
        onBlur={designer.checkpoint}
      />
    </div>
  );
}
