/** 1-based line and column (in code points) of an offset in the source text. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: [...last].length + 1 };
}

// East Asian wide characters take two columns in a monospace font; the caret pads with a full-width
// space under them so it stays under the right character.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The line containing `offset`, and under it a caret pointing at the offset. */
export function excerptAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const nextBreak = source.indexOf('\n', offset);
  const lineText = source.slice(lineStart, nextBreak === -1 ? source.length : nextBreak);
  const pad = [...source.slice(lineStart, offset)].map((ch) => (WIDE.test(ch) ? '\u3000' : ' ')).join('');
  return `${lineText}\n${pad}^`;
}
