import { describe, expect, it } from 'vitest';
import { usesOf } from '../../src/form/fieldUses.ts';
import { rollupReaders } from '../../src/form/rollupReaders.ts';
import { createFormDesigner, type Form } from '../../src/index.ts';
import { countingIds, doc, keyResultForm, objectiveRollingUpKeyResults } from '../fixtures.ts';

// Roll-ups of other forms into this one: an objective rolls up its key results' progress (weighted,
// only confident ones). Editing the key result form, the fields that roll-up reads say so, and a
// delete, rename or move that would break it is warned about once, naming the objective's roll-up.

const objective = objectiveRollingUpKeyResults();

/** The key result with every field laid out, and a table to move fields into. */
function keyResult(): Form {
  const form = keyResultForm();
  return {
    ...form,
    layout: {
      root: ['ko', 'kt', 'kp', 'kw', 'kc', 'kd', 'table'],
      nodes: {
        ko: { type: 'field', path: 'objective' },
        kt: { type: 'field', path: 'title' },
        kp: { type: 'field', path: 'progress' },
        kw: { type: 'field', path: 'weight' },
        kc: { type: 'field', path: 'confidence' },
        kd: { type: 'field', path: 'due' },
        table: { type: 'repeatingTable', path: 'checks', children: ['value'] },
        value: { type: 'field', path: 'value' },
      },
    },
  };
}

const lookup = (id: string) => (id === 'objective' ? objective : undefined);

function designerOf() {
  return createFormDesigner({ definition: keyResult(), nextId: countingIds(), forms: lookup });
}

describe('roll-ups of other forms that read this form', () => {
  it('finds the forms rolling up from this one through its references, and what each reads', () => {
    expect(rollupReaders(keyResult(), lookup).map((r) => [r.parent.id, r.index, r.role, r.path])).toEqual([
      ['objective', 0, 'via', 'objective'],
      ['objective', 0, 'field', 'progress'],
      ['objective', 0, 'weight', 'weight'],
      ['objective', 0, 'where', 'confidence'],
    ]);
    // Without the other forms, none.
    expect(rollupReaders(keyResult(), () => undefined)).toEqual([]);
  });

  it('lists them among the uses of a field (with the other forms only)', () => {
    expect(usesOf(keyResult(), 'weight', lookup).rollups.map((r) => r.role)).toEqual(['weight']);
    expect(usesOf(keyResult(), 'due', lookup).rollups).toEqual([]);
    expect(usesOf(keyResult(), 'weight').rollups).toEqual([]);
    expect(
      designerOf()
        .rollupReaders('confidence')
        .map((r) => r.role),
    ).toEqual(['where']);
  });

  it('warns once before deleting a field the roll-up reads, naming it; deleting again goes ahead', () => {
    const designer = designerOf();
    const before = doc(designer);
    designer.select(['kw']);
    const first = designer.removeSelection();
    expect(first).toEqual({
      ok: false,
      reason: {
        'zh-CN':
          '表单“目标”的汇总“进度”用到这个字段，删除后会失效；在那边改好之前，本表单的新版本不能发布。仍要删除，请再删除一次。',
        en: 'The roll-up “Progress” of form “Objective” reads this field and would break; this form’s new version cannot be published until it is fixed there. To delete anyway, delete again.',
      },
    });
    expect(doc(designer)).toBe(before);
    expect(designer.removeSelection()).toEqual({ ok: true });
    expect(doc(designer).data.properties.weight).toBeUndefined();
    designer.undo();
    expect(doc(designer)).toBe(before);
    // After the undo the warning is due again.
    expect(designer.remove(['kw']).ok).toBe(false);
  });

  it('deletes fields no roll-up reads without a word, and cut warns like a delete', () => {
    const designer = designerOf();
    expect(designer.remove(['kd'])).toEqual({ ok: true });
    designer.select(['kc']);
    designer.cut();
    expect(doc(designer).data.properties.confidence).toBeDefined();
    designer.cut();
    expect(doc(designer).data.properties.confidence).toBeUndefined();
  });

  it('warns before a rename of a field the roll-up reads, and before moving it into a table', () => {
    const designer = designerOf();
    const rename = designer.renameKey('kp', 'percent');
    expect(rename.ok).toBe(false);
    if (!rename.ok) expect(rename.reason.en).toContain('To rename anyway, rename again.');
    expect(designer.renameKey('kp', 'percent')).toEqual({ ok: true });
    expect(doc(designer).data.properties.percent).toBeDefined();
    expect(designer.move(['kw'], { parent: 'table', index: 0 }).ok).toBe(false);
    expect(designer.move(['kw'], { parent: 'table', index: 0 })).toEqual({ ok: true });
    // Reordering moves no data: never a warning.
    expect(designer.move(['kc'], { parent: null, index: 0 })).toEqual({ ok: true });
  });

  it('does not warn about what was broken already, nor about roll-ups of forms it does not point at', () => {
    const [rollup] = objective.rollups ?? [];
    if (!rollup) throw new Error('the objective rolls up');
    const broken: Form = { ...objective, rollups: [{ ...rollup, field: 'gone' }] };
    const designer = createFormDesigner({
      definition: keyResult(),
      nextId: countingIds(),
      forms: (id) => (id === 'objective' ? broken : undefined),
    });
    // The roll-up reads `gone` already; removing the weight breaks it anew.
    expect(designer.remove(['kp'])).toEqual({ ok: true });
    expect(designer.remove(['kw']).ok).toBe(false);
  });
});
