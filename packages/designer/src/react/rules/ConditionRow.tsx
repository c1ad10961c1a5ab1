import type { ReactNode } from 'react';
import {
  type Condition,
  type ConditionOperator,
  type ConditionValue,
  NO_VALUE,
  OPERATOR_NAMES,
  operatorsFor,
} from '../../rules/conditions.ts';
import type { ScopeField } from '../../rules/formulaScope.ts';
import { useRuleText } from './RuleText.tsx';

/** A value that fits a field and an operator: the first option, 0, TRUE, today, or no text. */
export function defaultValue(field: ScopeField | undefined): ConditionValue {
  const first = field?.options?.[0];
  if (first) return first.value;
  if (field?.type === 'number') return 0;
  if (field?.type === 'boolean') return true;
  if (field?.type === 'date') return '$today';
  return '';
}

/** A new condition on a field: its first comparison and a value that fits. */
export function newCondition(field: ScopeField): Condition {
  const operator =
    operatorsFor(field.type, (field.options?.length ?? 0) > 0 || field.type === 'string[]')[0] ?? 'eq';
  return NO_VALUE.has(operator)
    ? { field: field.name, operator }
    : { field: field.name, operator, value: defaultValue(field) };
}

/** One condition of the rule builder: field, comparison and value, each a labelled control. */
export function ConditionRow(props: {
  readonly condition: Condition;
  readonly fields: readonly ScopeField[];
  readonly onChange: (condition: Condition) => void;
  readonly onRemove: () => void;
  readonly index: number;
}): ReactNode {
  const { messages, locale } = useRuleText();
  const { condition, fields, onChange, index } = props;
  const field = fields.find((f) => f.name === condition.field);
  const operators = operatorsFor(
    field?.type,
    (field?.options?.length ?? 0) > 0 || field?.type === 'string[]',
  );
  const n = index + 1;
  const setField = (name: string) => {
    const next = fields.find((f) => f.name === name);
    if (next) onChange(newCondition(next));
  };
  const setOperator = (operator: ConditionOperator) => {
    onChange(
      NO_VALUE.has(operator)
        ? { field: condition.field, operator }
        : { ...condition, operator, value: condition.value ?? defaultValue(field) },
    );
  };
  const value = condition.value;
  let valueControl: ReactNode = null;
  if (!NO_VALUE.has(condition.operator)) {
    const common = { 'aria-label': `${messages.value} ${n}`, className: 'fbd-condition-value' };
    if (field?.options && field.options.length > 0) {
      valueControl = (
        <select
          {...common}
          value={String(value ?? '')}
          onChange={(e) => {
            const option = field.options?.find((o) => String(o.value) === e.target.value);
            onChange({ ...condition, value: option?.value ?? e.target.value });
          }}
        >
          {field.options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label[locale]}
            </option>
          ))}
        </select>
      );
    } else if (field?.type === 'boolean') {
      valueControl = (
        <select
          {...common}
          value={value === false ? 'false' : 'true'}
          onChange={(e) => onChange({ ...condition, value: e.target.value === 'true' })}
        >
          <option value="true">{messages.yes}</option>
          <option value="false">{messages.no}</option>
        </select>
      );
    } else if (field?.type === 'number') {
      valueControl = (
        <input
          {...common}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) =>
            onChange({ ...condition, value: e.target.value === '' ? 0 : Number(e.target.value) })
          }
        />
      );
    } else if (field?.type === 'date') {
      valueControl = (
        <input
          {...common}
          type="date"
          value={value === '$today' ? '' : String(value ?? '')}
          onChange={(e) => onChange({ ...condition, value: e.target.value || '$today' })}
        />
      );
    } else {
      valueControl = (
        <input
          {...common}
          value={String(value ?? '')}
          onChange={(e) => onChange({ ...condition, value: e.target.value })}
        />
      );
    }
  }
  return (
    <li className="fbd-condition">
      <select
        aria-label={`${messages.field} ${n}`}
        value={condition.field}
        onChange={(e) => setField(e.target.value)}
      >
        {field ? null : <option value={condition.field}>{condition.field}</option>}
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label[locale]}
          </option>
        ))}
      </select>
      <select
        aria-label={`${messages.operator} ${n}`}
        value={condition.operator}
        onChange={(e) => setOperator(e.target.value as ConditionOperator)}
      >
        {operators.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_NAMES[op][locale]}
          </option>
        ))}
      </select>
      {valueControl}
      <button
        type="button"
        className="fb-button"
        onClick={props.onRemove}
        aria-label={`${messages.removeCondition} ${n}`}
      >
        ×
      </button>
    </li>
  );
}
