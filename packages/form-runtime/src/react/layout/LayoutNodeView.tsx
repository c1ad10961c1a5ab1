import { memo, type ReactNode } from 'react';
import { FieldView } from '../FieldView.tsx';
import { useRenderer } from '../RendererContext.ts';
import { Columns } from './Columns.tsx';
import { RepeatingTable } from './RepeatingTable.tsx';
import { Section } from './Section.tsx';
import { Steps } from './Steps.tsx';
import { Tabs } from './Tabs.tsx';
import { TextBlock } from './TextBlock.tsx';

/** Renders one layout node by id: a field, a container, a table or static text. */
export const LayoutNodeView = memo(function LayoutNodeView({ id }: { readonly id: string }): ReactNode {
  const { layout } = useRenderer();
  const node = layout.node(id);
  switch (node?.type) {
    case 'field':
      return <FieldView node={node} path={node.path} />;
    case 'section':
      return <Section id={id} node={node} />;
    case 'columns':
      return <Columns node={node} />;
    case 'tabs':
      return <Tabs id={id} node={node} />;
    case 'steps':
      return <Steps id={id} node={node} />;
    case 'repeatingTable':
      return <RepeatingTable node={node} />;
    case 'text':
      return <TextBlock node={node} />;
    case 'column':
    case 'tab':
    case 'step':
      // Only valid inside their containers, which render them.
      return <LayoutChildren ids={node.children} />;
    default:
      return null;
  }
});

/** Renders a list of child nodes (fields directly: one component fewer for each of thousands). */
export function LayoutChildren({ ids }: { readonly ids: readonly string[] }): ReactNode {
  const { layout } = useRenderer();
  return ids.map((child) => {
    const node = layout.node(child);
    return node?.type === 'field' ? (
      <FieldView key={child} node={node} path={node.path} />
    ) : (
      <LayoutNodeView key={child} id={child} />
    );
  });
}
