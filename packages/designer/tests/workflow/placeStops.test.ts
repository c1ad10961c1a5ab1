import { describe, expect, it } from 'vitest';
import {
  createWorkflowDesigner,
  nextStop,
  type PlaceWalk,
  placeWalk,
  sideStop,
  type Workflow,
} from '../../src/workflow/index.ts';
import { countingIds } from '../fixtures.ts';
import { forms } from './fixtures.ts';

// The keyboard's walk over the places a step card can be moved to: Up/Down in page order, Left/Right
// between the arms of a branch (and out to the arms around it).

const notify = (id: string, next?: string) => ({
  id,
  type: 'notify' as const,
  channel: 'inbox' as const,
  to: [{ type: 'submitter' as const }],
  message: id,
  ...(next ? { next } : {}),
});

/**
 * extra → check: progress > 50 → good; otherwise → inner: progress > 20 → meh; otherwise → bad;
 * every arm meets again at wrap.
 */
function nested(): Workflow {
  return {
    kind: 'workflow',
    id: 'nested',
    schemaVersion: 1,
    title: '嵌套',
    trigger: { type: 'record', form: 'objective', events: ['created'] },
    start: 'extra',
    steps: [
      notify('extra', 'check'),
      {
        id: 'check',
        type: 'condition',
        branches: [{ when: 'progress > 50', next: 'good' }],
        otherwise: 'inner',
      },
      notify('good', 'wrap'),
      {
        id: 'inner',
        type: 'condition',
        branches: [{ when: 'progress > 20', next: 'meh' }],
        otherwise: 'bad',
      },
      notify('meh', 'wrap'),
      notify('bad', 'wrap'),
      notify('wrap'),
    ],
  };
}

const keys = (walk: PlaceWalk) => walk.stops.map((stop) => stop.key);
const at = (walk: PlaceWalk, key: string) => {
  const index = walk.stops.findIndex((stop) => stop.key === key);
  if (index === -1) throw new Error(`no stop ${key}`);
  return index;
};
const keyOf = (walk: PlaceWalk, index: number | undefined) =>
  index === undefined ? undefined : walk.stops[index]?.key;

describe('the keyboard walk of a step card', () => {
  const workflow = nested();
  const walk = placeWalk(workflow, 'extra');

  it('stops at every place a drop could change something, in page order, each with its arm and depth', () => {
    expect(keys(walk)).toEqual([
      'arm:check:0',
      'after:good',
      'arm:check:1',
      'arm:inner:0',
      'after:meh',
      'arm:inner:1',
      'after:bad',
      'after:inner',
      'after:check',
      'after:wrap',
    ]);
    expect(walk.stops[at(walk, 'after:meh')]).toMatchObject({ arm: { branch: 'inner', index: 0 }, depth: 1 });
    expect(walk.stops[at(walk, 'after:inner')]).toMatchObject({
      arm: { branch: 'check', index: 1 },
      depth: 1,
    });
    expect(walk.stops[at(walk, 'after:check')]).toMatchObject({ arm: undefined, depth: 2 });
    expect(walk.spot).toEqual({ arm: undefined, depth: 0 });
  });

  it('goes down from where the card is, then one stop at a time; nothing past the ends', () => {
    expect(keyOf(walk, nextStop(walk, undefined, 1))).toBe('arm:check:0');
    expect(nextStop(walk, undefined, -1)).toBeUndefined();
    expect(keyOf(walk, nextStop(walk, at(walk, 'arm:check:1'), 1))).toBe('arm:inner:0');
    expect(nextStop(walk, walk.stops.length - 1, 1)).toBeUndefined();
    // From a card in the middle, up goes to the nearest place above it.
    const mid = placeWalk(workflow, 'meh');
    expect(keyOf(mid, nextStop(mid, undefined, -1))).toBe('arm:check:1');
    expect(keyOf(mid, nextStop(mid, undefined, 1))).toBe('arm:inner:1');
  });

  it('goes left and right to the same depth of the neighbouring arm, and out to the arms around it', () => {
    const side = (key: string, direction: 1 | -1) =>
      keyOf(walk, sideStop(workflow, walk, walk.stops[at(walk, key)] ?? walk.spot, direction));
    expect(side('after:meh', 1)).toBe('after:bad');
    expect(side('after:bad', -1)).toBe('after:meh');
    expect(side('arm:inner:1', -1)).toBe('arm:inner:0');
    // Past the first inner arm: the arm left of the one holding the inner branch card, at its depth.
    expect(side('arm:inner:0', -1)).toBe('after:good');
    expect(side('after:good', 1)).toBe('after:inner');
    // Nothing to the right of the last arm of the outermost branch, nor beside the main sequence.
    expect(side('after:bad', 1)).toBeUndefined();
    expect(side('after:check', -1)).toBeUndefined();
    // Before the first arrow, from the card's own place: `meh` sits at the start of inner's first arm.
    const mid = placeWalk(workflow, 'meh');
    expect(keyOf(mid, sideStop(workflow, mid, mid.spot, 1))).toBe('arm:inner:1');
  });

  it('walks only to places moveStep takes, and each of them moves the card there', () => {
    for (const id of ['extra', 'good', 'meh', 'inner', 'wrap']) {
      for (const stop of placeWalk(workflow, id).stops) {
        const designer = createWorkflowDesigner({ definition: workflow, nextId: countingIds(), forms });
        expect(designer.moveStep(id, stop.place), `${id} → ${stop.key}`).toEqual({ ok: true });
        expect(designer.getState().document).not.toBe(workflow);
      }
    }
  });
});
