import { localize } from '@formboard/schema';
import { useEffect, useRef } from 'react';
import { useRenderer } from '../RendererContext.ts';
import { LayoutChildren } from './LayoutNodeView.tsx';
import type { NodeOf } from './nodeTypes.ts';
import { useNodeUi } from './useNodeUi.ts';

/**
 * A wizard: one step at a time. "Next" checks the step's fields first (marks them touched, shows their
 * errors, focuses the first invalid one) and moves on only when they pass; the last step submits.
 * In read-only mode every step is shown, one after the other.
 */
export function Steps({ id, node }: { readonly id: string; readonly node: NodeOf<'steps'> }) {
  const r = useRenderer();
  const [current, setCurrent] = useNodeUi(id);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const base = r.nodeDomId(id);
  const steps = node.children.map((stepId, i) => {
    const step = r.layout.node(stepId);
    const title =
      (step?.type === 'step' ? localize(step.title, r.locale) : '') ||
      r.messages.stepOf(i + 1, node.children.length);
    return { id: stepId, title, children: step?.type === 'step' ? step.children : [] };
  });

  // After Next or Back, focus the new step's heading so screen readers announce where they are.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  });

  if (r.readOnly) {
    return (
      <div className="fb-steps fb-steps--print">
        {steps.map((step, i) => (
          <section key={step.id} className="fb-section" aria-labelledby={`${base}-${i}-title`}>
            <h3 className="fb-section-title" id={`${base}-${i}-title`}>
              {step.title}
            </h3>
            <LayoutChildren ids={step.children} />
          </section>
        ))}
      </div>
    );
  }

  const index = Math.min(current, steps.length - 1);
  const step = steps[index];
  if (!step) return null;
  const go = (to: number) => {
    moved.current = true;
    setCurrent(to);
  };
  const next = () => {
    const paths = r.layout.pathsUnder(step.id, (p) => r.engine.getValue(p));
    for (const path of paths) r.engine.blur(path);
    const invalid = paths
      .filter((p) => {
        const state = r.engine.getFieldState(p);
        return state.visible && state.issues.length > 0;
      })
      .sort(r.layout.compare);
    if (invalid[0] !== undefined) r.focusPath(invalid[0]);
    else go(index + 1);
  };
  return (
    <div className="fb-steps">
      <ol className="fb-step-list">
        {steps.map((s, i) => (
          <li
            key={s.id}
            className={
              i === index ? 'fb-step fb-step--current' : i < index ? 'fb-step fb-step--done' : 'fb-step'
            }
            aria-current={i === index ? 'step' : undefined}
          >
            {s.title}
          </li>
        ))}
      </ol>
      <section className="fb-step-panel" aria-labelledby={`${base}-title`}>
        <h3 className="fb-section-title" id={`${base}-title`} tabIndex={-1} ref={heading}>
          {step.title}
          <span className="fb-step-count">{r.messages.stepOf(index + 1, steps.length)}</span>
        </h3>
        <LayoutChildren ids={step.children} />
      </section>
      <div className="fb-actions">
        {index > 0 ? (
          <button type="button" className="fb-button" onClick={() => go(index - 1)}>
            {r.messages.previous}
          </button>
        ) : null}
        {index === steps.length - 1 ? (
          <button type="submit" className="fb-button fb-button--primary">
            {r.messages.submit}
          </button>
        ) : (
          <button type="button" className="fb-button fb-button--primary" onClick={next}>
            {r.messages.next}
          </button>
        )}
      </div>
    </div>
  );
}
