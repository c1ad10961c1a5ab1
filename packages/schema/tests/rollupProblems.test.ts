import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FormDefinition, newProblems, newRollupBreaks, rollupProblems } from '../src/index.ts';

// What a new version of a child form breaks of a parent's roll-ups: the designer's warning and the
// store's refusal to publish both come from here.

const objective = JSON.parse(
  readFileSync(new URL('../fixtures/rollups/form-okr-objective.json', import.meta.url), 'utf8'),
) as FormDefinition;

/** The key-result form the objective rolls up from (progress weighted by weight, latest check-in). */
function keyResult(drop: readonly string[] = []): FormDefinition {
  const properties: Record<string, unknown> = {
    objective: { type: 'string', format: 'record', 'x-form': 'objective', title: '目标' },
    progress: { type: 'number', title: '进度' },
    weight: { type: 'number', title: '权重' },
    lastCheckIn: { type: 'string', format: 'date', title: '最近进展' },
  };
  for (const key of drop) delete properties[key];
  return {
    kind: 'form',
    id: 'key-result',
    schemaVersion: 1,
    title: { 'zh-CN': '关键结果', en: 'Key result' },
    data: { type: 'object', properties },
    layout: { root: ['f'], nodes: { f: { type: 'field', path: 'objective' } } },
  } as unknown as FormDefinition;
}

const none = () => undefined;

describe('roll-up problems', () => {
  it('finds the problems of the roll-ups that read another form, at their pointers', () => {
    const missing = rollupProblems(objective, (id) =>
      id === 'key-result' ? keyResult(['weight']) : undefined,
    );
    expect(missing.map((i) => i.pointer)).toEqual(['/rollups/0/weight']);
    expect(rollupProblems(objective, (id) => (id === 'key-result' ? keyResult() : undefined))).toEqual([]);
    // Only those reading `from`: the objective's roll-up of its own aligned objectives is not one.
    expect(rollupProblems(objective, none, 'objective')).toEqual([]);
  });

  it('counts as broken by a version only what the version before did not break', () => {
    const broken = newRollupBreaks(objective, keyResult(), keyResult(['weight']), none);
    expect(broken.map((i) => [i.pointer, i.code])).toEqual([['/rollups/0/weight', 'rollup.unknownField']]);
    // Already missing before: not new; a first version (no before) breaks all it lacks.
    expect(newRollupBreaks(objective, keyResult(['weight']), keyResult(['weight']), none)).toEqual([]);
    expect(newRollupBreaks(objective, undefined, keyResult(['lastCheckIn']), none)).toHaveLength(1);
    expect(newRollupBreaks(objective, keyResult(), keyResult(), none)).toEqual([]);
  });

  it('compares issues by code and pointer', () => {
    const [issue] = newRollupBreaks(objective, keyResult(), keyResult(['progress']), none);
    if (!issue) throw new Error('removing progress breaks the weighted average');
    expect(newProblems([issue], [{ ...issue, value: 'other' }])).toEqual([]);
    expect(newProblems([issue], [{ ...issue, code: 'rollup.other' }])).toEqual([issue]);
  });
});
