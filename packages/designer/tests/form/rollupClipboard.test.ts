import { describe, expect, it } from 'vitest';
import { createEmptyForm, createFormDesigner, type Form } from '../../src/index.ts';
import { checkInForm, countingIds, doc, keyResultForm, objectiveForm } from '../fixtures.ts';

// Copy, cut, paste and duplicate of a field that has a roll-up: the roll-up comes along, retargeted
// to the pasted field's key, when the form it lands in stays valid with it; otherwise the paste is
// refused once with the reason (zh-CN and en) and goes ahead without it when repeated.

const ROLLUP = {
  target: 'progress',
  from: 'key-result',
  via: 'objective',
  measure: 'weightedAvg' as const,
  field: 'progress',
  weight: 'weight',
  where: 'confidence > 1',
};

function objective(): Form {
  return { ...objectiveForm(), rollups: [ROLLUP] };
}

const FORMS = [keyResultForm(), objective()];
const lookup = (id: string) => FORMS.find((f) => f.id === id);

function designerOf(definition: Form, withForms = true) {
  return createFormDesigner({ definition, nextId: countingIds(), ...(withForms ? { forms: lookup } : {}) });
}

describe('roll-ups on the clipboard', () => {
  it('duplicates a field with its roll-up, retargeted to the new key, in one undo step', () => {
    const designer = designerOf(objective());
    const before = doc(designer);
    designer.select(['p']);
    expect(designer.duplicate()).toEqual({ ok: true });
    const copy = designer.getState().selection[0] as string;
    const key = (doc(designer).layout.nodes[copy] as { path: string }).path;
    expect(key).toMatch(/^progress_/);
    expect(doc(designer).rollups).toEqual([ROLLUP, { ...ROLLUP, target: key }]);
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.rollupProblems()).toEqual([]);
    designer.undo();
    expect(doc(designer)).toBe(before);
  });

  it('cut and paste moves the field with its roll-up', () => {
    const designer = designerOf(objective());
    designer.select(['p']);
    const text = designer.cut();
    expect(doc(designer).rollups).toBeUndefined();
    designer.select(['t']);
    expect(designer.paste(text)).toEqual({ ok: true });
    expect(doc(designer).rollups).toEqual([ROLLUP]);
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('keeps the roll-up through the system clipboard when the other form stays valid with it', () => {
    const source = designerOf(objective());
    source.select(['p']);
    const text = source.copy() as string;
    // The text carries the roll-up, as JSON, with the copied field's key.
    expect(JSON.parse(text).payload.rollups).toEqual([ROLLUP]);
    // A form the key results do not point at, checked on its own (the host gave no other forms).
    const target = designerOf(createEmptyForm('objective-draft', '草稿'), false);
    expect(target.paste(text)).toEqual({ ok: true });
    expect(doc(target).rollups).toEqual([ROLLUP]);
    expect(target.toDefinition().ok).toBe(true);
  });

  it('drops a roll-up that does not fit the other form only when the paste is repeated, and says why', () => {
    const source = designerOf(objective());
    source.select(['p']);
    const text = source.copy() as string;
    // The key results point at "objective", not at this form: the roll-up would not fit it.
    const target = designerOf(createEmptyForm('objective-draft', '草稿'));
    const first = target.paste(text);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.reason['zh-CN']).toContain('字段“进度”的汇总：');
    expect(first.reason['zh-CN']).toContain('请再粘贴一次');
    expect(first.reason.en).toContain('the roll-up of “Progress”');
    expect(first.reason.en).toContain('paste again');
    expect(doc(target).layout.root).toEqual([]);
    // Repeated: pasted, without the roll-up.
    expect(target.paste(text)).toEqual({ ok: true });
    expect(doc(target).data.properties.progress).toBeDefined();
    expect(doc(target).rollups).toBeUndefined();
    expect(target.toDefinition().ok).toBe(true);
  });

  it('asks again when something happened between the two pastes', () => {
    const source = designerOf(objective());
    source.select(['p']);
    const text = source.copy() as string;
    const target = designerOf(createEmptyForm('objective-draft', '草稿'));
    expect(target.paste(text).ok).toBe(false);
    target.add('text');
    target.select([]);
    expect(target.paste(text).ok).toBe(false);
    expect(target.paste(text).ok).toBe(true);
  });

  it('refuses once a roll-up pasted into a table (its one value would be one per row)', () => {
    const source = designerOf(objective());
    source.select(['p']);
    const text = source.copy() as string;
    const target = designerOf(checkInForm(), false);
    target.select(['weightCol']);
    const first = target.paste(text);
    expect(first.ok).toBe(false);
    expect(target.paste(text)).toEqual({ ok: true });
    const table = doc(target).layout.nodes.table as { children: string[] };
    expect(table.children).toHaveLength(6);
    expect(doc(target).rollups).toBeUndefined();
  });

  it('pastes the components of clipboard JSON whose roll-ups are malformed, keeping none of those', () => {
    const source = designerOf(objective());
    source.select(['p']);
    const envelope = JSON.parse(source.copy() as string);
    const target = designerOf(createEmptyForm('other', '其他'), false);
    // Not a list: nothing to keep, the field is pasted.
    expect(
      target.paste(JSON.stringify({ ...envelope, payload: { ...envelope.payload, rollups: 'x' } })),
    ).toEqual({
      ok: true,
    });
    expect(doc(target).rollups).toBeUndefined();
    // A roll-up without its measure: named, and dropped when the paste is repeated.
    const broken = {
      ...envelope,
      payload: { ...envelope.payload, rollups: [{ ...ROLLUP, measure: undefined }] },
    };
    const text = JSON.stringify(broken);
    expect(target.paste(text).ok).toBe(false);
    expect(target.paste(text)).toEqual({ ok: true });
    expect(doc(target).rollups).toBeUndefined();
    expect(target.toDefinition().ok).toBe(true);
  });
});
