import { createFormEngine, FormView } from '@formboard/form-runtime';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { changedProperties, panelValue, propertyPanel } from '../../panel/propertyForm.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { canonical } from './canonical.ts';

/**
 * A node's properties, edited in a form that form-runtime renders from the node's property panel
 * definition. Each change of the panel's value becomes a `setProperty` command (typing merges into one
 * undo step); a change of the node from elsewhere (undo, redo, the canvas) resets the panel's value.
 */
export function NodeProperties({ nodeId }: { readonly nodeId: string }): ReactNode {
  const { designer, locale, widgetProperties, report } = useDesignerContext();
  const shape = useDesignerState((s) => propertyPanel(s.document, nodeId, widgetProperties)?.shape);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the panel is rebuilt only when its shape changes
  const spec = useMemo(
    () => propertyPanel(designer.getState().document, nodeId, widgetProperties),
    [designer, nodeId, shape, widgetProperties],
  );
  const keys = spec?.keys ?? [];
  const stored = useDesignerState((s) => canonical(panelValue(s.document, nodeId, keys)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: one engine per panel; later values arrive by reset
  const engine = useMemo(
    () =>
      spec && createFormEngine(spec.definition, { value: JSON.parse(stored), locale, validateOn: 'change' }),
    [spec, locale],
  );
  const last = useRef<Readonly<Record<string, unknown>>>({});
  const resetting = useRef(false);

  useEffect(() => {
    if (!engine || !spec) return;
    last.current = engine.getValue() as Record<string, unknown>;
    return engine.subscribeForm(() => {
      const next = engine.getValue() as Record<string, unknown>;
      const changes = resetting.current ? [] : changedProperties(last.current, next, spec.keys);
      last.current = next;
      for (const [key, value] of changes) report(designer.setProperty(nodeId, key, value));
    });
  }, [engine, spec, designer, nodeId, report]);

  useEffect(() => {
    if (!engine || canonical(engine.getValue()) === stored) return;
    resetting.current = true;
    engine.reset(JSON.parse(stored));
    resetting.current = false;
  }, [engine, stored]);

  if (!engine) return null;
  return (
    // Leaving a control ends the run of typing that merges into one undo step.
    // biome-ignore lint/a11y/noStaticElementInteractions: blur bubbles from the panel's own controls
    <div className="fbd-node-properties" onBlur={() => designer.checkpoint()}>
      <FormView engine={engine} locale={locale} hideTitle />
    </div>
  );
}
