import type { StepOutcome, Store, WorkflowRun } from '@formboard/storage';
import type { RunContext } from '../runScope.ts';
import type { Clock, OutboundPort } from '../types.ts';

/** What a step executor gets: the engine's ports and the run at the step. */
export interface StepContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly outbound: OutboundPort;
  readonly run: WorkflowRun;
  readonly context: RunContext;
  /** The idempotency key of this step's side effect: run, step sequence number and step id. */
  readonly effectKey: string;
  /**
   * Whether this is the step's first try: the run was started by this engine moments ago, leased to
   * it, and walked by nobody else, so no earlier attempt can have left an effect or a record write
   * under the step's key to be found again. After a crash, a yield or a park it is false.
   */
  readonly firstTry: boolean;
  /** Renews the engine's lease on the run when due; throws when it was lost. Called before an outbound call. */
  readonly keepLease: () => Promise<void>;
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
export type StepResult = StepOutcome | Parked;
