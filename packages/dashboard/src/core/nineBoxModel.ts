import type { DashboardWidget } from '@formboard/schema';
import { groupKey, groupLabel } from './chartModel.ts';
import type { ColorName } from './colors.ts';
import type { Row } from './types.ts';
import { numberAt } from './values.ts';

type NineBoxWidget = Extract<DashboardWidget, { type: 'nineBox' }>;

/** A person (or group) placed in the nine-box. */
export interface NineBoxMember {
  readonly key: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

/** One box: its column and row (0 low … 2 high), colour and the people in it. */
export interface NineBoxCell {
  /** 0–8 from the bottom left, row by row (the order of `display.boxLabels`). */
  readonly index: number;
  readonly column: number;
  readonly row: number;
  readonly color: ColorName;
  readonly members: readonly NineBoxMember[];
}

/** The nine boxes, and how many groups could not be placed (a value missing). */
export interface NineBoxModel {
  readonly cells: readonly NineBoxCell[];
  readonly unplaced: number;
}

/** Low (0), middle (1) or high (2) by two ascending limits: the middle starts at the first. */
const third = (value: number, [low = 0, high = 0]: readonly number[]) =>
  value < low ? 0 : value < high ? 1 : 2;

/** Bottom-left red, top-right green, the diagonals between in orange, yellow and teal. */
const COLORS: readonly ColorName[] = ['red', 'orange', 'yellow', 'teal', 'green'];

/** Places each group by its x and y measures into the 3 × 3 boxes (members sorted by name, 2 before 10). */
export function nineBoxModel(
  widget: NineBoxWidget,
  rows: readonly Row[],
  nameOf: (field: string, value: string) => string,
  locale = 'zh-CN',
): NineBoxModel {
  const collator = new Intl.Collator(locale, { numeric: true });
  const { display } = widget;
  const field = widget.query.groupBy?.[0];
  const boxes: NineBoxMember[][] = Array.from({ length: 9 }, () => []);
  let unplaced = 0;
  for (const row of rows) {
    const x = numberAt(row, display.x);
    const y = numberAt(row, display.y);
    if (x === null || y === null) {
      unplaced += 1;
      continue;
    }
    const key = groupKey(row, field);
    const name = field === undefined ? '' : groupLabel(nameOf, field, key);
    boxes[third(y, display.yBands) * 3 + third(x, display.xBands)]?.push({ key, name, x, y });
  }
  const cells = boxes.map((members, index) => {
    const column = index % 3;
    const row = Math.floor(index / 3);
    return {
      index,
      column,
      row,
      color: COLORS[column + row] ?? 'gray',
      members: members.sort((a, b) => collator.compare(a.name, b.name)),
    };
  });
  return { cells, unplaced };
}
