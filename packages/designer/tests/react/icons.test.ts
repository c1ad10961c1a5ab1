import { describe, expect, it } from 'vitest';
import { createDefaultPalette, STEP_TYPES, WIDGET_ITEMS } from '../../src/index.ts';
import { ICONS } from '../../src/react/shared/icons.ts';

// Debian's Chromium (and many other machines) has no emoji font: built-in icons are drawn as SVG paths,
// so every built-in palette item and step kind must name one of them rather than carry a glyph.
describe('icons', () => {
  it('gives every form palette item, dashboard widget and workflow step kind a drawn icon', () => {
    const names = [
      ...createDefaultPalette()
        .items()
        .map((item) => item.icon),
      ...WIDGET_ITEMS.map((item) => item.icon),
      ...STEP_TYPES,
    ];
    expect(names.filter((name) => ICONS[name] === undefined)).toEqual([]);
  });

  it('draws each icon with path commands only (no text, no emoji)', () => {
    for (const [name, path] of Object.entries(ICONS))
      expect(path, name).toMatch(/^[MmLlHhVvCcSsAaZz0-9.\s,-]+$/);
  });
});
