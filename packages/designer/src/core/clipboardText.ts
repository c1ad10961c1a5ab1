import type { LocalizedMessage } from '@formboard/formula';

// Copied items travel as JSON text, so they go through the system clipboard between documents, tabs
// and browsers. The envelope says what they are, so pasting text from elsewhere is refused clearly.
const MARK = 'formboard/clipboard';
const VERSION = 1;

/** The JSON text of copied items of one document kind. */
export function toClipboardText(kind: string, payload: unknown): string {
  return JSON.stringify({ format: MARK, version: VERSION, kind, payload });
}

/** The payload of clipboard text of `kind`, or why it cannot be pasted. */
export function fromClipboardText(
  kind: string,
  text: string,
): { readonly payload: unknown } | { readonly refused: LocalizedMessage } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const envelope = parsed as { format?: unknown; version?: unknown; kind?: unknown; payload?: unknown };
  if (typeof parsed !== 'object' || parsed === null || envelope.format !== MARK) {
    return {
      refused: { 'zh-CN': '剪贴板中没有可粘贴的组件', en: 'the clipboard holds no components to paste' },
    };
  }
  if (envelope.version !== VERSION) {
    return {
      refused: {
        'zh-CN': '剪贴板内容来自不兼容的版本',
        en: 'the clipboard content comes from an incompatible version',
      },
    };
  }
  if (envelope.kind !== kind) {
    return {
      refused: {
        'zh-CN': `剪贴板中是${String(envelope.kind)}的组件，不能粘贴到这里`,
        en: `the clipboard holds ${String(envelope.kind)} components, which cannot be pasted here`,
      },
    };
  }
  return { payload: envelope.payload };
}
