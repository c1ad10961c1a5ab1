import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationContext } from '../src/index.ts';
import {
  type DefinitionIssue,
  dashboardKind,
  type FormDefinition,
  formKind,
  validateAs,
} from '../src/index.ts';

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/valid/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

function parsedForm(json: unknown): FormDefinition {
  const result = validateAs(formKind, json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const scorecardForm = parsedForm(load('form-kpi-scorecard.json'));

/** A small OKR objective form: objectives aligned to a parent objective of the same form. */
const okrForm = parsedForm({
  kind: 'form',
  id: 'okr-objective',
  schemaVersion: 1,
  title: { 'zh-CN': '目标', en: 'Objective' },
  data: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      owner: { type: 'string', format: 'user' },
      team: { type: 'string', format: 'org-unit' },
      parent: { type: 'string', format: 'record', 'x-form': 'okr-objective' },
      status: { type: 'string', enum: ['draft', 'active', 'done', 'cancelled'] },
      dueDate: { type: 'string', format: 'date' },
      progress: { type: 'number', minimum: 0, maximum: 1 },
      expectedProgress: { type: 'number' },
      confidence: { type: 'number' },
    },
    required: ['title', 'owner'],
  },
  layout: { root: ['fTitle'], nodes: { fTitle: { type: 'field', path: 'title' } } },
});

const withScorecard: ValidationContext = {
  form: (id) => (id === 'kpi-scorecard' ? scorecardForm : undefined),
};
const withOkr: ValidationContext = { form: (id) => (id === 'okr-objective' ? okrForm : undefined) };

// biome-ignore lint/suspicious/noExplicitAny: tests edit fixtures freely to build invalid variants
type Edit = (dashboard: any) => void;

/** A deep copy of a dashboard fixture with `edit` applied. */
function fixture(name: string, edit: Edit = () => {}): unknown {
  const dashboard = load(name);
  edit(dashboard);
  return dashboard;
}

const board = (edit?: Edit): unknown => fixture('dashboard-performance.json', edit);
const okr = (edit?: Edit): unknown => fixture('dashboard-okr-overview.json', edit);

function issues(json: unknown, context: ValidationContext = withScorecard): DefinitionIssue[] {
  const result = validateAs(dashboardKind, json, context);
  return result.ok ? [] : [...result.issues];
}

function only(json: unknown, context: ValidationContext = withScorecard): DefinitionIssue {
  const found = issues(json, context);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0] as DefinitionIssue;
}

describe('validateAs(dashboardKind): the fixtures', () => {
  it('accepts the performance board over the KPI scorecard and returns it typed', () => {
    const result = validateAs(dashboardKind, board(), withScorecard);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.value.title).toEqual({ 'zh-CN': '绩效看板', en: 'Performance board' });
    expect(result.value.widgets.map((w) => w.type)).toEqual([
      'kpi',
      'kpi',
      'gapBoard',
      'line',
      'leaderboard',
      'nineBox',
      'text',
    ]);
  });

  it('accepts the OKR overview with every other widget type', () => {
    expect(issues(okr(), withOkr)).toEqual([]);
  });

  it('skips the source-form checks when the context cannot look forms up', () => {
    const json = board((d) => {
      d.widgets[0].query.measures[0].field = 'no_such_field';
    });
    expect(issues(json, {})).toEqual([]);
    expect(only(json)).toMatchObject({ code: 'dashboard.unknownField' });
  });
});

describe('validateAs(dashboardKind): schema errors', () => {
  it('reports an unknown widget type with the allowed ones', () => {
    const issue = only(
      board((d) => {
        d.widgets[3].type = 'sparkline';
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/widgets/3/type',
      code: 'schema.discriminator',
      value: 'sparkline',
    });
    expect(issue.message.en).toContain('type sparkline is not one of kpi, gapBoard, line');
  });

  it('reports a display option of another chart type as an unknown property', () => {
    expect(
      only(
        board((d) => {
          d.widgets[3].display.stacked = true;
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/display/stacked', code: 'schema.additionalProperties' });
  });

  it('reports a misspelt measure property with a did-you-mean', () => {
    const issue = only(
      board((d) => {
        d.widgets[0].query.measures[0].feild = 'score';
        delete d.widgets[0].query.measures[0].field;
      }),
    );
    expect(issue).toMatchObject({ pointer: '/widgets/0/query/measures/0/feild' });
    expect(issue.message.en).toBe('unknown property feild — did you mean field?');
  });

  it('reports bad grids, layouts, time units and text widgets with a query', () => {
    expect(
      only(
        board((d) => {
          d.grid.columns = 16;
        }),
      ),
    ).toMatchObject({ pointer: '/grid/columns', code: 'schema.enum' });
    expect(
      only(
        board((d) => {
          delete d.widgets[1].layout.h;
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/1/layout', code: 'schema.required' });
    expect(
      only(
        board((d) => {
          d.widgets[3].query.timeBucket.unit = 'fortnight';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/query/timeBucket/unit', code: 'schema.enum' });
    expect(
      only(
        board((d) => {
          d.widgets[6].query = d.widgets[0].query;
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/6/query', code: 'schema.additionalProperties' });
  });
});

describe('validateAs(dashboardKind): ids and the grid', () => {
  it('reports a duplicate widget id', () => {
    expect(
      only(
        board((d) => {
          d.widgets[1].id = 'avgScore';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/1/id', code: 'dashboard.duplicateId', value: 'avgScore' });
  });

  it('reports a widget wider than the grid', () => {
    const issue = only(
      board((d) => {
        d.grid.columns = 12;
        d.widgets.splice(1);
        d.widgets[0].layout = { x: 8, y: 0, w: 6, h: 4 };
      }),
    );
    expect(issue).toMatchObject({ pointer: '/widgets/0/layout', code: 'dashboard.outOfGrid' });
    expect(issue.message.en).toContain('x + w = 14 but the grid has 12 columns');
  });

  it('reports overlapping widgets with both ids', () => {
    const issue = only(
      board((d) => {
        d.widgets[4].layout.y = 9;
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/widgets/4/layout',
      code: 'dashboard.overlap',
      value: ['trend', 'ranking'],
    });
    expect(issue.message['zh-CN']).toBe('组件 ranking 与 trend 位置重叠');
  });
});

describe('validateAs(dashboardKind): measures, sort and formulas', () => {
  it('reports duplicate measure ids, and measure ids that shadow a groupBy field', () => {
    expect(
      only(
        board((d) => {
          d.widgets[1].query.measures[1].id = 'actual';
          d.widgets[1].query.measures[2].formula = 'IFERROR(actual / actual, 0)';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/1/query/measures/1/id', code: 'dashboard.duplicateMeasure' });
    expect(
      only(
        board((d) => {
          d.widgets[4].query.measures[0].id = 'employee';
          d.widgets[4].query.sort[0].by = 'employee';
          d.widgets[4].display.measure = 'employee';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/4/query/measures/0/id', code: 'dashboard.duplicateMeasure' });
  });

  it('reports formula keywords used as measure ids', () => {
    expect(
      only(
        board((d) => {
          d.widgets[0].query.measures[0].id = 'TRUE';
          d.widgets[0].display.measure = 'TRUE';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query/measures/0/id', code: 'dashboard.reservedId' });
  });

  it('lets computed measures read only the measures before them, as numbers', () => {
    const order = only(
      board((d) => {
        const [actual, target, rate] = d.widgets[1].query.measures;
        d.widgets[1].query.measures = [rate, actual, target];
      }),
    );
    expect(order).toMatchObject({
      pointer: '/widgets/1/query/measures/0/formula',
      code: 'dashboard.measureOrder',
      value: ['actual', 'target'],
    });
    expect(order.message.en).toBe(
      'computed measure rate may only read measures listed before it, not actual, target',
    );
    expect(
      only(
        board((d) => {
          d.widgets[1].query.measures[2].formula = 'IFERROR(actual / rate, 0)';
        }),
      ),
    ).toMatchObject({ code: 'dashboard.measureOrder', value: ['rate'] });
    expect(
      only(
        board((d) => {
          d.widgets[1].query.measures[2].formula = 'actual / targte';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/1/query/measures/2/formula', code: 'formula.unknownField' });
    expect(
      only(
        board((d) => {
          d.widgets[1].query.measures[2].formula = 'actual > target';
        }),
      ),
    ).toMatchObject({ code: 'dashboard.computedNotNumber' });
  });

  it('reports sort keys that are neither a measure nor a groupBy field', () => {
    expect(
      only(
        board((d) => {
          d.widgets[4].query.sort[0].by = 'avgscore';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/4/query/sort/0/by', code: 'dashboard.unknownSortKey' });
  });

  it('type-checks the filter formula against the source form and wants TRUE or FALSE', () => {
    const unknown = only(
      board((d) => {
        d.widgets[0].query.filter = 'stauts = "approved"';
      }),
    );
    expect(unknown).toMatchObject({ pointer: '/widgets/0/query/filter', code: 'formula.unknownField' });
    expect(unknown.message.en).toContain('did you mean status?');
    expect(
      only(
        board((d) => {
          d.widgets[0].query.filter = 'score * 2';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query/filter', code: 'formula.notLogical' });
    expect(
      only(
        board((d) => {
          d.widgets[0].query.filter = 'kpis[].actual > 0';
        }),
      ),
    ).toMatchObject({ code: 'formula.notLogical' });
    expect(
      only(
        board((d) => {
          d.widgets[0].query.filter = 'status = "approved';
        }),
        {},
      ),
    ).toMatchObject({ code: 'formula.syntax' });
  });
});

describe('validateAs(dashboardKind): fields of the source form', () => {
  it('reports an unknown source form', () => {
    expect(
      only(
        board((d) => {
          d.widgets[4].query.source = 'kpi-scorecards';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/4/query/source', code: 'dashboard.unknownForm' });
  });

  it('reports unknown fields with a did-you-mean', () => {
    const issue = only(
      board((d) => {
        d.widgets[0].query.measures[0].field = 'scor';
      }),
    );
    expect(issue).toMatchObject({ pointer: '/widgets/0/query/measures/0/field', value: 'scor' });
    expect(issue.message.en).toBe('the source form has no field scor — did you mean score?');
  });

  it('needs number fields for sum/avg/min/max and a scalar field for count/distinct', () => {
    expect(
      only(
        board((d) => {
          d.widgets[0].query.measures[0].field = 'status';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query/measures/0/field', code: 'dashboard.notAggregatable' });
    expect(
      issues(
        board((d) => {
          d.widgets[0].query.measures[0] = { id: 'avgScore', op: 'distinct', field: 'status' };
        }),
      ),
    ).toEqual([]);
    expect(
      only(
        board((d) => {
          d.widgets[0].query.measures[0] = { id: 'avgScore', op: 'count', field: 'kpis' };
        }),
      ),
    ).toMatchObject({ code: 'dashboard.notAggregatable' });
    expect(
      only(
        board((d) => {
          d.widgets[0].query.measures[0] = { id: 'avgScore', op: 'max' };
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query/measures/0/field', code: 'dashboard.fieldRequired' });
  });

  it('needs a scalar field to group by and a date field to bucket by', () => {
    expect(
      only(
        board((d) => {
          d.widgets[4].query.groupBy = ['reviewer'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/4/query/groupBy/0', code: 'dashboard.notGroupable' });
    expect(
      only(
        board((d) => {
          d.widgets[3].query.timeBucket.field = 'status';
          d.widgets[3].query.sort[0].by = 'status';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/query/timeBucket/field', code: 'dashboard.notADate' });
    expect(
      only(
        board((d) => {
          d.widgets[3].query.timeBucket.timeZone = 'Asia/Beijing';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/query/timeBucket/timeZone', code: 'dashboard.badTimeZone' });
  });

  it('reports a query that reads the columns of two tables', () => {
    const twoTables = structuredClone(scorecardForm);
    twoTables.data.properties.goals = {
      type: 'array',
      items: { type: 'object', properties: { progress: { type: 'number' } } },
    };
    const context: ValidationContext = { form: () => twoTables };
    expect(
      only(
        board((d) => {
          d.widgets[1].query.measures[1].field = 'goals[].progress';
        }),
        context,
      ),
    ).toMatchObject({ pointer: '/widgets/1/query/measures/1/field', code: 'dashboard.mixedTables' });
  });
});

describe('validateAs(dashboardKind): dashboard filters', () => {
  it('reports duplicate filter ids and unknown filters in ignoreFilters', () => {
    expect(
      only(
        board((d) => {
          d.filters[1].id = 'period';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/1/id', code: 'dashboard.duplicateId' });
    expect(
      only(
        board((d) => {
          d.widgets[4].query.ignoreFilters = ['periods'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/4/query/ignoreFilters/0', code: 'dashboard.unknownFilter' });
  });

  it('binds each filter type to a field of the matching type', () => {
    expect(
      only(
        board((d) => {
          d.filters[0].fields['kpi-scorecard'] = 'score';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/0/fields/kpi-scorecard', code: 'dashboard.filterFieldType' });
    expect(
      only(
        board((d) => {
          d.filters[1].fields['kpi-scorecard'] = 'reviewer.name';
        }),
      ),
    ).toMatchObject({ code: 'dashboard.filterFieldType', value: 'reviewer.name' });
    expect(
      only(
        board((d) => {
          d.filters[1].fields['kpi-scorecard'] = 'employe';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/1/fields/kpi-scorecard', code: 'dashboard.unknownField' });
  });

  it('reports bindings to forms no widget queries, reversed ranges and unknown time zones', () => {
    expect(
      only(
        board((d) => {
          d.filters[1].fields['okr-objective'] = 'owner';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/1/fields/okr-objective', code: 'dashboard.filterFormUnused' });
    expect(
      only(
        board((d) => {
          d.filters[0].default = { from: '2025-06-30', to: '2025-04-01' };
        }),
      ),
    ).toMatchObject({ pointer: '/filters/0/default', code: 'dashboard.dateRangeOrder' });
    expect(
      only(
        board((d) => {
          d.filters[0].timeZone = 'China/Shanghai';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/0/timeZone', code: 'dashboard.badTimeZone' });
    expect(
      only(
        board((d) => {
          d.filters[0].type = 'week';
        }),
      ),
    ).toMatchObject({ pointer: '/filters/0/type', code: 'schema.discriminator' });
  });

  it('needs a time bucket or a date-range filter to compare with the previous period', () => {
    expect(
      only(
        board((d) => {
          d.widgets[0].query.ignoreFilters = ['period'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query/compareWithPrevious', code: 'dashboard.compareNeedsTime' });
    expect(
      issues(
        board((d) => {
          d.widgets[3].query.compareWithPrevious = true;
          d.widgets[3].query.ignoreFilters = ['period'];
        }),
      ),
    ).toEqual([]);
  });
});

describe('validateAs(dashboardKind): widgets', () => {
  it('checks the dimensions each chart can draw', () => {
    expect(
      only(
        board((d) => {
          d.widgets[0].query.groupBy = ['employee'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/query', code: 'dashboard.queryShape', value: 1 });
    const line = only(
      board((d) => {
        delete d.widgets[3].query.timeBucket;
        d.widgets[3].query.sort = [];
      }),
    );
    expect(line).toMatchObject({ pointer: '/widgets/3/query', code: 'dashboard.queryShape' });
    expect(line.message.en).toBe('a line chart needs a time bucket (timeBucket)');
    expect(
      only(
        okr((d) => {
          d.widgets[3].query.timeBucket = { field: 'dueDate', unit: 'month' };
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/3/query/timeBucket', code: 'dashboard.queryShape' });
  });

  it('reports display options, targets and thresholds that name no measure of the query', () => {
    expect(
      only(
        board((d) => {
          d.widgets[0].display.measure = 'avgscore';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/0/display/measure', code: 'dashboard.unknownMeasure' });
    expect(
      only(
        board((d) => {
          d.widgets[5].display.x = 'potential';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/5/display/x', code: 'dashboard.unknownMeasure' });
    expect(
      only(
        board((d) => {
          d.widgets[3].display.series = ['avgScore', 'median'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/display/series/1', value: 'median' });
    expect(
      only(
        board((d) => {
          d.widgets[3].target = { measure: 'goal' };
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/target/measure', code: 'dashboard.unknownMeasure' });
  });

  it('needs threshold bands in ascending order', () => {
    const issue = only(
      board((d) => {
        d.widgets[0].thresholds.bands[2].from = 60;
      }),
    );
    expect(issue).toMatchObject({
      pointer: '/widgets/0/thresholds/bands/2/from',
      code: 'dashboard.thresholdOrder',
    });
  });

  it('needs a target for target lines and target-relative thresholds', () => {
    expect(
      only(
        board((d) => {
          delete d.widgets[3].target;
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/3/display/showTarget', code: 'dashboard.targetMissing' });
    expect(
      only(
        board((d) => {
          d.widgets[1].thresholds.basis = 'targetRatio';
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/1/thresholds/basis', code: 'dashboard.targetMissing' });
  });

  it('checks nine-box bands, gauge ranges and table columns', () => {
    expect(
      only(
        board((d) => {
          d.widgets[5].display.yBands = [85, 60];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/5/display/yBands', code: 'dashboard.bandOrder' });
    expect(
      only(
        okr((d) => {
          d.widgets[2].display.min = 1;
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/2/display/max', code: 'dashboard.gaugeRange' });
    expect(
      only(
        okr((d) => {
          d.widgets[9].display.columns[1].key = 'state';
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/9/display/columns/1/key', code: 'dashboard.unknownColumn' });
  });

  it('groups a gap board by a person or team field, and shows confidence only with a measure', () => {
    expect(
      only(
        board((d) => {
          d.widgets[2].query.groupBy = ['status'];
        }),
      ),
    ).toMatchObject({ pointer: '/widgets/2/query/groupBy/0', code: 'dashboard.gapBoardRows' });
    expect(
      only(
        okr((d) => {
          d.widgets[8].display.rows = 'person';
        }),
        withOkr,
      ),
    ).toMatchObject({ code: 'dashboard.gapBoardRows', value: 'team' });
    expect(
      only(
        okr((d) => {
          delete d.widgets[8].display.confidence;
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/8/display/showConfidence', code: 'dashboard.confidenceMissing' });
  });

  it('checks the alignment tree against its source form', () => {
    expect(
      only(
        okr((d) => {
          d.widgets[0].tree.parentField = 'owner';
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/0/tree/parentField', code: 'dashboard.treeField' });
    expect(
      only(
        okr((d) => {
          d.widgets[0].tree.progressField = 'status';
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/0/tree/progressField', code: 'dashboard.treeField' });
    expect(
      only(
        okr((d) => {
          d.widgets[0].tree.filter = 'progress';
        }),
        withOkr,
      ),
    ).toMatchObject({ pointer: '/widgets/0/tree/filter', code: 'formula.notLogical' });
  });
});
