import { type ReactNode, useState } from 'react';
import type { PaletteItem } from '../form/palette.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';
import type { DragData } from './dnd/dragSubject.ts';
import { Outline } from './Outline.tsx';
import { Preview } from './Preview.tsx';
import { PropertyPanel } from './panel/PropertyPanel.tsx';
import { DesignerToolbar } from './shared/DesignerToolbar.tsx';
import { LiveRegion } from './shared/LiveRegion.tsx';
import { PaletteView } from './shared/PaletteView.tsx';
import { ProblemList } from './shared/ProblemList.tsx';
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
  const [showProblems, setShowProblems] = useState(false);
  // Re-rendered on every change: the problems follow the document.
  useDesignerState((s) => s.document);
  const result = designer.toDefinition();
  const shortcuts = useShortcuts(session);
  return (
    // The root only listens for shortcuts and clipboard events bubbling from its controls.
    <div className="fbd-designer" lang={locale} {...shortcuts}>
      <DesignerToolbar
        designer={designer}
        messages={messages}
        session={session}
        problemCount={result.ok ? 0 : result.problems.length}
        duplicate
        problemsList={{ shown: showProblems, show: setShowProblems }}
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
      </DesignerToolbar>
      {showProblems ? (
        <ProblemList
          result={result}
          subjectOf={(p) => p.nodeId}
          select={designer.select}
          {...{ messages, locale }}
        />
      ) : null}
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
