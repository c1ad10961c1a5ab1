import { columnPath } from '@formboard/formula';
import { localize } from '@formboard/schema';
import { lastSegment } from './fieldOptions.ts';
import type { RendererContextValue } from './RendererContext.ts';

const CELL = /^(.+?)\[(\d+)\]\.(.+)$/;

/** What a path is called on the page: "员工", or "指标 · 权重（第 2 行）" for a table cell. */
export function pathLabel(
  r: Pick<RendererContextValue, 'layout' | 'index' | 'locale' | 'messages'>,
  path: string,
): string {
  if (path === '') return r.messages.wholeForm;
  const titleOf = (column: string, fallback: string) => {
    const nodeId = r.layout.nodeOfPath(column);
    const node = nodeId === undefined ? undefined : r.layout.node(nodeId);
    const own =
      node?.type === 'field' ? node.label : node?.type === 'repeatingTable' ? node.title : undefined;
    return localize(own ?? r.index.fields.get(column)?.title, r.locale) || fallback;
  };
  const cell = CELL.exec(path);
  if (cell) {
    const [, table = '', row = '0', column = ''] = cell;
    const cellTitle = r.messages.cellLabel(titleOf(columnPath(path), column), Number(row) + 1);
    return `${titleOf(table, table)} · ${cellTitle}`;
  }
  return titleOf(path, lastSegment(path));
}
