import type { TypeName } from '@formboard/formula';
import { type ReactNode, useState } from 'react';
import {
  type Condition,
  type ConditionGroup,
  type ConditionOperator,
  type ConditionValue,
  NO_VALUE,
  OPERATOR_NAMES,
  operatorsFor,
} from '../../rules/conditions.ts';
import type { ScopeField } from '../../rules/formulaScope.ts';
import { fromFormula } from '../../rules/fromFormula.ts';
import { toFormula } from '../../rules/toFormula.ts';
import { useWorkflowContext } from './WorkflowContext.ts';
import { WorkflowFormula } from './WorkflowFormula.tsx';

/** Props of a workflow condition (the trigger's, a branch's). */
export interface ConditionEditorProps {
  readonly legend: string;
  readonly formula: string | undefined;
  /** The formula written (undefined: no condition; a branch writes `emptyFormula` instead). */
  readonly onChange: (formula: string | undefined) => void;
  readonly fields: readonly ScopeField[];
  readonly variables: Readonly<Record<string, TypeName>>;
  /** What "no conditions" is written as when the condition cannot be left out ("TRUE" for a branch). */
  readonly emptyFormula?: string;
}

function firstValue(field: ScopeField): ConditionValue {
  const option = field.options?.[0];
  if (option) return option.value;
  return field.type === 'number' ? 0 : field.type === 'boolean' ? true : '';
}

/**
 * A condition as rows of "field, comparison, value" (all or any) written with the rule builder's
 * toFormula/fromFormula; a formula they cannot show opens in the formula box, unchanged.
 */
export function ConditionEditor(props: ConditionEditorProps): ReactNode {
  const { messages, locale } = useWorkflowContext();
  const { fields, formula, emptyFormula } = props;
  const [asFormula, setAsFormula] = useState(false);
  const typeOf = (name: string) => fields.find((f) => f.name === name)?.type;
  const empty = formula === undefined || formula === emptyFormula;
  const read = empty ? undefined : fromFormula(formula, typeOf);
  const group: ConditionGroup = read?.kind === 'conditions' ? read.group : { match: 'all', conditions: [] };
  const write = (next: ConditionGroup) => props.onChange(toFormula(next, typeOf) ?? emptyFormula);
  const setRow = (index: number, row: Condition) =>
    write({ ...group, conditions: group.conditions.map((c, i) => (i === index ? row : c)) });
  if (read?.kind === 'custom' || asFormula) {
    return (
      <fieldset className="fbw-condition">
        <legend>{props.legend}</legend>
        {read?.kind === 'custom' ? <p className="fbd-note">{messages.customFormula}</p> : null}
        <WorkflowFormula
          label={messages.formula}
          value={formula ?? ''}
          onChange={(text) => props.onChange(text === '' ? emptyFormula : text)}
          fields={fields}
          variables={props.variables}
          logical
        />
        {read?.kind !== 'custom' ? (
          <button type="button" className="fb-button" onClick={() => setAsFormula(false)}>
            {messages.useConditions}
          </button>
        ) : null}
      </fieldset>
    );
  }
  return (
    <fieldset className="fbw-condition">
      <legend>{props.legend}</legend>
      {group.conditions.length > 1 ? (
        <select
          aria-label={`${props.legend}: ${messages.matchAll} / ${messages.matchAny}`}
          value={group.match}
          onChange={(e) => write({ ...group, match: e.target.value as 'all' | 'any' })}
        >
          <option value="all">{messages.matchAll}</option>
          <option value="any">{messages.matchAny}</option>
        </select>
      ) : null}
      {group.conditions.length === 0 ? <p className="fbd-note">{messages.always}</p> : null}
      <ul className="fbd-conditions">
        {group.conditions.map((row, index) => {
          const n = index + 1;
          const field = fields.find((f) => f.name === row.field);
          const operators = operatorsFor(field?.type, (field?.options?.length ?? 0) > 0);
          return (
            // Conditions have no identity of their own: their position is what they are.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="fbd-condition">
              <select
                aria-label={messages.conditionField(n)}
                value={row.field}
                onChange={(e) => {
                  const next = fields.find((f) => f.name === e.target.value);
                  if (next) setRow(index, { field: next.name, operator: 'eq', value: firstValue(next) });
                }}
              >
                {field ? null : <option value={row.field}>{row.field}</option>}
                {fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label[locale]}
                  </option>
                ))}
              </select>
              <select
                aria-label={messages.conditionOperator(n)}
                value={row.operator}
                onChange={(e) => {
                  const operator = e.target.value as ConditionOperator;
                  setRow(
                    index,
                    NO_VALUE.has(operator)
                      ? { field: row.field, operator }
                      : { ...row, operator, value: row.value ?? (field ? firstValue(field) : '') },
                  );
                }}
              >
                {operators.map((op) => (
                  <option key={op} value={op}>
                    {OPERATOR_NAMES[op][locale]}
                  </option>
                ))}
              </select>
              {NO_VALUE.has(row.operator) ? null : field?.options && field.options.length > 0 ? (
                <select
                  aria-label={messages.conditionValue(n)}
                  value={String(row.value ?? '')}
                  onChange={(e) => {
                    const option = field.options?.find((o) => String(o.value) === e.target.value);
                    setRow(index, { ...row, value: option?.value ?? e.target.value });
                  }}
                >
                  {field.options.map((o) => (
                    <option key={String(o.value)} value={String(o.value)}>
                      {o.label[locale]}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  aria-label={messages.conditionValue(n)}
                  type={field?.type === 'number' ? 'number' : 'text'}
                  value={String(row.value ?? '')}
                  onChange={(e) =>
                    setRow(index, {
                      ...row,
                      value: field?.type === 'number' ? Number(e.target.value || 0) : e.target.value,
                    })
                  }
                />
              )}
              <button
                type="button"
                className="fb-button"
                aria-label={messages.removeCondition(n)}
                onClick={() =>
                  write({ ...group, conditions: group.conditions.filter((_, i) => i !== index) })
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="fb-button"
        disabled={fields.length === 0}
        onClick={() => {
          const first = fields[0];
          if (first)
            write({
              ...group,
              conditions: [
                ...group.conditions,
                { field: first.name, operator: 'eq', value: firstValue(first) },
              ],
            });
        }}
      >
        {messages.addCondition}
      </button>
      <button type="button" className="fb-button" onClick={() => setAsFormula(true)}>
        {messages.editAsFormula}
      </button>
    </fieldset>
  );
}
