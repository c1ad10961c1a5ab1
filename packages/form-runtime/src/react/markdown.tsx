import type { ReactNode } from 'react';

// A safe markdown subset rendered as React elements — paragraphs, **bold**, *italic*, "- " and "1. "
// lists, [links](https://…) with http/https only, and "---" as a divider. Nothing is parsed as HTML
// and nothing goes through dangerouslySetInnerHTML: "<script>" stays the text "<script>".

/** True for a link target we follow: absolute http or https URLs only. */
export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)/;

/** Inline markup of one block: bold, italic, links, backslash escapes. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const key = `${keyPrefix}-${i}`;
    if (rest[0] === '\\' && rest.length > 1 && '\\*[]()-#'.includes(rest[1] ?? '')) {
      plain += rest[1];
      i += 2;
      continue;
    }
    if (rest.startsWith('**')) {
      const end = rest.indexOf('**', 2);
      if (end > 2) {
        flush();
        out.push(<strong key={key}>{renderInline(rest.slice(2, end), key)}</strong>);
        i += end + 2;
        continue;
      }
    }
    if (rest[0] === '*' && rest[1] !== '*' && rest[1] !== ' ') {
      const end = rest.indexOf('*', 1);
      if (end > 1) {
        flush();
        out.push(<em key={key}>{renderInline(rest.slice(1, end), key)}</em>);
        i += end + 1;
        continue;
      }
    }
    const link = rest[0] === '[' ? LINK.exec(rest) : null;
    if (link) {
      const [whole, label = '', href = ''] = link;
      flush();
      out.push(
        isSafeLink(href) ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            {renderInline(label, key)}
          </a>
        ) : (
          <span key={key}>{renderInline(label, key)}</span>
        ),
      );
      i += whole.length;
      continue;
    }
    plain += rest[0];
    i += 1;
  }
  flush();
  return out;
}

type Block =
  | { readonly kind: 'p'; readonly lines: string[] }
  | { readonly kind: 'ul' | 'ol'; readonly items: string[] }
  | { readonly kind: 'hr' };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const RULE = /^\s*(-{3,}|\*{3,}|_{3,})\s*$/;

/** Splits markdown text into blocks. */
function blocks(source: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ kind: 'hr' });
      current = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : 'p';
    const content = (bullet ?? numbered)?.[1] ?? line.trim();
    if (kind === 'p') {
      if (current?.kind === 'p') current.lines.push(content);
      else if (current && current.kind !== 'hr' && /^\s+/.test(line)) {
        const items = current.items;
        items[items.length - 1] = `${items[items.length - 1] ?? ''} ${content}`;
      } else {
        current = { kind: 'p', lines: [content] };
        out.push(current);
      }
      continue;
    }
    if (current?.kind === kind) current.items.push(content);
    else {
      current = { kind, items: [content] };
      out.push(current);
    }
  }
  return out;
}

/** Renders the safe markdown subset as React elements. */
export function Markdown({ source }: { readonly source: string }): ReactNode {
  return (
    <div className="fb-markdown">
      {blocks(source).map((block, b) => {
        const key = `b${b}`;
        if (block.kind === 'hr') return <hr key={key} />;
        if (block.kind === 'p') return <p key={key}>{renderInline(block.lines.join(' '), key)}</p>;
        const List = block.kind;
        return (
          <List key={key}>
            {block.items.map((item, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list items of static text have no identity
              <li key={n}>{renderInline(item, `${key}-${n}`)}</li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
