import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DashboardDesignerStore, overlaps, WIDGET_TYPES } from '../../src/dashboard/index.ts';
import { boardOf, createTestBoard } from './fixtures.ts';

// Random edit sequences on the test board. Every applied command must undo to the exact earlier
// definition (the same object, not mutated) and redo to the exact later one; and after every edit no
// two widgets overlap and every widget fits the grid.

type Op =
  | { op: 'add'; type: number; at: { x: number; y: number } | null; source: string }
  | { op: 'move'; widget: number; x: number; y: number }
  | { op: 'resize'; widget: number; w: number; h: number }
  | { op: 'remove'; widget: number }
  | { op: 'set'; widget: number; key: string; value: unknown }
  | { op: 'source'; widget: number; source: string }
  | { op: 'type'; widget: number; type: number }
  | { op: 'measure'; widget: number; add: boolean }
  | { op: 'duplicate'; widget: number }
  | { op: 'columns'; columns: 12 | 24 }
  | { op: 'filter'; type: 'dateRange' | 'orgUnit' | 'person'; remove: boolean };

const nat = fc.nat({ max: 1000 });
const cell = fc.integer({ min: -2, max: 30 });
const SETTINGS: readonly [string, fc.Arbitrary<unknown>][] = [
  ['title', fc.record({ 'zh-CN': fc.string({ maxLength: 4 }), en: fc.string({ maxLength: 4 }) })],
  ['query.filter', fc.constantFrom('progress > 50', 'health = "atRisk"', undefined)],
  ['query.limit', fc.constantFrom(5, 10, undefined)],
  ['display.stacked', fc.boolean()],
  ['display.orientation', fc.constantFrom('vertical', 'horizontal')],
  ['query.timeBucket.unit', fc.constantFrom('week', 'month')],
  ['thresholds', fc.constantFrom(undefined, { higherIsBetter: true, bands: [{ from: 0, color: 'red' }] })],
];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    type: nat,
    at: fc.option(fc.record({ x: cell, y: cell }), { nil: null }),
    source: fc.constantFrom('', 'objective', 'sales'),
  }),
  fc.record({ op: fc.constant('move' as const), widget: nat, x: cell, y: cell }),
  fc.record({ op: fc.constant('resize' as const), widget: nat, w: cell, h: cell }),
  fc.record({ op: fc.constant('remove' as const), widget: nat }),
  fc.integer({ min: 0, max: SETTINGS.length - 1 }).chain((i) => {
    const [key, value] = SETTINGS[i] as [string, fc.Arbitrary<unknown>];
    return fc.record({ op: fc.constant('set' as const), widget: nat, key: fc.constant(key), value });
  }),
  fc.record({
    op: fc.constant('source' as const),
    widget: nat,
    source: fc.constantFrom('objective', 'sales'),
  }),
  fc.record({ op: fc.constant('type' as const), widget: nat, type: nat }),
  fc.record({ op: fc.constant('measure' as const), widget: nat, add: fc.boolean() }),
  fc.record({ op: fc.constant('duplicate' as const), widget: nat }),
  fc.record({ op: fc.constant('columns' as const), columns: fc.constantFrom(12 as const, 24 as const) }),
  fc.record({
    op: fc.constant('filter' as const),
    type: fc.constantFrom('dateRange' as const, 'orgUnit' as const, 'person' as const),
    remove: fc.boolean(),
  }),
);

function apply(designer: DashboardDesignerStore, op: Op): void {
  const widgets = boardOf(designer).widgets;
  const id = 'widget' in op ? (widgets[op.widget % Math.max(1, widgets.length)]?.id ?? 'none') : 'none';
  const type = (n: number) => WIDGET_TYPES[n % WIDGET_TYPES.length] ?? 'kpi';
  switch (op.op) {
    case 'add':
      designer.add(type(op.type), { source: op.source, ...(op.at ? { at: op.at } : {}) });
      return;
    case 'move':
      designer.move(id, op.x, op.y);
      return;
    case 'resize':
      designer.resize(id, op.w, op.h);
      return;
    case 'remove':
      designer.remove([id]);
      return;
    case 'set':
      designer.setProperty(id, op.key, op.value);
      return;
    case 'source':
      designer.setSource(id, op.source);
      return;
    case 'type':
      designer.setType(id, type(op.type));
      return;
    case 'measure': {
      const measures = designer.getProperty(id, 'query.measures') as { id: string }[] | undefined;
      if (op.add) designer.addMeasure(id);
      else if (measures?.[0]) designer.removeMeasure(id, measures[0].id);
      return;
    }
    case 'duplicate':
      designer.select([id]);
      designer.duplicate();
      return;
    case 'columns':
      designer.setColumns(op.columns);
      return;
    case 'filter': {
      const existing = boardOf(designer).filters?.find((f) => f.type === op.type);
      if (op.remove && existing) designer.removeFilter(existing.id);
      else designer.addFilter(op.type);
      return;
    }
  }
}

describe('undo and redo (property)', () => {
  it('every command undoes to the exact earlier definition and redoes to the later one; nothing overlaps', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const designer = createTestBoard();
        const versions = [boardOf(designer)];
        const frozen = JSON.stringify(versions[0]);
        for (const op of ops) {
          const before = boardOf(designer);
          apply(designer, op);
          designer.checkpoint();
          const after = boardOf(designer);
          if (after !== before) versions.push(after);
          const { widgets, grid } = after;
          for (const [i, a] of widgets.entries()) {
            expect(a.layout.x + a.layout.w).toBeLessThanOrEqual(grid.columns);
            for (const b of widgets.slice(i + 1)) expect(overlaps(a.layout, b.layout)).toBe(false);
          }
        }
        for (let i = versions.length - 2; i >= 0; i--) {
          expect(designer.undo()).toBe(true);
          expect(boardOf(designer)).toBe(versions[i]);
        }
        expect(designer.undo()).toBe(false);
        expect(JSON.stringify(boardOf(designer))).toBe(frozen);
        expect(designer.getState().dirty).toBe(false);
        for (let i = 1; i < versions.length; i++) {
          expect(designer.redo()).toBe(true);
          expect(boardOf(designer)).toBe(versions[i]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
