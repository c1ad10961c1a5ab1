import { localize } from '@formboard/schema';
import { type ReactNode, useId, useMemo } from 'react';
import type { SourceField } from '../../../dashboard/sourceForms.ts';
import { diagnose } from '../../../rules/formulaEditor.ts';
import type { ScopeField } from '../../../rules/formulaScope.ts';
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
 * A record filter formula: the text box, and as it is typed the problems the validator would report
 * (unknown fields, types, a result that is not TRUE/FALSE) with their line and column.
 */
export function FilterFormulaBox(props: {
  readonly value: string | undefined;
  readonly fields: readonly SourceField[];
  readonly onChange: (text: string | undefined) => void;
}): ReactNode {
  const { designer, messages, locale } = useDashboardDesigner();
  const id = useId();
  const scope = useMemo(() => scopeOf(props.fields), [props.fields]);
  const text = props.value ?? '';
  const diagnosis = text.trim() === '' ? undefined : diagnose(text, scope, true);
  const issues = diagnosis && !diagnosis.ok ? diagnosis.issues : [];
  return (
    <div className="fbdd-control fbd-formula">
      <label htmlFor={id}>{messages.filterFormula}</label>
      <textarea
        id={id}
        className="fbd-formula-input"
        rows={2}
        spellCheck={false}
        value={text}
        placeholder={messages.filterFormulaHint}
        aria-invalid={issues.length > 0 ? true : undefined}
        aria-describedby={`${id}-problems`}
        onChange={(e) => props.onChange(e.target.value.trim() === '' ? undefined : e.target.value)}
        onBlur={() => designer.checkpoint()}
      />
      <div id={`${id}-problems`} aria-live="polite">
        {issues.map((issue) => (
          <p key={`${issue.span.start}:${issue.code}`} className="fb-error">
            {locale === 'zh-CN'
              ? `第 ${issue.line} 行第 ${issue.column} 列：${issue.messages['zh-CN']}`
              : `Line ${issue.line}, column ${issue.column}: ${issue.messages.en}`}
          </p>
        ))}
      </div>
    </div>
  );
}
