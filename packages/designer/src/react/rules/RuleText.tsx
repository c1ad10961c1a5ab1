import type { Locale } from '@formboard/formula';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** The strings of the rule builder and the formula editor, in one locale. */
export interface RuleMessages {
  readonly always: string;
  readonly matchAll: string;
  readonly matchAny: string;
  readonly addCondition: string;
  readonly removeCondition: string;
  readonly field: string;
  readonly operator: string;
  readonly value: string;
  readonly customFormula: string;
  readonly editAsFormula: string;
  readonly useConditions: string;
  readonly formula: string;
  readonly result: string;
  readonly suggestions: string;
  readonly yes: string;
  readonly no: string;
}

interface RuleText {
  readonly locale: Locale;
  readonly messages: RuleMessages;
}

const RuleTextContext = createContext<RuleText | null>(null);

/** Gives the rule builder and formula editor below it their locale and strings (any designer can host them). */
export function RuleTextProvider(props: {
  readonly locale: Locale;
  readonly messages: RuleMessages;
  readonly children: ReactNode;
}): ReactNode {
  const { locale, messages } = props;
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <RuleTextContext.Provider value={value}>{props.children}</RuleTextContext.Provider>;
}

/** The rule builder's locale and strings; only inside a <RuleTextProvider>. */
export function useRuleText(): RuleText {
  const value = useContext(RuleTextContext);
  if (!value) throw new Error('rule builders and formula editors must be rendered inside <RuleTextProvider>');
  return value;
}
