import { describe, expect, it } from 'vitest';
import { usesOf } from '../../src/form/fieldUses.ts';
import {
  changeRollup,
  createFormDesigner,
  type Form,
  rollupFields,
  rollupMeasures,
  rollupSources,
  rollupVias,
} from '../../src/index.ts';
import { checkInForm, countingIds, doc, keyResultForm, objectiveForm } from '../fixtures.ts';

// Roll-up fields in the form designer: what the panel offers (headless), the `setRollup` command,
// and how rename, delete, moves and problems know roll-ups.

/** The objective with its week (date), score and parent (a reference to itself) laid out too. */
function objective(): Form {
  const form = objectiveForm();
  return {
    ...form,
    layout: {
      root: [...form.layout.root, 'w', 'sc', 'pa'],
      nodes: {
        ...form.layout.nodes,
        w: { type: 'field', path: 'week' },
        sc: { type: 'field', path: 'score' },
        pa: { type: 'field', path: 'parent' },
      },
    },
  };
}

const FORMS = [keyResultForm(), checkInForm()];

function designerOf(definition: Form = objective()) {
  return createFormDesigner({
    definition,
    nextId: countingIds(),
    forms: (id) => FORMS.find((f) => f.id === id),
  });
}

const paths = (fields: readonly { path: string }[]) => fields.map((f) => f.path);

describe('what the roll-up panel offers', () => {
  it('offers the forms that point here (itself first, for a tree of objectives), not the others', () => {
    const form = objective();
    expect(rollupSources(form, 'progress', FORMS).map((f) => f.id)).toEqual(['objective', 'key-result']);
    // A text or choice field cannot hold a roll-up; a date only from a form with a date of its kind.
    expect(rollupSources(form, 'title', FORMS)).toEqual([]);
    expect(rollupSources(form, 'status', FORMS)).toEqual([]);
    expect(rollupSources(form, 'week', FORMS).map((f) => f.id)).toEqual(['objective', 'key-result']);
  });

  it('offers reference fields that point here, and numeric fields outside tables for each measure', () => {
    const child = keyResultForm();
    expect(paths(rollupVias(child, 'objective'))).toEqual(['objective']);
    expect(paths(rollupVias(child, 'checkin'))).toEqual([]);
    expect(rollupMeasures(child, 'number')).toEqual(['count', 'sum', 'avg', 'min', 'max', 'weightedAvg']);
    expect(rollupMeasures(child, 'date')).toEqual(['min', 'max']);
    expect(rollupFields(child, 'count', 'number')).toEqual([]);
    expect(paths(rollupFields(child, 'sum', 'number'))).toEqual(['progress', 'weight', 'confidence']);
    expect(paths(rollupFields(child, 'max', 'date'))).toEqual(['due']);
  });

  it('fits a change: a new child form starts afresh, a new measure picks what it needs and drops the rest', () => {
    const form = objective();
    const child = keyResultForm();
    const fresh = changeRollup(form, 'progress', undefined, { from: 'key-result' }, child);
    // The child's field with the target's key is the natural guess.
    expect(fresh).toEqual({ from: 'key-result', via: 'objective', measure: 'avg', field: 'progress' });
    const weighted = changeRollup(
      form,
      'progress',
      fresh,
      { from: 'key-result', measure: 'weightedAvg' },
      child,
    );
    expect(weighted).toEqual({
      from: 'key-result',
      via: 'objective',
      measure: 'weightedAvg',
      field: 'progress',
      weight: 'weight',
    });
    expect(changeRollup(form, 'progress', weighted, { from: 'key-result', measure: 'count' }, child)).toEqual(
      {
        from: 'key-result',
        via: 'objective',
        measure: 'count',
      },
    );
    // A field that does not fit the measure is replaced by one that does.
    expect(changeRollup(form, 'week', undefined, { from: 'key-result', field: 'progress' }, child)).toEqual({
      from: 'key-result',
      via: 'objective',
      measure: 'max',
      field: 'due',
    });
    expect(changeRollup(form, 'title', undefined, { from: 'key-result' }, child)).toBeUndefined();
  });
});

describe('setRollup', () => {
  it('makes each choice one undo step that gives back the exact earlier definition', () => {
    const designer = designerOf();
    const before = doc(designer);
    const child = keyResultForm();
    const first = changeRollup(before, 'progress', undefined, { from: 'key-result' }, child);
    expect(designer.setRollup('p', first)).toEqual({ ok: true });
    const afterFirst = doc(designer);
    expect(afterFirst.rollups).toEqual([{ target: 'progress', ...first }]);
    const second = changeRollup(
      afterFirst,
      'progress',
      first,
      { from: 'key-result', measure: 'weightedAvg' },
      child,
    );
    designer.setRollup('p', second);
    expect(doc(designer).rollups).toEqual([
      {
        target: 'progress',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
      },
    ]);
    expect(designer.toDefinition().ok).toBe(true);
    designer.undo();
    expect(doc(designer)).toBe(afterFirst);
    designer.undo();
    expect(doc(designer)).toBe(before);
    designer.redo();
    designer.redo();
    // Removing the last roll-up leaves no empty list behind.
    designer.setRollup('p', undefined);
    expect(doc(designer).rollups).toBeUndefined();
    designer.undo();
    expect(doc(designer).rollups).toHaveLength(1);
  });

  it('keeps a roll-up in its place in the list, and a choice that changes nothing adds no step', () => {
    const designer = designerOf();
    designer.setRollup('sc', { from: 'key-result', via: 'objective', measure: 'count' });
    designer.setRollup('p', { from: 'key-result', via: 'objective', measure: 'sum', field: 'progress' });
    designer.setRollup('sc', { from: 'key-result', via: 'objective', measure: 'max', field: 'progress' });
    expect(doc(designer).rollups?.map((r) => `${r.target}:${r.measure}`)).toEqual([
      'score:max',
      'progress:sum',
    ]);
    const size = designer.getState().past?.size;
    designer.setRollup('sc', { from: 'key-result', via: 'objective', measure: 'max', field: 'progress' });
    expect(designer.getState().past?.size).toBe(size);
  });

  it('sets the condition of a roll-up, typing merged into one step; a new child form drops it', () => {
    const designer = designerOf();
    designer.setRollup('p', { from: 'key-result', via: 'objective', measure: 'count' });
    const counted = doc(designer);
    designer.setRollupWhere('p', 'confidence');
    designer.setRollupWhere('p', 'confidence > 1');
    designer.checkpoint();
    expect(doc(designer).rollups?.[0]).toEqual({
      target: 'progress',
      from: 'key-result',
      via: 'objective',
      measure: 'count',
      where: 'confidence > 1',
    });
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.rollupProblems()).toEqual([]);
    // The child form's fields only: nothing of this form (a warning against the child form).
    designer.setRollupWhere('p', 'status = "active"');
    expect(designer.rollupProblems().map((p) => [p.code, p.nodeId])).toEqual([['formula.unknownField', 'p']]);
    expect(designer.toDefinition().ok).toBe(true);
    designer.undo();
    designer.undo();
    expect(doc(designer)).toBe(counted);
    designer.redo();
    const rollup = doc(designer).rollups?.[0];
    if (!rollup) throw new Error('no roll-up');
    // Another measure keeps it; another child form does not (its fields are another form's).
    const { target: _target, ...settings } = rollup;
    expect(
      changeRollup(
        doc(designer),
        'progress',
        settings,
        { from: 'key-result', measure: 'sum' },
        keyResultForm(),
      ),
    ).toMatchObject({ measure: 'sum', where: 'confidence > 1' });
    expect(
      changeRollup(doc(designer), 'progress', settings, { from: 'objective' }, objective()),
    ).not.toHaveProperty('where');
    designer.setRollupWhere('p', '');
    expect(doc(designer).rollups?.[0]).not.toHaveProperty('where');
    expect(designer.setRollupWhere('sc', 'TRUE')).toMatchObject({ ok: false });
  });

  it('refuses fields that cannot hold a roll-up and fields a computed formula sets', () => {
    const designer = designerOf();
    const settings = { from: 'key-result', via: 'objective', measure: 'count' } as const;
    expect(designer.setRollup('t', settings)).toMatchObject({ ok: false });
    expect(designer.setRollup('s', settings)).toMatchObject({ ok: false });
    designer.setProperty('sc', 'computed', 'progress / 100 * 3');
    const refused = designer.setRollup('sc', settings);
    expect(refused).toMatchObject({ ok: false, reason: { en: expect.stringContaining('computed formula') } });
    const table = createFormDesigner({ definition: checkInForm(), forms: () => undefined });
    expect(table.setRollup('scoreCol', settings)).toMatchObject({ ok: false });
  });

  const getNodePath = (designer: ReturnType<typeof designerOf>, id: string) =>
    (doc(designer).layout.nodes[id] as { path?: string } | undefined)?.path;

  it('lets a date field take only the earliest or latest date of the child records', () => {
    const designer = designerOf();
    expect(getNodePath(designer, 'w')).toBe('week');
    const from = { from: 'objective', via: 'parent' } as const;
    expect(designer.setRollup('w', { ...from, measure: 'count' })).toEqual({
      ok: false,
      reason: {
        'zh-CN': '日期字段只能汇总最早或最晚的日期（最小值、最大值）',
        en: 'a date field can only take the earliest or latest date (min or max)',
      },
    });
    expect(designer.setRollup('w', { ...from, measure: 'max', field: 'week' })).toEqual({ ok: true });
    const result = designer.toDefinition();
    expect(result.ok ? [] : result.problems.map((p) => `${p.pointer} ${p.message.en}`)).toEqual([]);
  });
});

describe('roll-ups and the rest of the designer', () => {
  const withRollups = (): Form => ({
    ...objective(),
    rollups: [
      {
        target: 'progress',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
      },
      // A tree of objectives: the score is the best score of the active objectives under this one.
      {
        target: 'score',
        from: 'objective',
        via: 'parent',
        measure: 'max',
        field: 'score',
        where: 'status = "active"',
      },
    ],
  });

  it('renames roll-up targets with their field, and child fields when the form rolls up from itself', () => {
    const designer = designerOf(withRollups());
    expect(designer.toDefinition().ok).toBe(true);
    designer.renameKey('p', 'completion');
    designer.renameKey('pa', 'parentObjective');
    designer.renameKey('sc', 'points');
    designer.renameKey('s', 'state');
    expect(doc(designer).rollups).toEqual([
      {
        target: 'completion',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
      },
      {
        target: 'points',
        from: 'objective',
        via: 'parentObjective',
        measure: 'max',
        field: 'points',
        where: 'state = "active"',
      },
    ]);
    const result = designer.toDefinition();
    expect(result.ok ? [] : result.problems.map((p) => `${p.pointer} ${p.message.en}`)).toEqual([]);
  });

  it('lists roll-ups among the uses of a field', () => {
    const form = withRollups();
    expect(usesOf(form, 'progress').paths).toContain('/rollups/0/target');
    expect(usesOf(form, 'score').paths).toEqual(['/rollups/1/target', '/rollups/1/field']);
    expect(usesOf(form, 'parent').paths).toEqual(['/rollups/1/via']);
    expect(usesOf(form, 'status').formulas).toEqual(['/rollups/1/where']);
    // The key result's own `progress` is another form's field: not a use of this form's `week`.
    expect(usesOf(form, 'week').paths).toEqual([]);
  });

  it('removes the roll-up with the field it fills; undo brings both back', () => {
    const designer = designerOf(withRollups());
    const before = doc(designer);
    designer.remove(['p']);
    expect(doc(designer).rollups?.map((r) => r.target)).toEqual(['score']);
    designer.undo();
    expect(doc(designer)).toBe(before);
  });

  it('reports, not drops, a roll-up whose child field (of this same form) was deleted', () => {
    const designer = designerOf(withRollups());
    designer.remove(['pa']);
    expect(doc(designer).rollups?.[1]).toMatchObject({ via: 'parent' });
    const result = designer.toDefinition();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.pointer, p.nodeId, p.fieldPath])).toEqual([
      ['rollup.unknownField', '/rollups/1/via', 'sc', 'score'],
    ]);
  });

  it('links every rollup.* problem to the node of the field it fills; those against other forms are warnings', () => {
    const designer = designerOf({
      ...objective(),
      rollups: [
        { target: 'progress', from: 'key-result', via: 'title', measure: 'weightedAvg', field: 'due' },
        { target: 'week', from: 'nowhere', via: 'objective', measure: 'max', field: 'due' },
        { target: 'title', from: 'key-result', via: 'objective', measure: 'count' },
      ],
    });
    // What the form says on its own (as the server checks it) holds up saving: here, its own target.
    const result = designer.toDefinition();
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => [p.code, p.nodeId])).toEqual([['rollup.targetType', 't']]);
    // Against the child forms: also the reference, the field's kind, the weight, the unknown form.
    const warnings = designer.rollupProblems();
    expect(warnings.map((p) => p.code).sort()).toEqual([
      'rollup.fieldType',
      'rollup.targetType',
      'rollup.unknownForm',
      'rollup.viaNotReference',
      'rollup.weightRequired',
    ]);
    const nodes = ['p', 'w', 't'];
    for (const problem of warnings) expect(problem.nodeId).toBe(nodes[Number(problem.pointer.split('/')[2])]);
  });

  it('refuses to move a roll-up target into a table (its one value would become one per row)', () => {
    const form = checkInForm();
    // Nothing else uses the total: without its roll-up it may move into the table.
    const free: Form = { ...form, computed: (form.computed ?? []).slice(0, 1) };
    expect(
      createFormDesigner({ definition: free }).move(['totalNode'], { parent: 'table', index: 0 }),
    ).toEqual({
      ok: true,
    });
    const rolled = {
      ...free,
      rollups: [{ target: 'total', from: 'other', via: 'checkin', measure: 'count' as const }],
    };
    expect(
      createFormDesigner({ definition: rolled }).move(['totalNode'], { parent: 'table', index: 0 }),
    ).toMatchObject({
      ok: false,
    });
  });
});
