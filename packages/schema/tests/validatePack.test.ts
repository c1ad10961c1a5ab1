import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSemver, isSemverRange } from '../src/kinds/checkPack.ts';
import { packKind } from '../src/kinds/packKind.ts';
import type { DefinitionIssue } from '../src/validate/issues.ts';
import { validateAs } from '../src/validate/validateDefinition.ts';

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/valid/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** A deep copy of the performance pack manifest with `edit` applied. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit fixtures freely to build invalid variants
function pack(edit: (manifest: any) => void = () => {}): unknown {
  const manifest = load('pack-performance.json');
  edit(manifest);
  return manifest;
}

function issues(json: unknown): DefinitionIssue[] {
  const result = validateAs(packKind, json);
  return result.ok ? [] : [...result.issues];
}

function only(json: unknown): DefinitionIssue {
  const found = issues(json);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0] as DefinitionIssue;
}

describe('template pack manifests', () => {
  it('accepts the pack fixtures and returns them typed', () => {
    const result = validateAs(packKind, pack());
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (result.ok)
      expect([result.value.name, result.value.locales[0]]).toEqual(['@formboard/performance', 'zh-CN']);
    expect(issues(load('pack-minimal.json'))).toEqual([]);
  });

  it('reports schema errors: name, version, missing and unknown properties', () => {
    expect(
      only(
        pack((p) => {
          p.name = 'Performance Pack';
        }),
      ),
    ).toMatchObject({ pointer: '/name', code: 'schema.pattern' });
    expect(
      only(
        pack((p) => {
          p.version = '1.0';
        }),
      ),
    ).toMatchObject({ pointer: '/version', code: 'schema.pattern', value: '1.0' });
    expect(
      only(
        pack((p) => {
          p.upgradeNotes[1].version = 'v0.1.0';
        }),
      ),
    ).toMatchObject({ pointer: '/upgradeNotes/1/version', code: 'schema.pattern' });
    expect(
      only(
        pack((p) => {
          delete p.description;
        }),
      ),
    ).toMatchObject({ pointer: '', message: { en: 'missing required property description' } });
    const unknown = only(
      pack((p) => {
        p.contents.workflow = [];
      }),
    );
    expect(unknown).toMatchObject({ pointer: '/contents/workflow', code: 'schema.additionalProperties' });
    expect(unknown.message.en).toBe('unknown property workflow — did you mean workflows?');
    expect(
      only(
        pack((p) => {
          p.locales = ['zh-CN', 'zh-CN'];
        }),
      ),
    ).toMatchObject({ pointer: '/locales', code: 'schema.uniqueItems' });
    expect(
      only(
        pack((p) => {
          p.contents = {};
        }),
      ),
    ).toMatchObject({ pointer: '/contents', code: 'schema.minProperties' });
  });

  it('checks the engine range', () => {
    expect(
      only(
        pack((p) => {
          p.engine = 'latest';
        }),
      ),
    ).toMatchObject({ pointer: '/engine', code: 'pack.badEngineRange', value: 'latest' });
  });

  it('requires relative paths without .. and with the right extension', () => {
    // forms/feedback.json has no sample data, so replacing it breaks nothing else.
    const bad = (path: string) =>
      only(
        pack((p) => {
          p.contents.forms[2] = path;
        }),
      );
    expect(bad('/etc/feedback.json')).toMatchObject({ pointer: '/contents/forms/2', code: 'pack.badPath' });
    expect(bad('C:/forms/feedback.json')).toMatchObject({ code: 'pack.badPath' });
    expect(bad('forms\\feedback.json')).toMatchObject({ code: 'pack.badPath' });
    expect(bad('forms/../../secrets.json').message.en).toBe(
      'the path forms/../../secrets.json must not contain .., . or empty segments',
    );
    expect(bad('forms//feedback.json')).toMatchObject({ code: 'pack.badPath' });
    expect(bad('forms/feedback.yaml').message.en).toBe('the path forms/feedback.yaml must end in .json');
    expect(
      only(
        pack((p) => {
          p.sampleData[0].file = 'data/okr.xlsx';
        }),
      ),
    ).toMatchObject({ pointer: '/sampleData/0/file', code: 'pack.badPath' });
  });

  it('reports a path listed twice, across kinds and sample data', () => {
    const twice = only(
      pack((p) => {
        p.contents.workflows.push('forms/okr.json');
      }),
    );
    expect(twice).toMatchObject({ pointer: '/contents/workflows/3', code: 'pack.duplicatePath' });
    expect(twice.message.en).toBe('the path forms/okr.json is already listed at /contents/forms/0');
    expect(
      only(
        pack((p) => {
          p.sampleData[1].file = 'data/okr.csv';
        }),
      ),
    ).toMatchObject({ pointer: '/sampleData/1/file', code: 'pack.duplicatePath' });
  });

  it('requires sample data to name one of the pack forms', () => {
    const issue = only(
      pack((p) => {
        p.sampleData[0].form = 'okrs';
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/sampleData/0/form',
      code: 'pack.unknownSampleForm',
      value: 'okrs',
    });
    expect(issue.message.en).toContain('expected forms/okrs.json');
  });

  it('checks upgrade notes: not above the pack version, one per version', () => {
    expect(
      only(
        pack((p) => {
          p.upgradeNotes[0].version = '0.3.0';
        }),
      ),
    ).toMatchObject({ pointer: '/upgradeNotes/0/version', code: 'pack.noteAfterVersion' });
    expect(
      issues(
        pack((p) => {
          p.upgradeNotes[0].version = '0.2.0-rc.1';
        }),
      ),
    ).toEqual([]);
    expect(
      only(
        pack((p) => {
          p.upgradeNotes[1].version = '0.2.0';
        }),
      ),
    ).toMatchObject({ pointer: '/upgradeNotes/1/version', code: 'pack.duplicateNote' });
  });

  it('requires per-locale text to cover every declared locale', () => {
    expect(
      only(
        pack((p) => {
          delete p.title.en;
        }),
      ),
    ).toMatchObject({ pointer: '/title', code: 'pack.missingTranslation', value: ['en'] });
    expect(
      only(
        pack((p) => {
          p.upgradeNotes[1].notes = { 'zh-CN': '首个版本。' };
        }),
      ),
    ).toMatchObject({ pointer: '/upgradeNotes/1/notes', code: 'pack.missingTranslation' });
    expect(
      issues(
        pack((p) => {
          p.title = '绩效管理';
        }),
      ),
    ).toEqual([]);
  });
});

describe('semver helpers', () => {
  it('reads the ranges npm reads', () => {
    for (const range of [
      '^0.1.0',
      '~1.2.3',
      '>=0.1.0 <1.0.0',
      '1.x',
      '*',
      '1.0.0 - 2.0.0',
      '^1.0.0 || ^2.0.0',
      '0.1',
    ]) {
      expect(isSemverRange(range), range).toBe(true);
    }
    for (const range of ['latest', '', '^01.0.0', '>= 1.0.0', '1.0.0 -', '^1.0.0 ||', '>1.0.0 - 2.0.0']) {
      expect(isSemverRange(range), range).toBe(false);
    }
  });

  it('orders versions by semver precedence', () => {
    const sorted = [
      '1.0.0',
      '1.0.0-rc.1',
      '1.0.0-alpha.beta',
      '0.9.10',
      '1.0.0-alpha.1',
      '1.0.0-alpha',
      '0.9.9',
    ].sort(compareSemver);
    expect(sorted).toEqual([
      '0.9.9',
      '0.9.10',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-rc.1',
      '1.0.0',
    ]);
    expect(compareSemver('1.0.0+build.1', '1.0.0')).toBe(0);
  });
});
