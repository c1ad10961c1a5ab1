/**
 * Undo of a 1,000-step history in Node, with the headless `createFormDesigner` the React designer
 * runs on: the benchmark form opened, 1,000 edits made (see history.ts), then every step undone one by
 * one, each timed; then redone. The run checks that the undos return the very first document object.
 */
import { createFormDesigner, type Form } from '../../packages/designer/src/index.ts';
import { percentile } from '../forms/runner/stats.ts';
import { countingIds } from './formFixture.ts';
import { buildHistory, HISTORY_STEPS } from './history.ts';

/** Times of one round of the headless undo benchmark, in ms. */
export interface NodeUndoTimes {
  readonly steps: number;
  readonly buildMs: number;
  readonly undoTotalMs: number;
  readonly undoP50: number;
  readonly undoP95: number;
  readonly undoMax: number;
  readonly redoTotalMs: number;
  /** Undo plus `toDefinition()` (incremental validation) after each step, as the React designer renders. */
  readonly undoCheckTotalMs: number;
  readonly undoCheckP95: number;
}

/** Undoes every step of a fresh history, each timed (with `check`, each followed by `toDefinition()`). */
function undoAll(
  form: Form,
  steps: number,
  check: boolean,
): { buildMs: number; undos: number[]; redoTotalMs: number } {
  const designer = createFormDesigner({ definition: form, nextId: countingIds('h') });
  const first = designer.getState().document;
  designer.toDefinition();
  const built = performance.now();
  buildHistory(designer, steps);
  const buildMs = performance.now() - built;
  const undos: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    const t = performance.now();
    if (!designer.undo()) throw new Error(`undo ${i + 1} of ${steps} found no step`);
    if (check) designer.toDefinition();
    undos.push(performance.now() - t);
  }
  if (designer.getState().document !== first)
    throw new Error('undoing every step did not give back the first document');
  if (!designer.toDefinition().ok) throw new Error('the form is invalid after the undos');
  const redone = performance.now();
  while (designer.redo()) {}
  return { buildMs, undos, redoTotalMs: performance.now() - redone };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function oneRound(form: Form, steps: number): NodeUndoTimes {
  const plain = undoAll(form, steps, false);
  const checked = undoAll(form, steps, true);
  return {
    steps,
    buildMs: plain.buildMs,
    undoTotalMs: sum(plain.undos),
    undoP50: percentile(plain.undos, 50),
    undoP95: percentile(plain.undos, 95),
    undoMax: Math.max(...plain.undos),
    redoTotalMs: plain.redoTotalMs,
    undoCheckTotalMs: sum(checked.undos),
    undoCheckP95: percentile(checked.undos, 95),
  };
}

/** `rounds` rounds after a warm-up one (which also compiles the validators); the round with the median total. */
export function measureNodeUndo(form: Form, rounds = 5, steps = HISTORY_STEPS): NodeUndoTimes {
  oneRound(form, steps);
  const all = Array.from({ length: rounds }, () => oneRound(form, steps));
  const sorted = [...all].sort((a, b) => a.undoTotalMs - b.undoTotalMs);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no rounds');
  return middle;
}
