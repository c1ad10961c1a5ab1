import type { FieldIndex } from '../fields/fieldIndex.ts';
import { BUILT_IN_WIDGETS, isCustomWidget } from '../fields/widgets.ts';
import type { Layout, LayoutNode } from '../schemas/layout.ts';
import { pointer, type Report } from '../validate/issues.ts';

// Which node types may sit directly inside which containers ('root' is the layout's root list).
const ONLY_INSIDE: Readonly<Record<string, string>> = { column: 'columns', tab: 'tabs', step: 'steps' };
/** Marks the children of a repeating table whose own path is wrong: their paths are not checked. */
const UNBOUND = '\u0000unbound';
const ONLY_CHILD: Readonly<Record<string, string>> = {
  columns: 'column',
  tabs: 'tab',
  steps: 'step',
  repeatingTable: 'field',
};

function nodePointer(id: string): string {
  return pointer('layout', 'nodes', id);
}

/** Checks a layout: node ids resolve, each node has one parent, containers hold the right nodes, paths bind. */
export function checkFormLayout(layout: Layout, index: FieldIndex, report: Report): void {
  // Nodes by position, found through one Map of ids read once: looking ids up in a plain object with
  // hundreds of keys is several times slower. `parents` holds the id of each node's container.
  const nodeIds = Object.keys(layout.nodes);
  const nodes = Object.values(layout.nodes) as LayoutNode[];
  const positions = new Map<string, number>();
  for (let i = 0; i < nodeIds.length; i++) positions.set(nodeIds[i] as string, i);
  const parents: (string | undefined)[] = new Array(nodeIds.length);
  let placed = 0;

  // The pointer of a container's children (type 'root': the layout's root list), built only for issues.
  const childrenAt = (parentId: string, parentType: string): string =>
    parentType === 'root' ? '/layout/root' : `${nodePointer(parentId)}/children`;

  const visitChildren = (parentId: string, parentType: string, ids: readonly string[], table?: string) => {
    // Plain loops and pointers built only for issues (most nodes have none): this runs per layout node.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const position = positions.get(id);
      if (position === undefined) {
        report(
          `${childrenAt(parentId, parentType)}/${i}`,
          'layout.unknownNode',
          { 'zh-CN': `布局节点 ${id} 不存在`, en: `layout node ${id} does not exist` },
          id,
        );
        continue;
      }
      const previous = parents[position];
      if (previous !== undefined) {
        report(
          `${childrenAt(parentId, parentType)}/${i}`,
          'layout.multipleParents',
          {
            'zh-CN': `布局节点 ${id} 出现在多处（已在 ${previous} 中）`,
            en: `layout node ${id} is placed twice (already in ${previous})`,
          },
          id,
        );
        continue;
      }
      parents[position] = parentId;
      placed++;
      const node = nodes[position] as LayoutNode;
      const required = ONLY_INSIDE[node.type];
      if (required && parentType !== required) {
        report(
          `${childrenAt(parentId, parentType)}/${i}`,
          'layout.misplaced',
          {
            'zh-CN': `${node.type} 节点只能放在 ${required} 中`,
            en: `a ${node.type} node can only be placed inside ${required}`,
          },
          id,
        );
      }
      const onlyChild = ONLY_CHILD[parentType];
      if (onlyChild && node.type !== onlyChild) {
        report(
          `${childrenAt(parentId, parentType)}/${i}`,
          'layout.misplaced',
          {
            'zh-CN': `${parentType} 中只能放 ${onlyChild} 节点，不能放 ${node.type}`,
            en: `${parentType} can only hold ${onlyChild} nodes, not ${node.type}`,
          },
          id,
        );
      }
      checkNode(id, node, table);
    }
  };

  const checkNode = (id: string, node: LayoutNode, table: string | undefined): void => {
    if (node.type === 'field') {
      checkField(id, node.path, node.widget, table);
      return;
    }
    if (node.type === 'repeatingTable') {
      const field = index.fields.get(node.path);
      const valid = !table && field?.kind === 'table';
      if (table) {
        report(
          `${nodePointer(id)}/path`,
          'layout.nestedTable',
          { 'zh-CN': '重复表格不能嵌套', en: 'repeating tables cannot be nested' },
          node.path,
        );
      } else if (field?.kind !== 'table') {
        report(
          `${nodePointer(id)}/path`,
          'layout.notATable',
          {
            'zh-CN': `${node.path} 不是表格字段（数组对象）`,
            en: `${node.path} is not a table field (an array of objects)`,
          },
          node.path,
        );
      }
      // Columns of a table that does not exist would only repeat the same problem once per column.
      visitChildren(id, node.type, node.children, valid ? node.path : UNBOUND);
      return;
    }
    if ('children' in node) visitChildren(id, node.type, node.children, table);
  };

  const checkField = (
    id: string,
    path: string,
    widget: string | undefined,
    table: string | undefined,
  ): void => {
    if (table === UNBOUND) return;
    const fullPath = table ? `${table}[].${path}` : path;
    const field = index.fields.get(fullPath);
    if (!field) {
      report(
        `${nodePointer(id)}/path`,
        'layout.unknownPath',
        {
          'zh-CN': `数据中没有字段 ${fullPath}`,
          en: `the data has no field ${fullPath}`,
        },
        path,
      );
      return;
    }
    if (field.kind === 'table' || field.kind === 'group') {
      report(
        `${nodePointer(id)}/path`,
        'layout.notAScalar',
        {
          'zh-CN': `${fullPath} 是${field.kind === 'table' ? '表格' : '分组'}，请用重复表格或分别放置其中的字段`,
          en: `${fullPath} is a ${field.kind}; use a repeating table or place its fields one by one`,
        },
        path,
      );
      return;
    }
    if (!table && field.inTable) {
      report(
        `${nodePointer(id)}/path`,
        'layout.tableColumnOutside',
        {
          'zh-CN': `${fullPath} 是表格的列，只能放在重复表格里`,
          en: `${fullPath} is a table column; place it inside its repeating table`,
        },
        path,
      );
    }
    if (widget && !isCustomWidget(widget) && !BUILT_IN_WIDGETS[field.kind].includes(widget)) {
      const allowed = BUILT_IN_WIDGETS[field.kind];
      report(
        `${nodePointer(id)}/widget`,
        'layout.widgetMismatch',
        {
          'zh-CN': `控件 ${widget} 不能用于 ${fullPath}，可选：${allowed.join('、')}`,
          en: `widget ${widget} does not fit ${fullPath}; use one of ${allowed.join(', ')}`,
        },
        widget,
      );
    }
  };

  visitChildren('root', 'root', layout.root);

  if (placed === nodeIds.length) return;
  nodeIds.forEach((id, i) => {
    if (parents[i] === undefined) {
      report(pointer('layout', 'nodes', id), 'layout.orphan', {
        'zh-CN': `布局节点 ${id} 没有放在任何位置`,
        en: `layout node ${id} is not placed anywhere`,
      });
    }
  });
}
