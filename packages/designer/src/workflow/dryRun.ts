import type { LocalizedMessage } from '@formboard/formula';
import {
  DEFAULT_TIME_ZONE,
  type FormDefinition,
  fillLocalized,
  indexFields,
  localize,
} from '@formboard/schema';
import { describeAssignees, describeDuration, type FieldLabel } from './describe.ts';
import { type Flow, flowOf } from './flow.ts';
import { type FormulaOutcome, type RunScope, runFormula } from './runFormula.ts';
import { describeCron } from './schedulePresets.ts';
import { type StreakDryRun, streakDryRun } from './streakDryRun.ts';
import type { Step, Workflow } from './workflowTypes.ts';

/** What a dry run tries the workflow on. */
export interface DryRunSample {
  /** The form of the record (field labels in descriptions); optional. */
  readonly form?: FormDefinition;
  /** The record's values (for a metric streak: the group's, e.g. `{ owner: 'zhang.san' }`). */
  readonly record: Readonly<Record<string, unknown>>;
  /** The values before the change (`$old`); with them the event defaults to "updated". */
  readonly previous?: Readonly<Record<string, unknown>>;
  readonly event?: 'created' | 'updated' | 'deleted';
  /** Default: now. */
  readonly now?: Date;
  /** Which way approvals are decided in the dry run; default approve. */
  readonly approvals?: 'approve' | 'reject';
  /** Metric streak: the group's values of consecutive closed periods, oldest first (null: no data). */
  readonly periods?: readonly (number | null)[];
  /** Metric streak with a baseline field: that field's aggregate per period. */
  readonly baselines?: readonly (number | null)[];
}

/** A step in the dry run: whether it would run, why, and what it would do. */
export interface DryRunStep {
  readonly id: string;
  readonly fires: boolean;
  readonly reason: LocalizedMessage;
  /** A condition's branches, each with its formula's result (in order; the first TRUE one is taken). */
  readonly branches?: readonly { readonly when: string; readonly outcome: FormulaOutcome }[];
  /** Who it addresses (approvers, recipients, escalation), described from the rules. */
  readonly addresses?: LocalizedMessage;
  /** A notification's subject and text with the placeholders filled. */
  readonly subject?: { 'zh-CN': string; en: string };
  readonly message?: { 'zh-CN': string; en: string };
  /** Values a record step would write. */
  readonly values?: readonly { readonly field: string; readonly outcome: FormulaOutcome }[];
}

/** What a dry run found. */
export interface DryRunResult {
  /** Whether a run would start, and why. */
  readonly trigger: {
    readonly fires: boolean;
    readonly reason: LocalizedMessage;
    readonly condition?: FormulaOutcome;
  };
  /** The metric-streak verdicts per period, for a metric trigger given periods. */
  readonly streak?: StreakDryRun;
  /** Every step, in the order the flow shows them. */
  readonly steps: readonly DryRunStep[];
  /** The ids of the steps that would run, in the order they would. */
  readonly path: readonly string[];
}

const MAX_STEPS = 500;

const both = (zh: string, en: string): LocalizedMessage => ({ 'zh-CN': zh, en });

/**
 * Which steps would run for a sample record, without running anything: the trigger's condition, each
 * condition's branches, approvals decided one way (`approvals`), the people each step would address
 * (described, not looked up) and the messages with their placeholders filled. Formulas are evaluated
 * with @formboard/formula as the engine evaluates them.
 */
export function dryRun(workflow: Workflow, sample: DryRunSample): DryRunResult {
  const now = sample.now ?? new Date();
  const { trigger: triggered, scope, streak } = startRun(workflow, sample, now);
  const label = fieldLabels(sample.form);
  const flow = flowOf(workflow);
  const done = new Map<string, DryRunStep>();
  const path: string[] = [];
  const chosenArm = new Map<string, number>();
  if (triggered.fires) {
    const byId = new Map(workflow.steps.map((s) => [s.id, s]));
    let current: string | undefined = workflow.start;
    while (current !== undefined && path.length < MAX_STEPS && !done.has(current)) {
      const step = byId.get(current);
      if (!step) break;
      const walked = walkStep(step, scope, sample.approvals ?? 'approve', label);
      done.set(step.id, walked.result);
      path.push(step.id);
      if (walked.arm !== undefined) chosenArm.set(step.id, walked.arm);
      current = walked.next;
    }
  }
  const steps = [...flow.order, ...flow.loose].map(
    (id) =>
      done.get(id) ?? { id, fires: false, reason: skipReason(id, flow, triggered.fires, chosenArm, done) },
  );
  return streak ? { trigger: triggered, streak, steps, path } : { trigger: triggered, steps, path };
}

function startRun(
  workflow: Workflow,
  sample: DryRunSample,
  now: Date,
): { trigger: DryRunResult['trigger']; scope: RunScope; streak?: StreakDryRun } {
  const { trigger } = workflow;
  const run = { id: 'dry-run', startedAt: now.toISOString() };
  switch (trigger.type) {
    case 'record': {
      const event = sample.event ?? (sample.previous ? 'updated' : 'created');
      const scope: RunScope = {
        data: sample.record,
        variables: { old: event === 'created' ? {} : (sample.previous ?? {}), event, run },
        now,
        timeZone: DEFAULT_TIME_ZONE,
      };
      if (!trigger.events.includes(event)) {
        return {
          trigger: {
            fires: false,
            reason: both(
              `触发器不响应“${EVENTS[event]['zh-CN']}”`,
              `the trigger does not react to “${EVENTS[event].en}”`,
            ),
          },
          scope,
        };
      }
      if (trigger.condition === undefined) {
        return {
          trigger: {
            fires: true,
            reason: both(
              `记录${EVENTS[event]['zh-CN']}，无触发条件`,
              `the record was ${EVENTS[event].en}; no condition`,
            ),
          },
          scope,
        };
      }
      const condition = runFormula(trigger.condition, scope);
      const fires = condition.ok && condition.holds;
      const reason = fires
        ? both('触发条件成立', 'the trigger condition holds')
        : condition.ok
          ? both('触发条件不成立，不会启动流程', 'the trigger condition does not hold: no run starts')
          : condition.problem;
      return { trigger: { fires, reason, condition }, scope };
    }
    case 'schedule': {
      const timeZone = trigger.timeZone ?? DEFAULT_TIME_ZONE;
      const when = describeCron(trigger.cron);
      const scope: RunScope = {
        data: {},
        variables: { run: { ...run, scheduledAt: run.startedAt } },
        now,
        timeZone,
      };
      return {
        trigger: {
          fires: true,
          reason: both(`按计划运行：${when['zh-CN']}`, `runs on schedule: ${when.en}`),
        },
        scope,
      };
    }
    case 'metricStreak': {
      const timeZone = trigger.query.timeZone ?? DEFAULT_TIME_ZONE;
      const judged = streakDryRun(trigger, sample.periods ?? [], sample.baselines);
      const at = judged.firesAt[0];
      const verdict = at === undefined ? undefined : judged.periods[at];
      const values =
        at === undefined ? [] : judged.periods.slice(at - trigger.periods + 1, at + 1).map((p) => p.value);
      const group = sample.record[trigger.query.groupBy];
      const scope: RunScope = {
        data: { [trigger.query.groupBy]: group },
        variables: {
          streak: {
            value: verdict?.value ?? null,
            baseline: verdict?.baseline ?? null,
            values,
            periods: verdict?.streak ?? 0,
          },
          alert: { id: 'dry-run' },
          run,
        },
        now,
        timeZone,
      };
      const reason =
        judged.problem ??
        (at === undefined
          ? both(
              `没有连续 ${trigger.periods} 期差于基线，不会触发`,
              `no ${trigger.periods} bad periods in a row: it does not fire`,
            )
          : both(
              `第 ${at + 1} 期时已连续 ${trigger.periods} 期差于基线，触发`,
              `fires at period ${at + 1}: ${trigger.periods} bad periods in a row`,
            ));
      return { trigger: { fires: at !== undefined, reason }, scope, streak: judged };
    }
  }
}

const EVENTS: Readonly<Record<'created' | 'updated' | 'deleted', LocalizedMessage>> = {
  created: { 'zh-CN': '新建', en: 'created' },
  updated: { 'zh-CN': '修改', en: 'updated' },
  deleted: { 'zh-CN': '删除', en: 'deleted' },
};

function fieldLabels(form: FormDefinition | undefined): FieldLabel {
  const fields = form ? indexFields(form.data).fields : undefined;
  return (path) => {
    const title = fields?.get(path)?.title as Parameters<typeof localize>[0];
    return { 'zh-CN': localize(title, 'zh-CN') || path, en: localize(title, 'en') || path };
  };
}

function walkStep(
  step: Step,
  scope: RunScope,
  approvals: 'approve' | 'reject',
  label: FieldLabel,
): { result: DryRunStep; next: string | undefined; arm?: number } {
  const id = step.id;
  switch (step.type) {
    case 'condition': {
      const branches = step.branches.map((b) => ({ when: b.when, outcome: runFormula(b.when, scope) }));
      const taken = branches.findIndex((b) => b.outcome.ok && b.outcome.holds);
      const reason =
        taken < 0
          ? both('没有分支成立，走“其他情况”', 'no branch holds: “otherwise” is taken')
          : both(`第 ${taken + 1} 个分支成立`, `branch ${taken + 1} holds`);
      const next = taken < 0 ? step.otherwise : step.branches[taken]?.next;
      return {
        result: { id, fires: true, reason, branches },
        next,
        arm: taken < 0 ? step.branches.length : taken,
      };
    }
    case 'approval': {
      const who = describeAssignees(step.assignees, label);
      const mode =
        step.mode === 'all' ? both('所有人同意', 'everyone approves') : both('任一人处理', 'anyone decides');
      const due = step.due ? describeDuration(step.due) : undefined;
      const escalation = step.escalation
        ? {
            after: describeDuration(step.escalation.after),
            to: describeAssignees([step.escalation.to], label),
          }
        : undefined;
      const addresses = both(
        `${who['zh-CN']}（${mode['zh-CN']}${due ? `，${due['zh-CN']}内` : ''}${escalation ? `；${escalation.after['zh-CN']}未处理升级给${escalation.to['zh-CN']}` : ''}）`,
        `${who.en} (${mode.en}${due ? `, within ${due.en}` : ''}${escalation ? `; after ${escalation.after.en} also ${escalation.to.en}` : ''})`,
      );
      const approved = approvals === 'approve';
      const reason = approved
        ? both('等待审批；试运行按“同意”继续', 'waits for approval; the dry run continues as approved')
        : both('等待审批；试运行按“驳回”继续', 'waits for approval; the dry run continues as rejected');
      const next = approved ? step.onApprove : step.onReject;
      return { result: { id, fires: true, reason, addresses }, next, arm: approved ? 0 : 1 };
    }
    case 'notify': {
      const addresses = step.to ? describeAssignees(step.to, label) : both('群机器人', 'the group robot');
      const result: DryRunStep = {
        id,
        fires: true,
        reason: both('发送通知', 'sends a notification'),
        addresses,
        message: fillLocalized(step.message, scope),
        ...(step.subject ? { subject: fillLocalized(step.subject, scope) } : {}),
      };
      return { result, next: step.next };
    }
    case 'updateRecord':
    case 'createRecord': {
      const entries = step.type === 'updateRecord' ? step.set : step.values;
      const values = entries.map((e) => ({ field: e.field, outcome: runFormula(e.formula, scope) }));
      const reason =
        step.type === 'updateRecord'
          ? both('更新记录', 'updates the record')
          : both(`在表单 ${step.form} 中新建记录`, `creates a record of ${step.form}`);
      return { result: { id, fires: true, reason, values }, next: step.next };
    }
    case 'wait': {
      const until = step.until === undefined ? undefined : runFormula(step.until, scope);
      const span = step.duration ? describeDuration(step.duration) : undefined;
      const reason = span
        ? both(`等待 ${span['zh-CN']}`, `waits ${span.en}`)
        : both(
            `等待到 ${until?.ok ? String(until.value) : '?'}`,
            `waits until ${until?.ok ? String(until.value) : '?'}`,
          );
      return { result: { id, fires: true, reason }, next: step.next };
    }
    case 'http':
      return {
        result: {
          id,
          fires: true,
          reason: both(`调用 ${step.method} ${step.path}`, `calls ${step.method} ${step.path}`),
        },
        next: step.next,
      };
    case 'end':
      return { result: { id, fires: true, reason: both('流程结束', 'the run ends') }, next: undefined };
  }
}

/** Why a step would not run: no run starts, a branch not taken, or the run never gets there. */
function skipReason(
  id: string,
  flow: Flow,
  started: boolean,
  chosenArm: ReadonlyMap<string, number>,
  done: ReadonlyMap<string, DryRunStep>,
): LocalizedMessage {
  if (!started) return both('流程不会启动', 'no run starts');
  for (let position = flow.positions.get(id); position?.arm; ) {
    const { branch, index } = position.arm;
    if (done.has(branch) && chosenArm.get(branch) !== index) {
      return both(`不在本次所走的分支上（${branch}）`, `on a branch not taken (${branch})`);
    }
    position = flow.positions.get(branch);
  }
  if (!flow.positions.has(id)) return both('从起始步骤无法到达', 'cannot be reached from the start');
  return both('本次运行不会到达这里', 'the run does not get here');
}
