import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DefinitionIssue, validateDefinition } from '../src/index.ts';

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/valid/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** A deep copy of the scorecard fixture with `edit` applied. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit fixtures freely to build invalid variants
function scorecard(edit: (form: any) => void = () => {}): unknown {
  const form = load('form-kpi-scorecard.json');
  edit(form);
  return form;
}

function issues(json: unknown): DefinitionIssue[] {
  const result = validateDefinition(json);
  return result.ok ? [] : [...result.issues];
}

function only(json: unknown): DefinitionIssue {
  const found = issues(json);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0] as DefinitionIssue;
}

describe('validateDefinition: forms', () => {
  it('accepts the KPI scorecard fixture and returns it typed', () => {
    const result = validateDefinition(scorecard());
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (result.ok && result.value.kind === 'form') expect(result.value.id).toBe('kpi-scorecard');
    expect(result.ok && result.value.kind).toBe('form');
  });

  it('rejects what is not a definition', () => {
    expect(only(null)).toMatchObject({ pointer: '', code: 'schema.type' });
    expect(only({ kind: 'spreadsheet' })).toMatchObject({ pointer: '/kind', value: 'spreadsheet' });
  });

  it('reports unknown properties with a did-you-mean, at their pointer', () => {
    const issue = only(
      scorecard((f) => {
        f.tittle = 'x';
      }),
    );
    expect(issue).toMatchObject({ pointer: '/tittle', code: 'schema.additionalProperties', value: 'x' });
    expect(issue.message.en).toBe('unknown property tittle — did you mean title?');
    expect(issue.message['zh-CN']).toBe('未知属性 tittle，是否想用 title？');
  });

  it('reports the error of the intended union branch only', () => {
    const issue = only(
      scorecard((f) => {
        f.data.properties.score.maximun = 100;
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/data/properties/score/maximun',
      message: { en: 'unknown property maximun — did you mean maximum?' },
    });
    const node = only(
      scorecard((f) => {
        f.layout.nodes.fScore.widht = 3;
      }),
    );
    expect(node.pointer).toBe('/layout/nodes/fScore/widht');
    const badType = only(
      scorecard((f) => {
        f.layout.nodes.fScore.type = 'feild';
      }),
    );
    expect(badType).toMatchObject({ pointer: '/layout/nodes/fScore/type', value: 'feild' });
    expect(badType.message.en).toContain('type feild is not one of field, section');
  });

  it('rejects an array field that is neither a multi-select nor allowed as a table where it stands', () => {
    // A row's column may be a multi-select (items of strings) but not a table: a row that held a table
    // of itself once passed the schema and sent the meaning checks into endless recursion.
    const found = issues(
      scorecard((f) => {
        f.data.$defs.kpiRow.properties.name = { type: 'array', items: { $ref: '#/$defs/kpiRow' } };
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((issue) => issue.code.startsWith('schema.'))).toBe(true);
    expect(found[0]?.pointer.startsWith('/data/$defs/kpiRow/properties/name')).toBe(true);
  });

  it('reports missing properties and wrong types', () => {
    expect(
      only(
        scorecard((f) => {
          delete f.title;
        }),
      ),
    ).toMatchObject({ pointer: '', message: { en: 'missing required property title' } });
    expect(
      only(
        scorecard((f) => {
          f.schemaVersion = '1';
        }),
      ),
    ).toMatchObject({ pointer: '/schemaVersion' });
    expect(
      only(
        scorecard((f) => {
          f.id = 'KPI Scorecard';
        }),
      ),
    ).toMatchObject({ pointer: '/id', value: 'KPI Scorecard' });
  });

  it('checks formulas against the fields, with the formula error in both languages', () => {
    const issue = only(
      scorecard((f) => {
        f.computed[1].formula = 'SUM(kpis[].wieght)';
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/computed/1/formula',
      code: 'formula.unknownField',
      value: 'SUM(kpis[].wieght)',
    });
    expect(issue.message.en).toBe(
      'line 1, column 5: unknown field kpis[].wieght — did you mean kpis[].weight?',
    );
    const syntax = only(
      scorecard((f) => {
        f.rules[0].visible = 'status <> "draft';
      }),
    );
    expect(syntax).toMatchObject({ pointer: '/rules/0/visible', code: 'formula.syntax' });
    expect(syntax.message['zh-CN']).toBe('第 1 行第 11 列：字符串缺少结束引号');
  });

  it('requires rules and validations to give TRUE or FALSE', () => {
    expect(
      only(
        scorecard((f) => {
          f.rules[1].readOnly = 'score * 2';
        }),
      ),
    ).toMatchObject({ pointer: '/rules/1/readOnly', code: 'formula.notLogical' });
  });

  it('checks that an initial value fits its field', () => {
    expect(
      only(
        scorecard((f) => {
          f.rules[1].initial = '"high"';
        }),
      ),
    ).toMatchObject({ pointer: '/rules/1/initial', code: 'form.computedType' });
    expect(
      issues(
        scorecard((f) => {
          f.rules.push({ target: 'employee', initial: '$user.id' });
        }),
      ),
    ).toEqual([]);
  });

  it('checks computed targets and result types', () => {
    expect(
      only(
        scorecard((f) => {
          f.computed[1].target = 'nothing';
        }),
      ),
    ).toMatchObject({ pointer: '/computed/1/target', code: 'form.unknownPath' });
    expect(
      only(
        scorecard((f) => {
          f.computed[1].formula = 'kpis[].weight';
        }),
      ),
    ).toMatchObject({ code: 'form.computedType' });
    expect(
      only(
        scorecard((f) => {
          f.computed[1].formula = '"high"';
        }),
      ),
    ).toMatchObject({ code: 'form.computedType' });
    expect(
      only(
        scorecard((f) => {
          f.computed.push({ target: 'score', formula: '1' });
        }),
      ),
    ).toMatchObject({ code: 'form.duplicateComputed' });
  });

  it('lets a table column formula read its row’s cells by name', () => {
    const issue = only(
      scorecard((f) => {
        f.computed[0].formula = 'wieght * 2';
      }),
    );
    expect(issue.message.en).toBe('line 1, column 1: unknown field wieght — did you mean weight?');
    expect(
      only(
        scorecard((f) => {
          f.computed[0].formula = 'kpis[].weight';
        }),
      ),
    ).toMatchObject({ code: 'form.computedType' });
    expect(
      issues(
        scorecard((f) => {
          f.rules.push({ target: 'kpis[].actual', required: 'weight > 0 AND status = "submitted"' });
        }),
      ),
    ).toEqual([]);
  });

  it('reports computed cycles with the cycle', () => {
    const issue = only(
      scorecard((f) => {
        f.computed[1].formula = 'score / 2';
        f.computed[2].formula = 'totalWeight * 2';
      }),
    );
    expect(issue.code).toBe('form.computedCycle');
    expect(issue.message.en).toMatch(
      /cycle: (totalWeight → score → totalWeight|score → totalWeight → score)/,
    );
  });

  it('checks layout nodes, their placement and their bindings', () => {
    expect(
      only(
        scorecard((f) => {
          f.layout.nodes.fScore.path = 'scor';
        }),
      ),
    ).toMatchObject({ pointer: '/layout/nodes/fScore/path', code: 'layout.unknownPath' });
    expect(
      only(
        scorecard((f) => {
          f.layout.root.push('ghost');
        }),
      ),
    ).toMatchObject({ pointer: '/layout/root/3', code: 'layout.unknownNode' });
    expect(
      only(
        scorecard((f) => {
          f.layout.root.push('fScore');
        }),
      ),
    ).toMatchObject({ code: 'layout.multipleParents' });
    expect(
      only(
        scorecard((f) => {
          f.layout.nodes.loose = { type: 'text', content: 'x' };
        }),
      ),
    ).toMatchObject({ pointer: '/layout/nodes/loose', code: 'layout.orphan' });
    expect(
      only(
        scorecard((f) => {
          f.layout.nodes.fScore.widget = 'switch';
        }),
      ),
    ).toMatchObject({ pointer: '/layout/nodes/fScore/widget', code: 'layout.widgetMismatch' });
    expect(
      issues(
        scorecard((f) => {
          f.layout.nodes.cols.children = ['fEmployee'];
        }),
      ).map((i) => i.code),
    ).toContain('layout.misplaced');
    expect(
      only(
        scorecard((f) => {
          f.layout.nodes.kpiTable.path = 'score';
        }),
      ),
    ).toMatchObject({ code: 'layout.notATable' });
    expect(
      only(
        scorecard((f) => {
          f.layout.nodes.fScore.path = 'kpis';
        }),
      ),
    ).toMatchObject({ code: 'layout.notAScalar' });
  });

  it('accepts pack widgets by namespace and checks built-in ones', () => {
    expect(
      issues(
        scorecard((f) => {
          f.layout.nodes.fScore.widget = 'okr:confidence';
        }),
      ),
    ).toEqual([]);
  });

  it('checks who sees what: record scopes per role and hidden fields that exist and are not table columns', () => {
    const access = (value: unknown) =>
      scorecard((f) => {
        f.access = value;
      });
    expect(
      issues(
        access({ recordScope: { manager: 'orgUnit', member: 'own' }, hiddenFields: { member: ['period'] } }),
      ),
    ).toEqual([]);
    expect(only(access({ recordScope: { member: 'everyone' } }))).toMatchObject({
      pointer: '/access/recordScope/member',
    });
    expect(only(access({ recordScope: { intern: 'own' } }))).toMatchObject({
      pointer: '/access/recordScope/intern',
    });
    expect(only(access({ hiddenFields: { member: ['bonsu'] } }))).toMatchObject({
      pointer: '/access/hiddenFields/member/0',
      code: 'form.unknownPath',
    });
    expect(only(access({ hiddenFields: { manager: ['kpis[].weight'] } }))).toMatchObject({
      pointer: '/access/hiddenFields/manager/0',
      code: 'access.tableColumn',
    });
  });

  it('checks $refs, required lists, validation ids and message paths', () => {
    const broken = issues(
      scorecard((f) => {
        f.data.properties.kpis.items.$ref = '#/$defs/kpiRows';
      }),
    );
    expect(broken[0]).toMatchObject({ pointer: '/data/properties/kpis/items/$ref', code: 'data.badRef' });
    expect(
      only(
        scorecard((f) => {
          f.data.required.push('ghost');
        }),
      ),
    ).toMatchObject({ pointer: '/data/required/3', code: 'data.unknownRequired' });
    expect(
      only(
        scorecard((f) => {
          f.validations.push({ ...f.validations[0] });
        }),
      ),
    ).toMatchObject({ code: 'form.duplicateId' });
    expect(
      only(
        scorecard((f) => {
          f.messages.ghost = { required: 'x' };
        }),
      ),
    ).toMatchObject({ pointer: '/messages/ghost', code: 'form.unknownPath' });
  });
});
