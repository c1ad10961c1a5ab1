import { dashboardWidgetSchema } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { createWidgetPalette, WIDGET_GROUPS, WIDGET_ITEMS, WIDGET_TYPES } from '../../src/dashboard/index.ts';

describe('widget palette', () => {
  it('has one item, in a known group, for every widget type of the schema', () => {
    const schemaTypes = dashboardWidgetSchema.oneOf.map((branch) => branch.properties.type.const);
    expect([...WIDGET_TYPES].sort()).toEqual([...schemaTypes].sort());
    expect(WIDGET_ITEMS.map((i) => i.type).sort()).toEqual([...schemaTypes].sort());
    const groups = new Set(WIDGET_GROUPS.map((g) => g.id));
    for (const item of WIDGET_ITEMS) expect(groups.has(item.group)).toBe(true);
  });

  it("searches zh-CN and en names, types and keywords; registers a pack's item", () => {
    const palette = createWidgetPalette();
    expect(palette.search('折线').map((i) => i.type)).toEqual(['line']);
    expect(palette.search('LINE').map((i) => i.type)).toEqual(['line']);
    expect(palette.search('talent').map((i) => i.type)).toEqual(['nineBox']);
    expect(palette.search('')).toHaveLength(WIDGET_ITEMS.length);
    const unregister = palette.register({
      ...WIDGET_ITEMS[0],
      name: { 'zh-CN': '大数字', en: 'Big number' },
    } as never);
    expect(palette.search('大数字').map((i) => i.type)).toEqual(['kpi']);
    unregister();
    expect(palette.get('kpi')).toBeUndefined();
  });
});
