import { type ReactNode, useState } from 'react';
import type { Form } from '../form/formTree.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';
import { Outline } from './Outline.tsx';
import { Palette } from './Palette.tsx';
import { Preview } from './Preview.tsx';
import { Problems } from './Problems.tsx';
import { PropertyPanel } from './panel/PropertyPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useShortcuts } from './useShortcuts.ts';

/** The designer's regions: toolbar, palette and outline, canvas (or preview), properties; and the live region. */
export function DesignerLayout({
  onSave,
  announcement,
}: {
  readonly onSave: ((definition: Form) => unknown) | undefined;
  readonly announcement: string;
}): ReactNode {
  const { designer, messages, announce, locale } = useDesignerContext();
  const [mode, setMode] = useState<'design' | 'preview'>('design');
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useDesignerState((s) => s.document);
  const result = designer.toDefinition();
  const travel = (kind: 'undo' | 'redo') => {
    const state = designer.getState();
    const label = (kind === 'undo' ? state.past : state.future)?.top.label[locale];
    if (designer[kind]() && label !== undefined)
      announce(kind === 'undo' ? messages.undone(label) : messages.redone(label));
  };
  const shortcuts = useShortcuts(travel);
  const save = onSave
    ? async () => {
        const saved = form;
        setSaving(true);
        try {
          await onSave(saved);
          if (designer.getState().document === saved) designer.markSaved();
        } catch {
          announce(messages.saveFailed);
        } finally {
          setSaving(false);
        }
      }
    : undefined;
  return (
    // The root only listens for shortcuts and clipboard events bubbling from its controls.
    <div className="fbd-designer" lang={locale} {...shortcuts}>
      <Toolbar
        mode={mode}
        onMode={setMode}
        result={result}
        showProblems={showProblems}
        onShowProblems={setShowProblems}
        onSave={save}
        saving={saving}
        travel={travel}
      />
      {showProblems ? <Problems result={result} /> : null}
      <div className="fbd-main">
        <div className="fbd-side">
          <Palette />
          <Outline />
        </div>
        {mode === 'design' ? <Canvas /> : <Preview />}
        <PropertyPanel />
      </div>
      <div className="fbd-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
