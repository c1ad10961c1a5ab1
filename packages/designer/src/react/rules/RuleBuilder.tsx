import { type ReactNode, useId, useState } from 'react';
import type { Condition, ConditionGroup } from '../../rules/conditions.ts';
import type { FormulaVariables } from '../../rules/formulaEditor.ts';
import type { ScopeField } from '../../rules/formulaScope.ts';
import { fromFormula } from '../../rules/fromFormula.ts';
import { toFormula } from '../../rules/toFormula.ts';
import { ConditionRow, newCondition } from './ConditionRow.tsx';
import { FormulaEditor } from './FormulaEditor.tsx';
import { useRuleText } from './RuleText.tsx';

/** Props of one rule (show / required / read-only when…, a trigger's or a branch's condition). */
export interface RuleBuilderProps {
  readonly title: string;
  /** The rule's formula; undefined when there is none. */
  readonly formula: string | undefined;
  /** The formula written: undefined for no condition (or `emptyFormula`). */
  readonly onChange: (formula: string | undefined) => void;
  readonly fields: readonly ScopeField[];
  /** The `$variables` the formula can read (default a form definition's). */
  readonly variables?: FormulaVariables;
  /** The sample data the formula editor shows its result on. */
  readonly sample?: Readonly<Record<string, unknown>>;
  /** What "no conditions" is written as when a condition cannot be left out ("TRUE" for a branch). */
  readonly emptyFormula?: string;
  /** The formula box lost focus. */
  readonly onBlur?: () => void;
}

/**
 * A rule for people who do not write formulas: conditions ("状态 等于 已完成", all or any) that the
 * builder writes as a formula. A formula it cannot show as conditions opens as a custom formula in the
 * formula editor, untouched; anyone can switch to editing the formula itself.
 */
export function RuleBuilder(props: RuleBuilderProps): ReactNode {
  const { messages } = useRuleText();
  const { formula, fields, emptyFormula } = props;
  const onChange = (text: string | undefined) => props.onChange(text ?? emptyFormula);
  const id = useId();
  const [asFormula, setAsFormula] = useState(false);
  const typeOf = (name: string) => fields.find((f) => f.name === name)?.type;
  const read = formula === undefined || formula === emptyFormula ? undefined : fromFormula(formula, typeOf);
  const group: ConditionGroup = read?.kind === 'conditions' ? read.group : { match: 'all', conditions: [] };
  const custom = read?.kind === 'custom';
  const write = (next: ConditionGroup) => onChange(toFormula(next, typeOf));
  const setCondition = (index: number, condition: Condition) =>
    write({ ...group, conditions: group.conditions.map((c, i) => (i === index ? condition : c)) });
  const add = () => {
    const first = fields[0];
    if (first) write({ ...group, conditions: [...group.conditions, newCondition(first)] });
  };
  return (
    <fieldset className="fbd-rule">
      <legend>{props.title}</legend>
      {custom || asFormula ? (
        <>
          {custom ? <p className="fbd-note">{messages.customFormula}</p> : null}
          <FormulaEditor
            label={messages.formula}
            value={formula ?? ''}
            onChange={(text) => onChange(text === '' ? undefined : text)}
            fields={fields}
            logical
            {...(props.variables ? { variables: props.variables } : {})}
            {...(props.sample ? { sample: props.sample } : {})}
            {...(props.onBlur ? { onBlur: props.onBlur } : {})}
          />
          {!custom ? (
            <button type="button" className="fb-button" onClick={() => setAsFormula(false)}>
              {messages.useConditions}
            </button>
          ) : null}
        </>
      ) : (
        <>
          {group.conditions.length > 1 ? (
            <select
              aria-label={`${props.title}: ${messages.matchAll} / ${messages.matchAny}`}
              value={group.match}
              onChange={(e) => write({ ...group, match: e.target.value as 'all' | 'any' })}
            >
              <option value="all">{messages.matchAll}</option>
              <option value="any">{messages.matchAny}</option>
            </select>
          ) : null}
          {group.conditions.length === 0 ? <p className="fbd-note">{messages.always}</p> : null}
          <ul className="fbd-conditions" id={`${id}-conditions`}>
            {group.conditions.map((condition, index) => (
              <ConditionRow
                // Conditions have no identity of their own: their position is what they are.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={index}
                index={index}
                condition={condition}
                fields={fields}
                onChange={(next) => setCondition(index, next)}
                onRemove={() =>
                  write({ ...group, conditions: group.conditions.filter((_, i) => i !== index) })
                }
              />
            ))}
          </ul>
          <button type="button" className="fb-button" disabled={fields.length === 0} onClick={add}>
            {messages.addCondition}
          </button>
          <button type="button" className="fb-button" onClick={() => setAsFormula(true)}>
            {messages.editAsFormula}
          </button>
        </>
      )}
    </fieldset>
  );
}
