/**
 * A history of edits on the benchmark form, the same in Node and in the page: commands cycle through
 * setProperty (a field's label, or its required flag), add (a field from the palette into a section)
 * and move (a field to the top of another section), with a checkpoint after each so every command is
 * its own undo step (typing into one property would merge).
 */
import {
  type CommandResult,
  FIELD_ITEMS,
  type FormDesignerStore,
} from '../../packages/designer/src/index.ts';
import { fieldNodes } from './formFixture.ts';

/** The number of undo steps the issue asks for. */
export const HISTORY_STEPS = 1000;

/** The top-level sections of the designer's form that hold fields (targets of adds and moves). */
function fieldSections(designer: FormDesignerStore): string[] {
  const { layout } = designer.getState().document;
  return layout.root.filter((id) => {
    const node = layout.nodes[id];
    return node?.type === 'section' && node.children.some((c) => layout.nodes[c]?.type === 'field');
  });
}

const ensure = (what: string, result: CommandResult) => {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.reason)}`);
};

/** Runs `steps` edits on the designer, each its own undo step; returns how many of each kind ran. */
export function buildHistory(designer: FormDesignerStore, steps = HISTORY_STEPS): Record<string, number> {
  const fields = fieldNodes(designer.getState().document);
  const sections = fieldSections(designer);
  const counts = { label: 0, required: 0, add: 0, move: 0 };
  for (let i = 0; i < steps; i += 1) {
    const field = fields[(i * 7) % fields.length] ?? '';
    const section = sections[i % sections.length] ?? null;
    switch (i % 4) {
      case 0:
        ensure('label', designer.setProperty(field, 'label', { 'zh-CN': `改名 ${i}`, en: `Renamed ${i}` }));
        counts.label += 1;
        break;
      case 1:
        ensure('required', designer.setProperty(field, 'required', !designer.getProperty(field, 'required')));
        counts.required += 1;
        break;
      case 2:
        ensure('add', designer.add(FIELD_ITEMS[i % FIELD_ITEMS.length]?.id ?? 'text', { parent: section }));
        counts.add += 1;
        break;
      default:
        ensure('move', designer.move([field], { parent: section, index: 0 }));
        counts.move += 1;
    }
    designer.checkpoint();
  }
  return counts;
}
