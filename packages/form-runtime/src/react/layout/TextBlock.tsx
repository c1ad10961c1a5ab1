import { localize } from '@formboard/schema';
import { Markdown } from '../markdown.tsx';
import { useRenderer } from '../RendererContext.ts';
import type { NodeOf } from './nodeTypes.ts';

/** Static text: plain, or the safe markdown subset. Content "---" alone is a divider. */
export function TextBlock({ node }: { readonly node: NodeOf<'text'> }) {
  const { locale } = useRenderer();
  const content = localize(node.content, locale);
  if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(content)) return <hr className="fb-divider" />;
  if (node.format === 'markdown') return <Markdown source={content} />;
  return <p className="fb-text">{content}</p>;
}
