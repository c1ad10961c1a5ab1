import { type ReactNode, useState } from 'react';
import type { PaletteItem } from '../form/palette.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';
import type { DragData } from './dnd/dragSubject.ts';
import { Outline } from './Outline.tsx';
import { Preview } from './Preview.tsx';
import { PropertyPanel } from './panel/PropertyPanel.tsx';
import { LiveRegion } from './shared/LiveRegion.tsx';
import { PaletteView } from './shared/PaletteView.tsx';
import { ToolbarWithProblems } from './shared/ToolbarWithProblems.tsx';
import type { DesignerSession } from './shared/useDesignerSession.ts';
import { useShortcuts } from './useShortcuts.ts';

const dragData = (item: PaletteItem): DragData => ({
  kind: 'palette',
  itemId: item.id,
  nodeType: item.kind === 'field' ? 'field' : item.node,
});

/** The designer's regions: toolbar, palette and outline, canvas (or preview), properties; and the live region. */
export function DesignerLayout({ session }: { readonly session: DesignerSession }): ReactNode {
  const { designer, messages, locale } = useDesignerContext();
  const [mode, setMode] = useState<'design' | 'preview'>('design');
  // Re-rendered on every change: the problems follow the document.
  useDesignerState((s) => s.document);
  const result = designer.toDefinition();
  const shortcuts = useShortcuts(session);
  return (
    // The root only listens for shortcuts and clipboard events bubbling from its controls.
    <div className="fbd-designer" lang={locale} {...shortcuts}>
      <ToolbarWithProblems
        designer={designer}
        messages={messages}
        session={session}
        result={result}
        subjectOf={(p) => p.nodeId}
        locale={locale}
        duplicate
      >
        <button
          type="button"
          className="fb-button"
          aria-pressed={mode === 'design'}
          onClick={() => setMode('design')}
        >
          {messages.design}
        </button>
        <button
          type="button"
          className="fb-button"
          aria-pressed={mode === 'preview'}
          onClick={() => setMode('preview')}
        >
          {messages.preview}
        </button>
      </ToolbarWithProblems>
      <div className="fbd-main">
        <div className="fbd-side">
          <PaletteView
            palette={designer.palette}
            idOf={(item) => item.id}
            locale={locale}
            messages={messages}
            dragData={dragData}
            onAdd={(item) => session.report(designer.add(item.id))}
            roleDescription={messages.draggableComponent}
          />
          <Outline />
        </div>
        {mode === 'design' ? <Canvas /> : <Preview />}
        <PropertyPanel />
      </div>
      <LiveRegion text={session.announcement} />
    </div>
  );
}
