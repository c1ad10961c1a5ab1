import { Markdown } from '@formboard/form-runtime';
import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { ReactNode } from 'react';
import type { WidgetProps } from '../WidgetContext.ts';

type TextWidget = Extract<DashboardWidget, { type: 'text' }>;

const HEADING = /^(#{1,3})\s+(.*)$/;

/** Splits markdown into heading lines and the runs of other lines between them. */
function sections(source: string): { heading?: { level: number; text: string }; body: string }[] {
  const out: { heading?: { level: number; text: string }; body: string }[] = [{ body: '' }];
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const last = out[out.length - 1];
    if (heading) out.push({ heading: { level: heading[1]?.length ?? 1, text: heading[2] ?? '' }, body: '' });
    else if (last) last.body += `${line}\n`;
  }
  return out;
}

/**
 * Markdown text, rendered safely: headings (#–###) here, everything else by form-runtime's safe
 * subset (no raw HTML, http/https links only). Headings start at h3, under the widget's own title.
 */
export function TextWidgetView({ widget, context }: WidgetProps<TextWidget>): ReactNode {
  const source = localize(widget.content, context.locale);
  return (
    <div className="fb-text">
      {sections(source).map((section, i) => {
        const Heading = section.heading ? (`h${Math.min(6, section.heading.level + 2)}` as 'h3') : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections of static text have no identity
          <div key={i}>
            {Heading && section.heading && <Heading>{section.heading.text}</Heading>}
            {section.body.trim() !== '' && <Markdown source={section.body} />}
          </div>
        );
      })}
    </div>
  );
}
