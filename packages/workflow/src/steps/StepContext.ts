import type { StepOutcome, Store, WorkflowEffect, WorkflowRun } from '@formboard/storage';
import type { RunContext } from '../runScope.ts';
import type { Clock, OutboundPort } from '../types.ts';

/** A side effect to record as pending before it happens (an outbound call, a wait's wake time). */
export type NewEffect = Omit<WorkflowEffect, 'status' | 'result'>;

/** What a step executor gets: the engine's ports and the run at the step. */
export interface StepContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly outbound: OutboundPort;
  readonly run: WorkflowRun;
  readonly context: RunContext;
  /** The idempotency key of this step's side effect: run, step sequence number and step id. */
  readonly effectKey: string;
  /** Renews the engine's lease on the run when due; throws when it was lost. Called before an outbound call. */
  readonly keepLease: () => Promise<void>;
  /**
   * Records this step's effect as pending — in one transaction with the steps of the walk done before
   * it and not written yet — and returns it as it stands (the first payload recorded under its key,
   * and whether it is done). Before an outbound call: what the run did before it is written first.
   */
  readonly beginEffect: (effect: NewEffect) => Promise<WorkflowEffect>;
}

/** The fields a workflow step writes into a record. */
export type RecordValues = Record<string, unknown>;

/**
 * A record write a step plans: made in the transaction that moves the run past the step, so the
 * write and the step's being done are committed together or not at all. The actor names the step's
 * effect (`workflow:<effect key>`).
 */
export type RecordWrite =
  | {
      readonly kind: 'record.update';
      readonly actor: string;
      readonly recordId: string;
      /** The revision the values were computed from: a record changed since is planned again. */
      readonly baseRevision: number;
      readonly data: RecordValues;
    }
  | {
      readonly kind: 'record.create';
      readonly actor: string;
      readonly formId: string;
      readonly ownerId: string;
      readonly data: RecordValues;
    };

/** How a step leaves its run, with the record write it plans (written with the run's advance). */
export interface PlannedOutcome extends StepOutcome {
  readonly write?: RecordWrite;
}

/** Where a step goes next: the given step, or the end of the run. */
export function goTo(next: string | undefined): Pick<StepOutcome, 'stepId' | 'status'> {
  return next === undefined ? { stepId: null, status: 'done' } : { stepId: next, status: 'running' };
}

/** A step that left its run waiting (an approval not decided yet, a wait not over): nothing to advance. */
export interface Parked {
  readonly parked: true;
}

/** What doing a step gives: where the run goes next, or that it waits. */
export type StepResult = PlannedOutcome | Parked;
