import { FormHostProvider, useFormHost } from '@formboard/form-runtime';
import { type ReactNode, type RefObject, useLayoutEffect, useMemo, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { DesignerContext, useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { DropTargetsContext, useDropTargets } from '../dnd/DropTargets.ts';
import { NodeDragContext, useNodeDragSource } from '../dnd/nodeDragSource.ts';
import { NodeList } from './NodeList.tsx';

/** The canvas's nodes: every node of the form, drop slots between them. */
function CanvasNodes(): ReactNode {
  const { messages } = useDesignerContext();
  const root = useDesignerState((s) => s.document.layout.root);
  return (
    <>
      {root.length === 0 ? <p className="fbd-empty">{messages.emptyCanvas}</p> : null}
      <NodeList parent={null} ids={root} />
    </>
  );
}

/**
 * Renders the canvas's nodes into `host` in a React root of their own, with the contexts they read
 * (the designer's, the drag's view and node drag source, form-runtime's host adapters) given again.
 * Why: dnd-kit keeps a drag's position in React context, so each pointer move makes React walk every
 * fiber under its DndContext looking for consumers — on a 500-component form that walk was the largest
 * part of React's work per frame, though nothing on the canvas reads it. Events still bubble from the
 * nodes to the designer's handlers (React dispatches them in both roots, as the DOM nests them).
 */
export function useCanvasRoot(host: RefObject<HTMLElement | null>): void {
  const context = useDesignerContext();
  const targets = useDropTargets();
  const source = useNodeDragSource();
  const formHost = useFormHost();
  const root = useRef<Root | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const own = root.current ?? createRoot(element);
    root.current = own;
    return () => {
      // React cannot unmount a root while it commits this one; a remount right away (StrictMode) keeps it.
      queueMicrotask(() => {
        if (!element.isConnected) own.unmount();
      });
    };
  }, [host]);
  const content = useMemo(
    () => (
      <DesignerContext.Provider value={context}>
        <FormHostProvider host={formHost}>
          <DropTargetsContext.Provider value={targets}>
            <NodeDragContext.Provider value={source}>
              <CanvasNodes />
            </NodeDragContext.Provider>
          </DropTargetsContext.Provider>
        </FormHostProvider>
      </DesignerContext.Provider>
    ),
    [context, formHost, targets, source],
  );
  // In a layout effect (an update of the highest priority): the nodes are drawn in the same task.
  useLayoutEffect(() => root.current?.render(content), [content]);
}
