import type { FormIssue } from '../engine/types.ts';
import { pathLabel } from './pathLabel.ts';
import { useRenderer } from './RendererContext.ts';
import { useFormSelector } from './useSelector.ts';

interface Summary {
  readonly submitCount: number;
  readonly issues: readonly FormIssue[];
}

const sameIssue = (a: FormIssue, b: FormIssue | undefined) =>
  b !== undefined && a.path === b.path && a.keyword === b.keyword && a.message.en === b.message.en;
const sameSummary = (a: Summary, b: Summary) =>
  a.submitCount === b.submitCount &&
  a.issues.length === b.issues.length &&
  a.issues.every((x, i) => sameIssue(x, b.issues[i]));

/**
 * The list of problems at the top of the form, shown once the form has been submitted: each links to
 * its field (opening the tab, step or section around it). It re-renders only when the problems change.
 */
export function ErrorSummary({ id }: { readonly id: string }) {
  const r = useRenderer();
  const summary = useFormSelector(
    r.engine,
    (s) => ({ submitCount: s.submitCount, issues: s.issues }),
    sameSummary,
  );
  if (r.readOnly || summary.submitCount === 0 || summary.issues.length === 0) return null;
  const issues = r.layout.inPageOrder(summary.issues);
  return (
    <div className="fb-error-summary" id={id} role="alert" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h3 className="fb-error-summary-title" id={`${id}-title`}>
        {r.messages.errorSummaryTitle(issues.length)}
      </h3>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.keyword}`}>
            {issue.path === '' ? (
              issue.message[r.locale]
            ) : (
              <a
                href={`#${r.domId(issue.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  r.focusPath(issue.path);
                }}
              >
                {pathLabel(r, issue.path)}: {issue.message[r.locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
