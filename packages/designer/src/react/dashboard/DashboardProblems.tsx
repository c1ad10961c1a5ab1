import type { ReactNode } from 'react';
import type { DashboardResult } from '../../dashboard/dashboardProblems.ts';
import { useDashboardDesigner } from './DashboardDesignerContext.ts';

/** The dashboard's problems; one concerning a widget selects it (and opens its settings) when activated. */
export function DashboardProblems({ result }: { readonly result: DashboardResult }): ReactNode {
  const { designer, messages, locale } = useDashboardDesigner();
  if (result.ok) return null;
  return (
    <section className="fbd-problems" aria-label={messages.problems(result.problems.length)}>
      <ul>
        {result.problems.map((problem) => (
          <li key={`${problem.pointer}:${problem.code}`}>
            {problem.widgetId === undefined ? (
              problem.message[locale]
            ) : (
              <button
                type="button"
                className="fbd-link"
                onClick={() => designer.select([problem.widgetId as string])}
              >
                {problem.message[locale]}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
