import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cronProblem, durationProblem } from '../src/kinds/checkWorkflowTimes.ts';
import type { ValidationContext } from '../src/kinds/DefinitionKind.ts';
import { workflowKind } from '../src/kinds/workflowKind.ts';
import type { FormDefinition } from '../src/schemas/formDefinition.ts';
import type { DefinitionIssue } from '../src/validate/issues.ts';
import { validateAs } from '../src/validate/validateDefinition.ts';

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/valid/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

const scorecardForm = load('form-kpi-scorecard.json') as unknown as FormDefinition;
const withForms: ValidationContext = { form: (id) => (id === 'kpi-scorecard' ? scorecardForm : undefined) };

/** A deep copy of a workflow fixture with `edit` applied. */
// biome-ignore lint/suspicious/noExplicitAny: tests edit fixtures freely to build invalid variants
function fixture(name: string, edit: (workflow: any) => void = () => {}): unknown {
  const workflow = load(name);
  edit(workflow);
  return workflow;
}

type Edit = Parameters<typeof fixture>[1];
const streak = (edit?: Edit) => fixture('workflow-kpi-below-baseline.json', edit);
const approval = (edit?: Edit) => fixture('workflow-scorecard-approval.json', edit);
const reminder = (edit?: Edit) => fixture('workflow-weekly-reminder.json', edit);

function issues(json: unknown, context: ValidationContext = withForms): DefinitionIssue[] {
  const result = validateAs(workflowKind, json, context);
  return result.ok ? [] : [...result.issues];
}

function only(json: unknown, context: ValidationContext = withForms): DefinitionIssue {
  const found = issues(json, context);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0] as DefinitionIssue;
}

describe('workflows: fixtures', () => {
  it('accepts every workflow fixture, with and without form lookup', () => {
    for (const json of [streak(), approval(), reminder()]) {
      expect(issues(json)).toEqual([]);
      expect(issues(json, {})).toEqual([]);
    }
  });

  it('types the metric-streak alert: two weeks below baseline, direct supervisor, inbox then DingTalk', () => {
    const result = validateAs(workflowKind, streak(), withForms);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { trigger, steps } = result.value;
    expect(
      trigger.type === 'metricStreak' && [trigger.query.period, trigger.periods, trigger.direction],
    ).toEqual(['week', 2, 'higherIsBetter']);
    expect(steps.map((s) => (s.type === 'notify' ? s.channel : s.type))).toEqual([
      'inbox',
      'dingtalk',
      'end',
    ]);
  });
});

describe('workflows: schema errors', () => {
  it('reports an unknown step type with the allowed types', () => {
    const issue = only(
      approval((w) => {
        w.steps[4].type = 'webhook';
      }),
    );
    expect(issue).toMatchObject({ pointer: '/steps/4/type', code: 'schema.discriminator', value: 'webhook' });
    expect(issue.message.en).toContain(
      'condition, approval, notify, updateRecord, createRecord, http, wait, end',
    );
  });

  it('reports unknown properties in a step with a did-you-mean', () => {
    const issue = only(
      approval((w) => {
        w.steps[2].assignee = w.steps[2].assignees;
      }),
    );
    expect(issue).toMatchObject({ pointer: '/steps/2/assignee', code: 'schema.additionalProperties' });
    expect(issue.message.en).toBe('unknown property assignee — did you mean assignees?');
  });

  it('reports unknown trigger and assignee types, missing and out-of-range properties', () => {
    expect(
      only(
        approval((w) => {
          w.trigger.type = 'cron';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/type', code: 'schema.discriminator' });
    expect(
      only(
        approval((w) => {
          w.steps[2].assignees[0].type = 'manager';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/assignees/0/type', code: 'schema.discriminator' });
    expect(
      only(
        approval((w) => {
          delete w.steps[2].mode;
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2', message: { en: 'missing required property mode' } });
    expect(
      only(
        approval((w) => {
          w.steps[2].assignees[0].levels = 6;
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/assignees/0/levels', code: 'schema.maximum' });
    expect(
      only(
        streak((w) => {
          w.trigger.periods = 0;
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/periods', code: 'schema.minimum' });
    expect(
      only(
        streak((w) => {
          w.trigger.direction = 'up';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/direction', code: 'schema.enum' });
  });
});

describe('workflows: the step graph', () => {
  it('reports duplicate step ids once', () => {
    expect(
      only(
        approval((w) => {
          w.steps.push({ id: 'done', type: 'end' });
        }),
      ),
    ).toMatchObject({ pointer: '/steps/9/id', code: 'workflow.duplicateStepId', value: 'done' });
  });

  it('reports a start or next that names no step, with a did-you-mean', () => {
    const start = only(
      approval((w) => {
        w.start = 'checkScor';
      }),
    );
    expect(start).toMatchObject({ pointer: '/start', code: 'workflow.unknownStep', value: 'checkScor' });
    expect(start.message.en).toBe('there is no step checkScor — did you mean checkScore?');
    expect(
      only(
        approval((w) => {
          w.steps[7].next = 'dne';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/7/next', code: 'workflow.unknownStep' });
    expect(
      only(
        approval((w) => {
          w.steps[2].onReject = 'returnDraft';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/onReject', code: 'workflow.unknownStep' });
  });

  it('reports steps that cannot be reached from start', () => {
    expect(
      only(
        approval((w) => {
          w.steps.push({ id: 'orphan', type: 'end' });
        }),
      ),
    ).toMatchObject({ pointer: '/steps/9/id', code: 'workflow.unreachableStep', value: 'orphan' });
    // A broken branch both names no step and cuts off the step it used to lead to.
    expect(
      issues(
        approval((w) => {
          w.steps[0].branches[0].next = 'skipLevel';
        }),
      ).map((i) => [i.pointer, i.code]),
    ).toEqual([
      ['/steps/0/branches/0/next', 'workflow.unknownStep'],
      ['/steps/1/id', 'workflow.unreachableStep'],
    ]);
  });

  it('allows loops through an approval and rejects loops without a pause', () => {
    expect(
      issues(
        approval((w) => {
          w.steps[7].next = 'supervisorApproval';
        }),
      ),
    ).toEqual([]);
    const loop = only(
      approval((w) => {
        w.steps[7].next = 'returnToDraft';
      }),
    );
    expect(loop).toMatchObject({
      pointer: '/steps/6/id',
      code: 'workflow.loopWithoutPause',
      value: ['returnToDraft', 'tellRejected'],
    });
  });
});

describe('workflows: forms and fields', () => {
  it('requires the workflow form to match the trigger', () => {
    expect(
      only(
        approval((w) => {
          w.form = 'okr';
        }),
      ),
    ).toMatchObject({ pointer: '/form', code: 'workflow.formMismatch' });
    expect(
      only(
        reminder((w) => {
          w.form = 'kpi-scorecard';
        }),
      ),
    ).toMatchObject({ pointer: '/form', code: 'workflow.formMismatch' });
  });

  it('reports unknown forms only when forms can be looked up', () => {
    const edit = (w: { form?: string; trigger: { form: string } }) => {
      delete w.form;
      w.trigger.form = 'kpi-scorcard';
    };
    expect(only(approval(edit))).toMatchObject({ pointer: '/trigger/form', code: 'workflow.unknownForm' });
    expect(issues(approval(edit), {})).toEqual([]);
    expect(
      only(
        streak((w) => {
          w.trigger.query.form = 'okr';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/query/form', code: 'workflow.unknownForm' });
  });

  it('checks formula syntax even without form lookup', () => {
    expect(
      only(
        approval((w) => {
          w.trigger.condition = 'status = ';
        }),
        {},
      ),
    ).toMatchObject({ pointer: '/trigger/condition', code: 'formula.syntax' });
    expect(
      issues(
        approval((w) => {
          w.trigger.condition = 'statu = "submitted"';
        }),
        {},
      ),
    ).toEqual([]);
  });

  it('checks record-trigger conditions against the fields and $old values', () => {
    expect(
      only(
        approval((w) => {
          w.trigger.condition = 'statu = "submitted"';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/condition', code: 'formula.unknownField' });
    const old = only(
      approval((w) => {
        w.trigger.condition = '$old.statu <> status';
      }),
    );
    expect(old).toMatchObject({ pointer: '/trigger/condition', code: 'formula.unknownField' });
    expect(old.message.en).toBe('$old.statu is not defined here — did you mean $old.status?');
    expect(
      only(
        approval((w) => {
          w.trigger.condition = 'score * 2';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/condition', code: 'formula.notLogical' });
  });

  it('checks step formulas: fields, logical branches, no $old outside the trigger', () => {
    expect(
      only(
        approval((w) => {
          w.steps[0].branches[0].when = 'score * 2';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/0/branches/0/when', code: 'formula.notLogical' });
    expect(
      only(
        approval((w) => {
          w.steps[0].branches[0].when = '$old.score < 60';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/0/branches/0/when', code: 'formula.unknownVariable' });
    expect(
      only(
        approval((w) => {
          w.steps[3].set[0].formula = 'statu';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/set/0/formula', code: 'formula.unknownField' });
  });

  it('checks the fields an update writes', () => {
    expect(
      only(
        approval((w) => {
          w.steps[3].set[0].field = 'state';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/set/0/field', code: 'workflow.unknownField', value: 'state' });
    expect(
      only(
        approval((w) => {
          w.steps[3].set[0].field = 'kpis';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/set/0/field', code: 'workflow.notWritable' });
    expect(
      only(
        approval((w) => {
          w.steps[3].set.push({ field: 'status', formula: '"approved"' });
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/set/1/field', code: 'workflow.duplicateField' });
  });

  it('checks the form and fields a createRecord step writes', () => {
    const addDraft = (edit: (step: Record<string, unknown>) => void) =>
      approval((w) => {
        const step = {
          id: 'nextDraft',
          type: 'createRecord',
          form: 'kpi-scorecard',
          values: [
            { field: 'employee', formula: 'employee' },
            { field: 'period', formula: 'EDATE(period, 1)' },
          ],
          next: 'tellApproved',
        };
        edit(step);
        w.steps[4].next = 'nextDraft';
        w.steps.push(step);
      });
    expect(issues(addDraft(() => {}))).toEqual([]);
    expect(
      only(
        addDraft((s) => {
          s.form = 'okr';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/9/form', code: 'workflow.unknownForm' });
    expect(
      only(
        addDraft((s) => {
          s.values = [{ field: 'employe', formula: 'employee' }];
        }),
      ),
    ).toMatchObject({ pointer: '/steps/9/values/0/field', code: 'workflow.unknownField' });
  });
});

describe('workflows: assignees and notifications', () => {
  it('requires supervisor and field rules to name user fields', () => {
    expect(
      only(
        approval((w) => {
          w.steps[2].assignees[0].of = 'status';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/assignees/0/of', code: 'workflow.notAUserField' });
    expect(
      only(
        approval((w) => {
          w.steps[2].assignees[0].of = 'employe';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/assignees/0/of', code: 'workflow.unknownField' });
    expect(
      only(
        approval((w) => {
          w.steps[5].to[0].path = 'comment';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/5/to/0/path', code: 'workflow.notAUserField' });
    expect(
      only(
        approval((w) => {
          w.steps[2].escalation.to = { type: 'supervisor', of: 'reviewer' };
        }),
      ),
    ).toMatchObject({ pointer: '/steps/2/escalation/to/of', code: 'workflow.notAUserField' });
  });

  it('checks due times and escalations are ISO 8601 durations above zero', () => {
    const bad = only(
      approval((w) => {
        w.steps[2].due = '2 days';
      }),
    );
    expect(bad).toMatchObject({ pointer: '/steps/2/due', code: 'workflow.badDuration', value: '2 days' });
    expect(bad.message.en).toContain('P1D (1 day)');
    expect(
      only(
        approval((w) => {
          w.steps[2].escalation.after = 'PT0H';
        }),
      ).message.en,
    ).toBe('the duration PT0H must be longer than zero');
  });

  it('requires recipients for the inbox and connectors for robots and webhooks', () => {
    expect(
      only(
        approval((w) => {
          delete w.steps[5].to;
        }),
      ),
    ).toMatchObject({ pointer: '/steps/5/to', code: 'workflow.missingRecipients' });
    expect(
      only(
        approval((w) => {
          w.steps[5].connector = 'dingtalk-hr';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/5/connector', code: 'workflow.unexpectedConnector' });
    expect(
      only(
        streak((w) => {
          delete w.steps[1].connector;
        }),
      ),
    ).toMatchObject({ pointer: '/steps/1/connector', code: 'workflow.missingConnector' });
  });

  it('checks message and request placeholders name fields or variables', () => {
    const field = only(
      approval((w) => {
        w.steps[5].message['zh-CN'] = '得分 {{ scor }}';
      }),
    );
    expect(field).toMatchObject({
      pointer: '/steps/5/message/zh-CN',
      code: 'workflow.unknownPlaceholder',
      value: 'scor',
    });
    expect(field.message.en).toContain('did you mean {{score}}?');
    expect(
      only(
        approval((w) => {
          w.steps[4].path = '/people/{{employe}}';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/4/path', code: 'workflow.unknownPlaceholder' });
    expect(
      only(
        reminder((w) => {
          w.steps[4].message = 'run {{$run.idd}}';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/4/message', code: 'workflow.unknownPlaceholder', value: '$run.idd' });
    // Without the form, field placeholders cannot be checked.
    expect(
      issues(
        approval((w) => {
          w.steps[5].message['zh-CN'] = '得分 {{scor}}';
        }),
        {},
      ),
    ).toEqual([]);
  });
});

describe('workflows: metric streak triggers', () => {
  it('checks the group, measure, date field and baseline against the source form', () => {
    const at = (edit: Edit) => only(streak(edit));
    expect(
      at((w) => {
        w.trigger.query.groupBy = 'employe';
      }),
    ).toMatchObject({ pointer: '/trigger/query/groupBy', code: 'workflow.unknownField' });
    expect(
      at((w) => {
        w.trigger.query.groupBy = 'kpis';
      }),
    ).toMatchObject({ pointer: '/trigger/query/groupBy', code: 'workflow.notGroupable' });
    expect(
      at((w) => {
        delete w.trigger.query.measure.field;
      }),
    ).toMatchObject({ pointer: '/trigger/query/measure', code: 'workflow.missingMeasureField' });
    expect(
      at((w) => {
        w.trigger.query.measure.field = 'status';
      }),
    ).toMatchObject({ pointer: '/trigger/query/measure/field', code: 'workflow.notAggregatable' });
    expect(
      at((w) => {
        w.trigger.query.dateField = 'status';
      }),
    ).toMatchObject({ pointer: '/trigger/query/dateField', code: 'workflow.notADate' });
    expect(
      at((w) => {
        w.trigger.query.filter = 'status';
      }),
    ).toMatchObject({ pointer: '/trigger/query/filter', code: 'formula.notLogical' });
    expect(
      at((w) => {
        w.trigger.baseline = { field: 'comment' };
      }),
    ).toMatchObject({ pointer: '/trigger/baseline/field', code: 'workflow.notAggregatable' });
    expect(
      at((w) => {
        w.trigger.baseline = { formula: 'comment & "!"' };
      }),
    ).toMatchObject({ pointer: '/trigger/baseline/formula', code: 'formula.notNumber' });
    expect(
      at((w) => {
        w.trigger.query.timeZone = 'Asia/Shangai';
      }),
    ).toMatchObject({ pointer: '/trigger/query/timeZone', code: 'workflow.badTimeZone' });
  });

  it('accepts counts without a field, date fields and number baselines', () => {
    expect(
      issues(
        streak((w) => {
          w.trigger.query.measure = { op: 'count' };
          w.trigger.query.dateField = 'period';
          w.trigger.baseline = { formula: 'totalWeight * 0.6' };
          w.trigger.direction = 'lowerIsBetter';
        }),
      ),
    ).toEqual([]);
    expect(
      issues(
        streak((w) => {
          w.trigger.baseline = { field: 'totalWeight' };
        }),
      ),
    ).toEqual([]);
  });

  it('lets steps read the group field and $streak variables only', () => {
    const check = (when: string) =>
      streak((w) => {
        w.steps.push({ id: 'check', type: 'condition', branches: [{ when, next: 'notifyInbox' }] });
        w.start = 'check';
      });
    expect(issues(check('$streak.value < $streak.baseline - 10'))).toEqual([]);
    expect(only(check('$streak.valu < 50'))).toMatchObject({
      pointer: '/steps/3/branches/0/when',
      code: 'formula.unknownVariable',
    });
    expect(only(check('score < 50'))).toMatchObject({ code: 'formula.unknownField' });
    expect(
      only(
        streak((w) => {
          w.steps[0].message.en = 'score {{score}}';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/0/message/en', code: 'workflow.unknownPlaceholder' });
  });

  it('has no record to update and no submitter', () => {
    expect(
      only(
        streak((w) => {
          w.steps[1].next = 'touch';
          w.steps.push({
            id: 'touch',
            type: 'updateRecord',
            set: [{ field: 'status', formula: '"x"' }],
            next: 'done',
          });
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/type', code: 'workflow.noRecord' });
    expect(
      only(
        streak((w) => {
          w.steps[0].to = [{ type: 'submitter' }];
        }),
      ),
    ).toMatchObject({ pointer: '/steps/0/to/0/type', code: 'workflow.noRecord' });
  });
});

describe('workflows: schedules and waits', () => {
  it('checks the cron expression and the time zone', () => {
    const fields = only(
      reminder((w) => {
        w.trigger.cron = '0 9 * *';
      }),
      {},
    );
    expect(fields).toMatchObject({ pointer: '/trigger/cron', code: 'workflow.badCron' });
    expect(fields.message.en).toBe('a cron expression has 5 fields (minute hour day month weekday), not 4');
    expect(
      only(
        reminder((w) => {
          w.trigger.cron = '0 25 * * 1';
        }),
      ).message.en,
    ).toContain('"25" is not valid in the cron hour field');
    expect(
      only(
        reminder((w) => {
          w.trigger.timeZone = 'Mars/Olympus';
        }),
      ),
    ).toMatchObject({ pointer: '/trigger/timeZone', code: 'workflow.badTimeZone' });
  });

  it('has no record to read fields from', () => {
    expect(
      only(
        reminder((w) => {
          w.steps[0].to = [{ type: 'field', path: 'employee' }];
        }),
      ),
    ).toMatchObject({ pointer: '/steps/0/to/0/path', code: 'workflow.noRecord' });
    expect(
      only(
        reminder((w) => {
          w.steps[4].message = '{{$record.id}}';
        }),
      ),
    ).toMatchObject({ code: 'workflow.unknownPlaceholder' });
  });

  it('requires exactly one of duration and until, each well-formed', () => {
    expect(
      only(
        reminder((w) => {
          w.steps[1].duration = 'P1D';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/1', code: 'workflow.waitNeedsOne' });
    expect(
      only(
        reminder((w) => {
          delete w.steps[1].until;
        }),
      ),
    ).toMatchObject({ pointer: '/steps/1', code: 'workflow.waitNeedsOne' });
    expect(
      only(
        reminder((w) => {
          w.steps[1].until = '"Thursday"';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/1/until', code: 'formula.notDate' });
    expect(
      only(
        reminder((w) => {
          w.steps[3].duration = 'PT';
        }),
      ),
    ).toMatchObject({ pointer: '/steps/3/duration', code: 'workflow.badDuration' });
  });
});

describe('workflow time texts', () => {
  it('accepts the usual cron forms and rejects out-of-range values', () => {
    for (const cron of [
      '0 9 * * 1',
      '*/15 8-18 * * MON-FRI',
      '0 0 1 JAN,JUL *',
      '30 17 * * 0,7',
      '0 9 1-7/2 * *',
    ]) {
      expect(cronProblem(cron), cron).toBeUndefined();
    }
    for (const cron of [
      '60 * * * *',
      '* * 0 * *',
      '* * * 13 *',
      '* * * * 8',
      '*/0 * * * *',
      '5-1 * * * *',
      '@daily',
    ]) {
      expect(cronProblem(cron), cron).toBeDefined();
    }
  });

  it('accepts ISO 8601 durations above zero', () => {
    for (const text of ['P1D', 'PT24H', 'P1W', 'P1Y2M3DT4H5M6.5S', 'PT30M']) {
      expect(durationProblem(text), text).toBeUndefined();
    }
    for (const text of ['P', 'PT', 'P1DT', '1D', 'P0D', 'p1d', 'PT1.5H']) {
      expect(durationProblem(text), text).toBeDefined();
    }
  });
});
