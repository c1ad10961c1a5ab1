import type { Locale, LocalizedMessage } from '@formboard/formula';
import type { ReactNode } from 'react';

/** What the list needs of a problem: where it is, its code and message. */
export interface ListedProblem {
  readonly pointer: string;
  readonly code: string;
  readonly message: LocalizedMessage;
}

/**
 * A definition's problems (nothing when it has none); one concerning a part of it (a node, widget or
 * card: `subjectOf`) is a button that selects that part.
 */
export function ProblemList<P extends ListedProblem>(props: {
  readonly result: { readonly ok: true } | { readonly ok: false; readonly problems: readonly P[] };
  readonly subjectOf: (problem: P) => string | undefined;
  readonly select: (ids: readonly string[]) => void;
  readonly messages: { readonly problems: (count: number) => string };
  readonly locale: Locale;
}): ReactNode {
  const { locale, result } = props;
  if (result.ok) return null;
  return (
    <section className="fbd-problems" aria-label={props.messages.problems(result.problems.length)}>
      <ul>
        {result.problems.map((problem) => {
          const subject = props.subjectOf(problem);
          return (
            <li key={`${problem.pointer}:${problem.code}`}>
              {subject === undefined ? (
                problem.message[locale]
              ) : (
                <button type="button" className="fbd-link" onClick={() => props.select([subject])}>
                  {problem.message[locale]}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
