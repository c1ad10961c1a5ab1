import type { Refused } from '../core/Command.ts';
import { refuse } from '../core/Command.ts';
import { withOptional } from './formSites.ts';
import type { Form } from './formTree.ts';

// A field's rules and computed formula, edited as properties of its node: `rule.visible`,
// `rule.required`, `rule.readOnly` and `computed`. Each field has at most one rule entry (the schema
// checks `form.duplicateRule`) and one computed entry.

const RULE_KEYS = ['visible', 'required', 'readOnly', 'initial'] as const;
type RuleKey = (typeof RULE_KEYS)[number];

/** Whether a property key names a rule or the computed formula. */
export function isFormulaProperty(key: string): boolean {
  return key === 'computed' || (key.startsWith('rule.') && RULE_KEYS.includes(key.slice(5) as RuleKey));
}

/** The formula of a field's rule or computed value, if it has one. */
export function getFormulaProperty(form: Form, path: string, key: string): string | undefined {
  if (key === 'computed') return form.computed?.find((c) => c.target === path)?.formula;
  return form.rules?.find((r) => r.target === path)?.[key.slice(5) as RuleKey];
}

/** The form with a field's rule or computed formula set (undefined or "" removes it). */
export function setFormulaProperty(form: Form, path: string, key: string, value: unknown): Form | Refused {
  if (value !== undefined && value !== '' && typeof value !== 'string') {
    return refuse('公式需要是文本', 'a formula must be text');
  }
  const formula = value === '' ? undefined : value;
  if (key === 'computed') {
    const list = form.computed ?? [];
    const at = list.findIndex((c) => c.target === path);
    const next =
      formula === undefined
        ? list.filter((_, i) => i !== at)
        : at === -1
          ? [...list, { target: path, formula }]
          : list.map((c, i) => (i === at ? { ...c, formula } : c));
    return withOptional(form, { computed: next });
  }
  const ruleKey = key.slice(5) as RuleKey;
  const list = form.rules ?? [];
  const at = list.findIndex((r) => r.target === path);
  type Rule = NonNullable<Form['rules']>[number];
  const current: Rule = at === -1 ? { target: path } : (list[at] as Rule);
  const rule: Rule = { ...current };
  if (formula === undefined) delete rule[ruleKey];
  else rule[ruleKey] = formula;
  const empty = RULE_KEYS.every((k) => rule[k] === undefined);
  const next =
    at === -1
      ? empty
        ? list
        : [...list, rule]
      : empty
        ? list.filter((_, i) => i !== at)
        : list.map((r, i) => (i === at ? rule : r));
  return withOptional(form, { rules: next });
}
