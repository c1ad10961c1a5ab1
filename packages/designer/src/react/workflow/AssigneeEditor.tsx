import { type AssigneeRule, indexFields, localize, ROLES } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { useWorkflowContext } from './WorkflowContext.ts';

type Kind = AssigneeRule['type'];
const KINDS: readonly Kind[] = ['supervisor', 'submitter', 'field', 'role', 'user'];

/** The user fields of the workflow's form (their paths and labels), for "the people in a field" and supervisors. */
function useUserFields(): { path: string; label: string }[] {
  const { form, locale } = useWorkflowContext();
  return useMemo(() => {
    if (!form) return [];
    return [...indexFields(form.data).fields.values()]
      .filter((f) => f.kind === 'string' && f.format === 'user' && !f.inTable)
      .map((f) => ({
        path: f.path,
        label: localize(f.title as Parameters<typeof localize>[0], locale) || f.path,
      }));
  }, [form, locale]);
}

/** A new rule of a kind, keeping what fits from the old one. */
function ruleOf(kind: Kind, old: AssigneeRule, firstField: string | undefined): AssigneeRule {
  switch (kind) {
    case 'user':
      return { type: 'user', id: old.type === 'user' ? old.id : '' };
    case 'role':
      return { type: 'role', role: old.type === 'role' ? old.role : 'manager' };
    case 'field':
      return { type: 'field', path: firstField ?? '' };
    case 'submitter':
      return { type: 'submitter' };
    case 'supervisor':
      return { type: 'supervisor', of: 'submitter' };
  }
}

/** One assignee rule: its kind and what names the people (user, role, field, whose supervisor, levels up). */
export function AssigneeRuleEditor(props: {
  readonly rule: AssigneeRule;
  readonly n: number;
  readonly onChange: (rule: AssigneeRule) => void;
}): ReactNode {
  const { messages, roles, people, locale } = useWorkflowContext();
  const userFields = useUserFields();
  const { rule, n, onChange } = props;
  const roleChoices = roles.length > 0 ? roles : ROLES.map((id) => ({ id, name: id }));
  return (
    <span className="fbw-assignee">
      <select
        aria-label={messages.assigneeKind(n)}
        value={rule.type}
        onChange={(e) => onChange(ruleOf(e.target.value as Kind, rule, userFields[0]?.path))}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {messages.assigneeKinds[kind]}
          </option>
        ))}
      </select>
      {rule.type === 'user' ? (
        people.length > 0 ? (
          <select
            aria-label={messages.user(n)}
            value={rule.id}
            onChange={(e) => onChange({ ...rule, id: e.target.value })}
          >
            {rule.id === '' ? <option value="">{messages.none}</option> : null}
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {localize(p.name, locale)}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={messages.user(n)}
            value={rule.id}
            onChange={(e) => onChange({ ...rule, id: e.target.value })}
          />
        )
      ) : null}
      {rule.type === 'role' ? (
        <select
          aria-label={messages.role(n)}
          value={rule.role}
          onChange={(e) => onChange({ ...rule, role: e.target.value })}
        >
          {roleChoices.map((r) => (
            <option key={r.id} value={r.id}>
              {localize(r.name, locale)}
            </option>
          ))}
        </select>
      ) : null}
      {rule.type === 'field' ? (
        <select
          aria-label={messages.userField(n)}
          value={rule.path}
          onChange={(e) => onChange({ ...rule, path: e.target.value })}
        >
          {userFields.some((f) => f.path === rule.path) ? null : (
            <option value={rule.path}>{rule.path || messages.none}</option>
          )}
          {userFields.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
        </select>
      ) : null}
      {rule.type === 'supervisor' ? (
        <>
          <select
            aria-label={messages.supervisorOf(n)}
            value={rule.of}
            onChange={(e) => onChange({ ...rule, of: e.target.value })}
          >
            <option value="submitter">{messages.submitter}</option>
            {userFields.some((f) => f.path === rule.of) || rule.of === 'submitter' ? null : (
              <option value={rule.of}>{rule.of}</option>
            )}
            {userFields.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}
              </option>
            ))}
          </select>
          <select
            aria-label={messages.levelsUp(n)}
            value={String(rule.levels ?? 1)}
            onChange={(e) => {
              const levels = Number(e.target.value);
              const { levels: _old, ...rest } = rule;
              onChange(levels === 1 ? rest : { ...rest, levels });
            }}
          >
            {[1, 2, 3, 4, 5].map((levels) => (
              <option key={levels} value={String(levels)}>
                {messages.levelName(levels)}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </span>
  );
}

/** A list of assignee rules (approvers, recipients) with add and remove. */
export function AssigneeList(props: {
  readonly legend: string;
  readonly rules: readonly AssigneeRule[];
  readonly onChange: (rules: AssigneeRule[]) => void;
}): ReactNode {
  const { messages } = useWorkflowContext();
  const { rules, onChange } = props;
  return (
    <fieldset className="fbw-assignees">
      <legend>{props.legend}</legend>
      <ul>
        {rules.map((rule, index) => (
          // Rules have no identity of their own: their position is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <AssigneeRuleEditor
              rule={rule}
              n={index + 1}
              onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
            />
            <button
              type="button"
              className="fb-button"
              aria-label={messages.removeAssignee(index + 1)}
              onClick={() => onChange(rules.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="fb-button"
        onClick={() => onChange([...rules, { type: 'supervisor', of: 'submitter' }])}
      >
        {messages.addAssignee}
      </button>
    </fieldset>
  );
}
