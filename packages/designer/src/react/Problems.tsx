import type { ReactNode } from 'react';
import type { DefinitionResult } from '../form/formProblems.ts';
import { useDesignerContext } from './DesignerContext.ts';

/** The definition's problems; each one concerning a node selects it when activated. */
export function Problems({ result }: { readonly result: DefinitionResult }): ReactNode {
  const { designer, messages, locale } = useDesignerContext();
  if (result.ok) return null;
  return (
    <section className="fbd-problems" aria-label={messages.problems(result.problems.length)}>
      <ul>
        {result.problems.map((problem) => (
          <li key={`${problem.pointer}:${problem.code}`}>
            {problem.nodeId === undefined ? (
              problem.message[locale]
            ) : (
              <button
                type="button"
                className="fbd-link"
                onClick={() => designer.select([problem.nodeId as string])}
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
