import type { DashboardQuery, LocalizedText } from '@formboard/schema';
import { localize } from '@formboard/schema';
import type { ValueStyle } from './format.ts';
import { measureById } from './values.ts';

/** The value options a widget's display may set. */
export interface DisplayValueOptions {
  readonly format?: ValueStyle['format'];
  readonly decimals?: number;
  readonly unit?: LocalizedText;
}

/** How a widget shows a measure: its display's format (else the measure's), decimals and unit. */
export function displayStyle(
  query: DashboardQuery,
  measure: string,
  display: DisplayValueOptions,
  locale: string,
): ValueStyle {
  const format = display.format ?? measureById(query, measure)?.format;
  return {
    ...(format === undefined ? {} : { format }),
    ...(display.decimals === undefined ? {} : { decimals: display.decimals }),
    ...(display.unit === undefined ? {} : { unit: localize(display.unit, locale) }),
  };
}
