import type { TypeName } from '@formboard/formula';
import { type ReactNode, useId } from 'react';
import type { ScopeField } from '../../rules/formulaScope.ts';
import { diagnoseWorkflowFormula } from '../../workflow/workflowFormulas.ts';
import { useWorkflowContext } from './WorkflowContext.ts';

/** A formula box for workflow formulas: the problems (with line and column) the save checks would report. */
export function WorkflowFormula(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly fields: readonly ScopeField[];
  readonly variables: Readonly<Record<string, TypeName>>;
  readonly logical?: boolean;
}): ReactNode {
  const { designer, locale } = useWorkflowContext();
  const id = useId();
  const diagnosis =
    props.value.trim() === ''
      ? undefined
      : diagnoseWorkflowFormula(props.value, props.fields, props.variables, props.logical);
  return (
    <div className="fbw-formula">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        className="fbd-formula-input"
        value={props.value}
        rows={2}
        spellCheck={false}
        aria-invalid={diagnosis && !diagnosis.ok ? true : undefined}
        aria-describedby={`${id}-problems`}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={() => designer.checkpoint()}
      />
      <div id={`${id}-problems`} aria-live="polite">
        {diagnosis && !diagnosis.ok
          ? diagnosis.issues.map((issue) => (
              <p key={`${issue.span.start}:${issue.code}`} className="fb-error">
                {locale === 'zh-CN'
                  ? `第 ${issue.line} 行第 ${issue.column} 列：${issue.messages[locale]}`
                  : `line ${issue.line}, column ${issue.column}: ${issue.messages[locale]}`}
              </p>
            ))
          : null}
      </div>
    </div>
  );
}
