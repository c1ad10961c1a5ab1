import {
  type FormDefinition,
  migrate,
  WORKFLOW_SCHEMA_VERSION,
  type WorkflowTrigger,
} from '@formboard/schema';
import type { CommandResult } from '../core/Command.ts';
import { createDocumentStore, type DocumentStore } from '../core/createDocumentStore.ts';
import { randomId } from '../form/fieldKeys.ts';
import { addStep } from './commands/addStep.ts';
import { addArm, removeArm } from './commands/arms.ts';
import { moveStep, moveStepBy } from './commands/moveStep.ts';
import { removeSteps } from './commands/removeSteps.ts';
import { renameStep } from './commands/renameStep.ts';
import { setStepProperty } from './commands/setStepProperty.ts';
import { defaultTrigger, setTrigger, setTriggerProperty } from './commands/setTrigger.ts';
import { setWorkflowProperty, type WorkflowProperty } from './commands/setWorkflowProperty.ts';
import { type Flow, flowOf } from './flow.ts';
import type { StepPlace } from './places.ts';
import { workflowAdapter } from './workflowClipboard.ts';
import { createWorkflowChecker, type WorkflowDefinitionResult } from './workflowProblems.ts';
import type { StepType, TriggerType, Workflow } from './workflowTypes.ts';

/** Options of `createWorkflowDesigner`. */
export interface WorkflowDesignerOptions {
  /** The definition to edit; an older schemaVersion is migrated first. */
  readonly definition: Workflow;
  /** Makes the random part of new step ids; tests pass a counter. Default 5 random base-36 characters. */
  readonly nextId?: () => string;
  /** The forms the workflow may read, so problems include unknown fields and placeholders. */
  readonly forms?: (id: string) => FormDefinition | undefined;
}

/** The headless workflow designer: the document store of one workflow definition plus its commands. */
export interface WorkflowDesignerStore extends DocumentStore<Workflow> {
  /** Adds a step of a kind at a place (at the start, at the start of a branch arm, after a card). */
  addStep(type: StepType, place: StepPlace): CommandResult;
  /** Moves a step's card (a branch card with its arms) to a place. */
  moveStep(id: string, place: StepPlace): CommandResult;
  /** Moves a step's card one place up or down (out of a branch arm at its top or bottom). */
  moveStepBy(id: string, direction: 'up' | 'down'): CommandResult;
  /** Removes steps (a branch card with its arms); what led to them leads to what followed. */
  removeSteps(ids: readonly string[]): CommandResult;
  setStepProperty(id: string, key: string, value: unknown): CommandResult;
  /** Renames a step, with `start` and every link that names it; refused for an invalid or taken id. */
  renameStep(id: string, newId: string): CommandResult;
  /** Adds a condition branch, or an approval's rejection path. */
  addArm(id: string): CommandResult;
  /** Removes a branch arm with its steps (an approval's rejection path: rejections then end the run). */
  removeArm(id: string, arm: number): CommandResult;
  /** Replaces the trigger (kind and settings). */
  setTrigger(trigger: WorkflowTrigger): CommandResult;
  /** Switches the trigger to another kind with default settings (the form kept where it can be). */
  setTriggerType(type: TriggerType, fallbackForm?: string): CommandResult;
  /** Sets one trigger setting by its path: `cron`, `condition`, `query.groupBy`, `periods`… */
  setTriggerProperty(key: string, value: unknown): CommandResult;
  setWorkflowProperty(key: WorkflowProperty, value: unknown): CommandResult;
  /** The flow of cards of the current definition. */
  flow(): Flow;
  /** The current definition when it is valid, else every problem, each linked to its card. */
  toDefinition(): WorkflowDefinitionResult;
}

/** Creates the designer of one workflow definition. */
export function createWorkflowDesigner(options: WorkflowDesignerOptions): WorkflowDesignerStore {
  const nextId = options.nextId ?? randomId;
  const migrated = migrate(options.definition);
  const definition = (migrated.ok ? migrated.value : options.definition) as Workflow;
  const documents = createDocumentStore({ document: definition, adapter: workflowAdapter(nextId) });
  const check = createWorkflowChecker(options.forms);
  const { execute } = documents;
  return {
    ...documents,
    addStep: (type, place) => execute(addStep(type, place, nextId)),
    moveStep: (id, place) => execute(moveStep(id, place, nextId)),
    moveStepBy: (id, direction) => execute(moveStepBy(id, direction, nextId)),
    removeSteps: (ids) => execute(removeSteps(ids, nextId)),
    setStepProperty: (id, key, value) => execute(setStepProperty(id, key, value)),
    renameStep: (id, newId) => execute(renameStep(id, newId)),
    addArm: (id) => execute(addArm(id, nextId)),
    removeArm: (id, arm) => execute(removeArm(id, arm, nextId)),
    setTrigger: (trigger) => execute(setTrigger(trigger)),
    setTriggerType(type, fallbackForm = '') {
      const { trigger } = documents.getState().document;
      if (trigger.type === type) return { ok: true };
      return execute(setTrigger(defaultTrigger(type, trigger, fallbackForm)));
    },
    setTriggerProperty: (key, value) => execute(setTriggerProperty(key, value)),
    setWorkflowProperty: (key, value) => execute(setWorkflowProperty(key, value)),
    flow: () => flowOf(documents.getState().document),
    toDefinition: () => check(documents.getState().document),
  };
}

/** A new workflow to start designing from: a record trigger on a form and one notification to the submitter's supervisor. */
export function createEmptyWorkflow(id: string, title: Workflow['title'], form: string): Workflow {
  return {
    kind: 'workflow',
    id,
    schemaVersion: WORKFLOW_SCHEMA_VERSION,
    title,
    trigger: { type: 'record', form, events: ['created'] },
    start: 'notify',
    steps: [
      {
        type: 'notify',
        id: 'notify',
        title: { 'zh-CN': '通知主管', en: 'Tell the supervisor' },
        channel: 'inbox',
        to: [{ type: 'supervisor', of: 'submitter' }],
        message: { 'zh-CN': '有一条新记录需要你查看。', en: 'A new record needs your attention.' },
      },
    ],
  };
}
