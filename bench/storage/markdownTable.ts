/** A Markdown table with padded columns, as the other benchmarks print (right-aligned where asked). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length), 3));
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, c) =>
        rightAligned.includes(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((w, c) => (rightAligned.includes(c) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)))
    .join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
