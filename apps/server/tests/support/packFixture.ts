import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A goal form whose goals point at a parent goal: the smallest form with owners and references. */
export function goalForm(title = text('目标', 'Goal'), id = 'goal'): Record<string, unknown> {
  return {
    kind: 'form',
    id,
    schemaVersion: 1,
    title,
    data: {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: 200, title: text('目标', 'Goal') },
        owner: { type: 'string', format: 'user', title: text('负责人', 'Owner') },
        parent: {
          type: 'string',
          format: 'record',
          'x-form': 'goal',
          title: text('上级目标', 'Parent goal'),
        },
        progress: { type: 'number', minimum: 0, maximum: 100, title: text('进度', 'Progress') },
      },
      required: ['title', 'owner'],
    },
    layout: {
      root: ['fTitle', 'fOwner', 'fParent', 'fProgress'],
      nodes: {
        fTitle: { type: 'field', path: 'title' },
        fOwner: { type: 'field', path: 'owner' },
        fParent: { type: 'field', path: 'parent' },
        fProgress: { type: 'field', path: 'progress' },
      },
    },
  };
}

/** What a fixture pack holds; each version of the tests' pack changes some of it. */
export interface PackFixture {
  readonly version: string;
  /** The pack's name (default @acme/goals) and its form's id (default goal). */
  readonly name?: string;
  readonly formId?: string;
  readonly goalTitle?: { 'zh-CN': string; en: string };
  /** Rows of data/goal.csv after its header (`key,title,owner,parent,progress`). */
  readonly goals?: readonly string[];
  /** Rows of data/people.csv after its header (`工号,姓名,部门,直属上级`). */
  readonly people?: readonly string[];
}

/** Writes a small pack folder (a goal form, sample people and goals) and returns its path. */
export function writePackFixture(fixture: PackFixture): string {
  const dir = mkdtempSync(join(tmpdir(), 'formboard-pack-'));
  mkdirSync(join(dir, 'forms'));
  mkdirSync(join(dir, 'data'));
  const withData = fixture.goals !== undefined;
  writeFileSync(
    join(dir, 'pack.json'),
    JSON.stringify({
      kind: 'pack',
      schemaVersion: 1,
      name: fixture.name ?? '@acme/goals',
      version: fixture.version,
      engine: '^0.1.0',
      title: text('目标', 'Goals'),
      description: text('一个目标表单和示例数据', 'A goal form with sample data'),
      locales: ['zh-CN', 'en'],
      contents: { forms: ['forms/goal.json'] },
      ...(withData ? { sampleData: [{ form: fixture.formId ?? 'goal', file: 'data/goal.csv' }] } : {}),
    }),
  );
  writeFileSync(join(dir, 'forms', 'goal.json'), JSON.stringify(goalForm(fixture.goalTitle, fixture.formId)));
  if (fixture.people)
    writeFileSync(join(dir, 'data', 'people.csv'), ['工号,姓名,部门,直属上级', ...fixture.people].join('\n'));
  if (fixture.goals)
    writeFileSync(
      join(dir, 'data', 'goal.csv'),
      ['key,title,owner,parent,progress', ...fixture.goals].join('\n'),
    );
  return dir;
}
