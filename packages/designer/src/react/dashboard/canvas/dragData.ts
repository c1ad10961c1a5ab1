import type { WidgetType } from '../../../dashboard/dashboardTypes.ts';

/** A resize handle's edge: right (e), bottom (s) or the corner (se). */
export type Edge = 'e' | 's' | 'se';

/** What a drag on the dashboard designer carries: a palette card, a widget card, or a resize handle. */
export type GridDragData =
  | { readonly kind: 'palette'; readonly type: WidgetType }
  | { readonly kind: 'move'; readonly id: string }
  | { readonly kind: 'resize'; readonly id: string; readonly edge: Edge };
