// Reads Excel format codes ("¥#,##0.00;-¥#,##0.00", "yyyy年m月d日 aaaa") into sections of tokens.
// It only classifies characters; formatNumber and formatDate give the codes their meaning.

/**
 * One piece of a format section. `code` texts are: a digit placeholder or number symbol
 * (`0 # ? . , % @`), `E+` / `E-`, `General`, a run of one date letter in lower case (`yyyy`, `m`, `dd`,
 * `hh`, `ss`, `aaa`), or `AM/PM` / `A/P` / `上午/下午` as written.
 */
export type FormatToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string };

export type FormatSection = readonly FormatToken[];

const NUMBER_CODES = new Set(['0', '#', '?', '.', ',', '%', '@']);
const DATE_LETTERS = new Set(['y', 'm', 'd', 'h', 's']);
// Colors only tint the cell in Excel; TEXT drops them. Chinese Excel spells them in Chinese.
const COLOR =
  /^(?:black|blue|cyan|green|magenta|red|white|yellow|color\s*\d{1,2}|黑色|蓝色|青色|绿色|洋红|红色|白色|黄色|颜色\s*\d{1,2})$/i;
const KEYWORDS = ['AM/PM', 'A/P', '上午/下午', 'General', 'G/通用格式'];

const cache = new Map<string, readonly FormatSection[] | null>();
const CACHE_LIMIT = 200;

/**
 * The sections (at most 4: positive; negative; zero; text) of an Excel format code, or null when the
 * code is malformed or uses what is not supported: conditions ([>100]), elapsed time ([h]), [DBNum1]…
 */
export function parseFormatCode(code: string): readonly FormatSection[] | null {
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  const parsed = parse(code);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(code, parsed);
  return parsed;
}

function parse(code: string): FormatSection[] | null {
  const sections: FormatToken[][] = [[]];
  const push = (token: FormatToken): void => {
    (sections[sections.length - 1] as FormatToken[]).push(token);
  };
  let i = 0;
  while (i < code.length) {
    const ch = code[i] as string;
    const lower = ch.toLowerCase();
    const keyword = KEYWORDS.find((k) => code.slice(i, i + k.length).toUpperCase() === k.toUpperCase());
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return null;
      push({ kind: 'literal', text: code.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\' || ch === '!' || ch === '_' || ch === '*') {
      // \x and !x show x; _x leaves the width of x (a space here); *x repeats x to fill the cell (dropped).
      const next = code.codePointAt(i + 1);
      if (next === undefined) return null;
      const text = String.fromCodePoint(next);
      if (ch !== '*') push({ kind: 'literal', text: ch === '_' ? ' ' : text });
      i += 1 + text.length;
    } else if (ch === ';') {
      sections.push([]);
      i += 1;
    } else if (ch === '[') {
      const end = code.indexOf(']', i);
      if (end < 0) return null;
      const inner = code.slice(i + 1, end);
      // [$¥-804] shows its currency symbol; [$-804] only names a locale.
      if (inner.startsWith('$')) {
        const symbol = inner.slice(1).split('-')[0] ?? '';
        if (symbol) push({ kind: 'literal', text: symbol });
      } else if (!COLOR.test(inner.trim())) return null;
      i = end + 1;
    } else if (keyword) {
      const text = code.slice(i, i + keyword.length);
      push({ kind: 'code', text: keyword.startsWith('G') ? 'General' : text });
      i += keyword.length;
    } else if (lower === 'e' && (code[i + 1] === '+' || code[i + 1] === '-')) {
      push({ kind: 'code', text: code.slice(i, i + 2) });
      i += 2;
    } else if (DATE_LETTERS.has(lower) || lower === 'a') {
      let end = i + 1;
      while (end < code.length && (code[end] as string).toLowerCase() === lower) end += 1;
      const run = code.slice(i, end);
      // a, aa are plain letters; aaa and aaaa are Chinese Excel's weekday codes.
      push(
        lower === 'a' && run.length < 3
          ? { kind: 'literal', text: run }
          : { kind: 'code', text: run.toLowerCase() },
      );
      i = end;
    } else if (NUMBER_CODES.has(ch)) {
      push({ kind: 'code', text: ch });
      i += 1;
    } else {
      const text = String.fromCodePoint(code.codePointAt(i) ?? 0);
      push({ kind: 'literal', text });
      i += text.length;
    }
  }
  return sections.length > 4 ? null : sections;
}
