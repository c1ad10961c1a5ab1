import { isEmpty } from '../../engine/defaults.ts';
import { Markdown } from '../markdown.tsx';
import type { WidgetProps } from '../registry.ts';
import { TextareaWidget } from './TextareaWidget.tsx';
import { EmptyValue } from './ValueView.tsx';

/** Markdown text: edited as plain text, shown read-only as the safe markdown subset (no raw HTML). */
export function MarkdownWidget(props: WidgetProps) {
  return <TextareaWidget {...props} />;
}

/** Read-only markdown, rendered safely. */
export function MarkdownView(props: WidgetProps) {
  return isEmpty(props.value) ? <EmptyValue props={props} /> : <Markdown source={String(props.value)} />;
}
