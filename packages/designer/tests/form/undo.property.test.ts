import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFormDesigner,
  FIELD_ITEMS,
  type Form,
  type FormDesignerStore,
  LAYOUT_ITEMS,
  type RollupSettings,
} from '../../src/index.ts';
import { checkInForm, countingIds, doc, keyResultForm, objectiveForm } from '../fixtures.ts';

// Random edit sequences on the check-in form (roll-ups set and removed among them, fields with
// roll-ups duplicated, copied and pasted, also from another form through clipboard text). Every
// applied command must undo to the exact earlier definition (the same object, not mutated) and redo
// to the exact later one; and every edit other than a delete must keep the definition valid (a delete
// may leave formulas reading a removed field: those are reported as problems, by design). The
// check-in points at an objective that rolls its records up, so deletes, renames and moves that break
// that roll-up are warned about first: each op is asked a second time when refused (confirming).

/** The check-in with a reference to the objective its records roll up into, its progress rolled up from key results. */
function checkIn(): Form {
  const form = checkInForm();
  const basics = form.layout.nodes.basics as { type: 'section'; children: string[] };
  return {
    ...form,
    data: {
      ...form.data,
      properties: {
        ...form.data.properties,
        objective: { type: 'string', format: 'record', 'x-form': 'objective', title: '目标' },
      },
    },
    layout: {
      ...form.layout,
      nodes: {
        ...form.layout.nodes,
        basics: { ...basics, children: [...basics.children, 'objectiveNode'] },
        objectiveNode: { type: 'field', path: 'objective' },
      },
    },
    rollups: [{ target: 'progress', from: 'key-result', via: 'checkin', measure: 'avg', field: 'progress' }],
  };
}

const PARENT: Form = {
  ...objectiveForm(),
  rollups: [
    {
      target: 'progress',
      from: 'checkin',
      via: 'objective',
      measure: 'sum',
      field: 'progress',
      where: 'status = "done"',
    },
    { target: 'score', from: 'checkin', via: 'objective', measure: 'count' },
  ],
};

/** The key results the check-in's own roll-ups (ROLLUPS) read: they point at check-ins. */
const CHILD: Form = (() => {
  const form = keyResultForm();
  const properties = {
    ...form.data.properties,
    checkin: { type: 'string' as const, format: 'record' as const, 'x-form': 'checkin' },
  };
  return { ...form, data: { ...form.data, properties } };
})();

function createTestDesigner(): FormDesignerStore {
  return createFormDesigner({
    definition: checkIn(),
    nextId: countingIds(),
    forms: (id) => (id === 'objective' ? PARENT : id === 'key-result' ? CHILD : undefined),
  });
}

/** Clipboard text from another form: the objective's progress field with its roll-up from the key results. */
function foreignText(): string {
  const source = createFormDesigner({
    definition: {
      ...objectiveForm(),
      rollups: [
        { target: 'progress', from: 'key-result', via: 'objective', measure: 'avg', field: 'progress' },
      ],
    },
  });
  source.select(['p']);
  return source.copy() as string;
}

type Op =
  | { op: 'add'; item: number; parent: number; index: number }
  | { op: 'move'; nodes: number[]; parent: number; index: number }
  | { op: 'remove'; nodes: number[] }
  | { op: 'rename'; node: number; key: string }
  | { op: 'set'; node: number; key: string; value: unknown }
  | { op: 'rollup'; node: number; settings: RollupSettings | undefined }
  | { op: 'duplicate'; nodes: number[] }
  | { op: 'copyPaste'; nodes: number[]; at: number }
  | { op: 'pasteForeign'; at: number };

const ITEMS = [...FIELD_ITEMS, ...LAYOUT_ITEMS];
const nat = fc.nat({ max: 1000 });
const PROPERTIES: readonly [string, fc.Arbitrary<unknown>][] = [
  ['label', fc.record({ 'zh-CN': fc.string({ maxLength: 4 }), en: fc.string({ maxLength: 4 }) })],
  ['help', fc.string({ maxLength: 6 })],
  ['required', fc.boolean()],
  ['maximum', fc.integer({ min: -5, max: 500 })],
  ['maxLength', fc.nat({ max: 500 })],
  ['title', fc.string({ maxLength: 6 })],
  ['collapsible', fc.boolean()],
  ['span', fc.integer({ min: 1, max: 24 })],
  [
    'options',
    fc
      .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 })
      .map((vs) => vs.map((value) => ({ value }))),
  ],
  ['props.max', fc.integer({ min: 1, max: 10 })],
  ['rule.visible', fc.constantFrom('TRUE', '1 > 0', '', '$user.name = "张三"')],
  ['rule.readOnly', fc.constantFrom('FALSE', undefined)],
  // NULL fits a field of any type (an initial value is checked against its field's type).
  ['rule.initial', fc.constantFrom('NULL', '', undefined)],
];

// Roll-ups from another form: without the other forms, only this form's side is checked (the target).
const ROLLUPS: readonly (RollupSettings | undefined)[] = [
  undefined,
  { from: 'key-result', via: 'checkin', measure: 'count' },
  { from: 'key-result', via: 'checkin', measure: 'sum', field: 'progress' },
  { from: 'key-result', via: 'checkin', measure: 'weightedAvg', field: 'progress', weight: 'weight' },
];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), item: nat, parent: nat, index: nat }),
  fc.record({
    op: fc.constant('move' as const),
    nodes: fc.array(nat, { minLength: 1, maxLength: 3 }),
    parent: nat,
    index: nat,
  }),
  fc.record({ op: fc.constant('remove' as const), nodes: fc.array(nat, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    op: fc.constant('rename' as const),
    node: nat,
    key: fc.constantFrom('alpha', 'beta', 'name', 'AND', 'x1', '进度', '1x'),
  }),
  fc.integer({ min: 0, max: PROPERTIES.length - 1 }).chain((i) => {
    const [key, value] = PROPERTIES[i] as [string, fc.Arbitrary<unknown>];
    return fc.record({ op: fc.constant('set' as const), node: nat, key: fc.constant(key), value });
  }),
  fc.record({ op: fc.constant('rollup' as const), node: nat, settings: fc.constantFrom(...ROLLUPS) }),
  fc.record({ op: fc.constant('duplicate' as const), nodes: fc.array(nat, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    op: fc.constant('copyPaste' as const),
    nodes: fc.array(nat, { minLength: 1, maxLength: 2 }),
    at: nat,
  }),
  fc.record({ op: fc.constant('pasteForeign' as const), at: nat }),
);

const FOREIGN = foreignText();

/** Runs an edit; when refused (a warning, or for good), asks once more, as a user confirming would. */
function twice(run: () => { readonly ok: boolean }): void {
  if (!run().ok) run();
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function apply(designer: FormDesignerStore, op: Op): void {
  const form = doc(designer);
  const ids = Object.keys(form.layout.nodes).sort();
  const containers = [null, ...ids.filter((id) => 'children' in (form.layout.nodes[id] as object))];
  const some = (ns: number[]) => [
    ...new Set(ns.map((n) => pick(ids, n)).filter((id): id is string => id !== undefined)),
  ];
  switch (op.op) {
    case 'add':
      designer.add((pick(ITEMS, op.item) ?? ITEMS[0])?.id ?? 'text', {
        parent: pick(containers, op.parent) ?? null,
        index: op.index % 5,
      });
      return;
    case 'move': {
      const place = { parent: pick(containers, op.parent) ?? null, index: op.index % 5 };
      twice(() => designer.move(some(op.nodes), place));
      return;
    }
    case 'remove':
      twice(() => designer.remove(some(op.nodes)));
      return;
    case 'rename': {
      const id = pick(ids, op.node);
      if (id) twice(() => designer.renameKey(id, op.key));
      return;
    }
    case 'set': {
      const id = pick(ids, op.node);
      if (id) designer.setProperty(id, op.key, op.value);
      return;
    }
    case 'rollup': {
      const id = pick(ids, op.node);
      if (id) designer.setRollup(id, op.settings);
      return;
    }
    case 'duplicate':
      designer.select(some(op.nodes));
      twice(() => designer.duplicate());
      return;
    case 'copyPaste': {
      designer.select(some(op.nodes));
      const text = designer.copy();
      designer.select(some([op.at]));
      twice(() => designer.paste(text));
      return;
    }
    case 'pasteForeign':
      designer.select(some([op.at]));
      twice(() => designer.paste(FOREIGN));
      return;
  }
}

describe('edit sequences (property)', () => {
  it('undo gives back the exact earlier definition after every command, and redo the later one', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const designer = createTestDesigner();
        const versions = [doc(designer)];
        const texts = [JSON.stringify(doc(designer))];
        for (const op of ops) {
          const size = designer.getState().past?.size ?? 0;
          apply(designer, op);
          designer.checkpoint();
          if ((designer.getState().past?.size ?? 0) === size) continue;
          const after = doc(designer);
          designer.undo();
          expect(doc(designer)).toBe(versions[versions.length - 1]);
          designer.redo();
          expect(doc(designer)).toBe(after);
          versions.push(after);
          texts.push(JSON.stringify(after));
        }
        // Unwinding the whole history passes every version, none of them mutated since.
        for (let i = versions.length - 1; i > 0; i--) {
          expect(doc(designer)).toBe(versions[i]);
          expect(JSON.stringify(doc(designer))).toBe(texts[i]);
          designer.undo();
        }
        expect(doc(designer)).toBe(versions[0]);
        expect(JSON.stringify(versions[0])).toBe(texts[0]);
        expect(designer.getState().dirty).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the definition valid through any sequence of edits without deletes', () => {
    fc.assert(
      fc.property(
        fc.array(
          opArb.filter((op) => op.op !== 'remove'),
          { minLength: 1, maxLength: 20 },
        ),
        (ops) => {
          const designer = createTestDesigner();
          for (const op of ops) {
            apply(designer, op);
            const result = designer.toDefinition();
            expect(
              result.ok ? [] : result.problems.map((p) => `${p.pointer} ${p.message.en}`),
              JSON.stringify(op),
            ).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
