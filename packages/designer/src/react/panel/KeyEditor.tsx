import { type ReactNode, useId } from 'react';
import { keyOf } from '../../form/dataPaths.ts';
import { boundPath } from '../../form/formTree.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { useRenameDraft } from '../shared/useRenameDraft.ts';

/** The key of the field or table a node shows, changed on purpose (applied as a whole, never per key press). */
export function KeyEditor({ nodeId }: { readonly nodeId: string }): ReactNode {
  const { designer, messages, locale } = useDesignerContext();
  const path = useDesignerState((s) => boundPath(s.document, nodeId));
  const key = path === undefined ? '' : keyOf(path);
  const { draft, setDraft, problem, apply } = useRenameDraft(key, locale, (next) =>
    designer.renameKey(nodeId, next),
  );
  const id = useId();
  if (path === undefined) return null;
  return (
    <details className="fbd-advanced">
      <summary>{messages.advanced}</summary>
      <form className="fbd-key" onSubmit={apply}>
        <label htmlFor={id}>{messages.fieldKey}</label>
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          spellCheck={false}
        />
        <button type="submit" className="fb-button">
          {messages.applyKey}
        </button>
        {problem ? (
          <p className="fb-error" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        ) : null}
      </form>
    </details>
  );
}
