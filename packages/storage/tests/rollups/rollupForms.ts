import type { RecordDeriver } from '../../src/index.ts';

type Json = Record<string, unknown>;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const field = (path: string) => ({ type: 'field', path });

/**
 * An objective form whose progress, key-result count and last check-in roll up from its key results,
 * and whose `childKrs` sums the `subtreeKrs` of the objectives aligned under it (a tree of records):
 * `subtreeKrs` = its own key results + its children's subtrees, so a key result's change climbs the
 * whole tree. `extra` adds roll-ups (or replaces them with `[]`).
 */
export function objectiveForm(rollups?: Json[], maxKeyResults?: number): Json {
  return {
    kind: 'form',
    id: 'objective',
    schemaVersion: 1,
    title: text('目标', 'Objective'),
    data: {
      type: 'object',
      properties: {
        title: { type: 'string', title: text('目标', 'Objective') },
        parent: {
          type: 'string',
          format: 'record',
          'x-form': 'objective',
          title: text('上级目标', 'Parent'),
        },
        progress: { type: 'number', minimum: 0, maximum: 1, title: text('进度', 'Progress') },
        krCount: {
          type: 'integer',
          ...(maxKeyResults === undefined ? {} : { maximum: maxKeyResults }),
          title: text('关键结果数', 'Key results'),
        },
        lastCheckIn: { type: 'string', format: 'date', title: text('最近进展', 'Last check-in') },
        childKrs: { type: 'integer', title: text('下级关键结果数', 'Key results below') },
        subtreeKrs: { type: 'integer', title: text('全部关键结果数', 'All key results') },
        health: { type: 'string', title: text('健康度', 'Health') },
      },
      required: ['title'],
    },
    layout: {
      root: ['main'],
      nodes: {
        main: {
          type: 'section',
          title: text('目标', 'Objective'),
          children: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'],
        },
        f1: field('title'),
        f2: field('parent'),
        f3: field('progress'),
        f4: field('krCount'),
        f5: field('lastCheckIn'),
        f6: field('childKrs'),
        f7: field('subtreeKrs'),
        f8: field('health'),
      },
    },
    rollups: rollups ?? [
      {
        target: 'progress',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
      },
      { target: 'krCount', from: 'key-result', via: 'objective', measure: 'count' },
      { target: 'lastCheckIn', from: 'key-result', via: 'objective', measure: 'max', field: 'lastCheckIn' },
      { target: 'childKrs', from: 'objective', via: 'parent', measure: 'sum', field: 'subtreeKrs' },
    ],
    computed: [
      {
        target: 'subtreeKrs',
        formula: 'IF(ISBLANK(krCount), 0, krCount) + IF(ISBLANK(childKrs), 0, childKrs)',
      },
      {
        target: 'health',
        formula: 'IF(ISBLANK(progress), BLANK(), IF(progress >= 0.7, "onTrack", "atRisk"))',
      },
    ],
  };
}

/** Key results: the objective they belong to, a weight, a progress and the date of the last check-in. */
export function keyResultForm(): Json {
  return {
    kind: 'form',
    id: 'key-result',
    schemaVersion: 1,
    title: text('关键结果', 'Key result'),
    data: {
      type: 'object',
      properties: {
        objective: {
          type: 'string',
          format: 'record',
          'x-form': 'objective',
          title: text('目标', 'Objective'),
        },
        title: { type: 'string', title: text('关键结果', 'Key result') },
        weight: { type: 'number', title: text('权重', 'Weight') },
        progress: { type: 'number', title: text('进度', 'Progress') },
        lastCheckIn: { type: 'string', format: 'date', title: text('最近进展', 'Last check-in') },
      },
      required: ['objective', 'title'],
    },
    layout: { root: ['f1', 'f2'], nodes: { f1: field('objective'), f2: field('title') } },
  };
}

/**
 * A stand-in for the form runtime's deriver (the server passes the real one): the objective's two
 * computed fields, written out in TypeScript.
 */
export const objectiveDeriver: RecordDeriver = (form) => (data) => {
  if (form.id !== 'objective') return { ...data };
  const number = (v: unknown) => (typeof v === 'number' ? v : 0);
  const { health: _health, ...rest } = data;
  const progress = data.progress;
  return {
    ...rest,
    subtreeKrs: number(data.krCount) + number(data.childKrs),
    ...(typeof progress === 'number' ? { health: progress >= 0.7 ? 'onTrack' : 'atRisk' } : {}),
  };
};
