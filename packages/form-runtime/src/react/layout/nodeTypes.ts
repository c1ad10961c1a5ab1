import type { LayoutNode } from '@formboard/schema';

/** The layout node of one type: NodeOf<'section'>. */
export type NodeOf<T extends LayoutNode['type']> = Extract<LayoutNode, { type: T }>;
