import type { Locale } from '@formboard/formula';
import type { DashboardWidget } from '@formboard/schema';
import type { PointValues } from '../core/chartModel.ts';
import type { ValueFormatter } from '../core/format.ts';
import type { DashboardMessages } from '../core/messages.ts';
import type { Row } from '../core/types.ts';

/** Opens the records behind a clicked item of a widget (its group values, or one record). */
export type OpenRecords = (widget: DashboardWidget, values: PointValues, recordId?: string) => void;

/** What every widget renderer gets besides its definition and rows. */
export interface WidgetContext {
  readonly locale: Locale;
  readonly format: ValueFormatter;
  readonly messages: DashboardMessages;
  /** The display name of a group value: a person's or unit's name for its id, a choice's title, else the value. */
  readonly nameOf: (field: string, value: string) => string;
  /** A field's title in the widget's source form, else its path (hosts that pass no forms get paths). */
  readonly fieldLabel?: (field: string) => string;
  /** The height the widget body has, in pixels (charts draw at it). */
  readonly height: number;
  readonly animate: boolean;
  /** The current time in ms (alert ages); the host's clock, for tests and screenshots. */
  readonly now: () => number;
  /** The signed-in viewer's user id (leaderboards highlight their row). */
  readonly viewerId?: string;
  /** Present when the host handles click-through: items open their records through it. */
  readonly openRecords?: OpenRecords;
}

/** Props of a widget renderer. */
export interface WidgetProps<W extends DashboardWidget = DashboardWidget> {
  readonly widget: W;
  readonly rows: readonly Row[];
  readonly context: WidgetContext;
}
