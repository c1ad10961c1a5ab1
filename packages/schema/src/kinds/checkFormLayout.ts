import type { FieldIndex } from '../fields/fieldIndex.ts';
import { BUILT_IN_WIDGETS, isCustomWidget } from '../fields/widgets.ts';
import type { Layout, LayoutNode } from '../schemas/layout.ts';
import { pointer, type Report } from '../validate/issues.ts';
import type { KeysOf } from '../validate/schemaWalk.ts';

/** Marks the children of a repeating table whose own path is wrong: their paths are not checked. */
const UNBOUND = '\u0000unbound';

// Which container a node type must sit in, and which node type a container may only hold. Switches
// rather than lookups in objects: node types are strings read from the document, and a keyed lookup
// with such a string costs more than comparing it with a few constants (this runs per layout node).
function requiredParent(type: string): string | undefined {
  switch (type) {
    case 'column':
      return 'columns';
    case 'tab':
      return 'tabs';
    case 'step':
      return 'steps';
    default:
      return undefined;
  }
}

function onlyChildOf(parentType: string): string | undefined {
  switch (parentType) {
    case 'columns':
      return 'column';
    case 'tabs':
      return 'tab';
    case 'steps':
      return 'step';
    case 'repeatingTable':
      return 'field';
    default:
      return undefined;
  }
}

function nodePointer(id: string): string {
  return pointer('layout', 'nodes', id);
}

/**
 * Checks a layout: node ids resolve, each node has one parent, containers hold the right nodes, paths
 * bind. `keysOf` lists the node ids (validation passes the keys its walk already read).
 */
export function checkFormLayout(
  layout: Layout,
  index: FieldIndex,
  report: Report,
  keysOf: KeysOf = Object.keys,
): void {
  new LayoutCheck(layout, index, report, keysOf).run();
}

/**
 * The walk behind `checkFormLayout`, its steps as methods rather than closures made per call. Nodes
 * are found by position through one Map of ids read once: looking ids up in a plain object with
 * hundreds of keys is several times slower. `parents` holds the id of each node's container.
 */
class LayoutCheck {
  private readonly nodeIds: readonly string[];
  private readonly nodes: LayoutNode[];
  private readonly positions = new Map<string, number>();
  private readonly parents: (string | undefined)[];
  private placed = 0;

  constructor(
    private readonly layout: Layout,
    private readonly index: FieldIndex,
    private readonly report: Report,
    keysOf: KeysOf,
  ) {
    const nodeIds = keysOf(layout.nodes);
    // Each node read by its id, not with Object.values: that is slow on the hash-table objects JSON.parse
    // makes of big maps (CONTEXT.md, "Big maps").
    const nodes = new Array<LayoutNode>(nodeIds.length);
    const { positions } = this;
    for (let i = 0; i < nodeIds.length; i++) {
      const id = nodeIds[i] as string;
      positions.set(id, i);
      nodes[i] = layout.nodes[id] as LayoutNode;
    }
    this.nodeIds = nodeIds;
    this.nodes = nodes;
    this.parents = new Array(nodeIds.length);
  }

  run(): void {
    const { nodeIds, parents, report } = this;
    this.visitChildren('root', 'root', this.layout.root, undefined);
    if (this.placed === nodeIds.length) return;
    nodeIds.forEach((id, i) => {
      if (parents[i] === undefined) {
        report(pointer('layout', 'nodes', id), 'layout.orphan', {
          'zh-CN': `布局节点 ${id} 没有放在任何位置`,
          en: `layout node ${id} is not placed anywhere`,
        });
      }
    });
  }

  /** The pointer of a container's children (type 'root': the layout's root list), built only for issues. */
  private childrenAt(parentId: string, parentType: string): string {
    return parentType === 'root' ? '/layout/root' : `${nodePointer(parentId)}/children`;
  }

  private visitChildren(
    parentId: string,
    parentType: string,
    ids: readonly string[],
    table: string | undefined,
  ): void {
    const { positions, parents, nodes, report } = this;
    const onlyChild = onlyChildOf(parentType);
    // Plain loops and pointers built only for issues (most nodes have none): this runs per layout node.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const position = positions.get(id);
      if (position === undefined) {
        report(
          `${this.childrenAt(parentId, parentType)}/${i}`,
          'layout.unknownNode',
          { 'zh-CN': `布局节点 ${id} 不存在`, en: `layout node ${id} does not exist` },
          id,
        );
        continue;
      }
      const previous = parents[position];
      if (previous !== undefined) {
        report(
          `${this.childrenAt(parentId, parentType)}/${i}`,
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
      this.placed++;
      const node = nodes[position] as LayoutNode;
      const required = requiredParent(node.type);
      if (required && parentType !== required) {
        report(
          `${this.childrenAt(parentId, parentType)}/${i}`,
          'layout.misplaced',
          {
            'zh-CN': `${node.type} 节点只能放在 ${required} 中`,
            en: `a ${node.type} node can only be placed inside ${required}`,
          },
          id,
        );
      }
      if (onlyChild && node.type !== onlyChild) {
        report(
          `${this.childrenAt(parentId, parentType)}/${i}`,
          'layout.misplaced',
          {
            'zh-CN': `${parentType} 中只能放 ${onlyChild} 节点，不能放 ${node.type}`,
            en: `${parentType} can only hold ${onlyChild} nodes, not ${node.type}`,
          },
          id,
        );
      }
      this.checkNode(id, node, table);
    }
  }

  private checkNode(id: string, node: LayoutNode, table: string | undefined): void {
    const { report } = this;
    if (node.type === 'field') {
      this.checkField(id, node.path, node.widget, table);
      return;
    }
    if (node.type === 'repeatingTable') {
      const field = this.index.fields.get(node.path);
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
      this.visitChildren(id, node.type, node.children, valid ? node.path : UNBOUND);
      return;
    }
    if ('children' in node) this.visitChildren(id, node.type, node.children, table);
  }

  private checkField(id: string, path: string, widget: string | undefined, table: string | undefined): void {
    if (table === UNBOUND) return;
    const { report } = this;
    const fullPath = table ? `${table}[].${path}` : path;
    const field = this.index.fields.get(fullPath);
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
  }
}
