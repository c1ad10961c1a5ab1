import type { Locale } from '@formboard/formula';
import { type ReactNode, useState } from 'react';
import { DesignerToolbar, type DesignerToolbarProps } from './DesignerToolbar.tsx';
import { type ListedProblem, ProblemList } from './ProblemList.tsx';

/** Props of {@link ToolbarWithProblems}: the toolbar's, plus the definition's check and where a problem points. */
export type ToolbarWithProblemsProps<D, P extends ListedProblem> = Omit<
  DesignerToolbarProps<D>,
  'problemCount' | 'problemsList'
> & {
  readonly result: { readonly ok: true } | { readonly ok: false; readonly problems: readonly P[] };
  readonly subjectOf: (problem: P) => string | undefined;
  readonly locale: Locale;
};

/**
 * The toolbar whose problem count opens the problems list below it (each problem selects what it is
 * about): how the form and board designers show their problems.
 */
export function ToolbarWithProblems<D, P extends ListedProblem>(
  props: ToolbarWithProblemsProps<D, P>,
): ReactNode {
  const { result, subjectOf, locale, ...toolbar } = props;
  const [shown, show] = useState(false);
  return (
    <>
      <DesignerToolbar
        {...toolbar}
        problemCount={result.ok ? 0 : result.problems.length}
        problemsList={{ shown, show }}
      />
      {shown ? (
        <ProblemList
          result={result}
          subjectOf={subjectOf}
          select={toolbar.designer.select}
          messages={toolbar.messages}
          locale={locale}
        />
      ) : null}
    </>
  );
}
