import {
  type RecordStore,
  type StepOutcome,
  type Store,
  StoreError,
  type WorkflowEffect,
  type WorkflowRun,
} from '@formboard/storage';
import { writeRecord } from './steps/recordSteps.ts';
import type { NewEffect, PlannedOutcome } from './steps/StepContext.ts';

/** Another engine moved the run on meanwhile (it owns the rest of the walk): nothing was written. */
export class RunMoved extends Error {
  constructor(runId: string) {
    super(`workflow run ${runId} was moved on by another engine`);
    this.name = 'RunMoved';
  }
}

/**
 * The store refused the record write of the unwritten step at `index` (the record changed since it
 * was planned, became invalid, was deleted): nothing of the transaction was written.
 */
export class WriteRefused extends Error {
  constructor(
    readonly index: number,
    readonly refusal: StoreError,
  ) {
    super(refusal.message);
    this.name = 'WriteRefused';
  }
}

/**
 * The steps a walk has done and not written yet, and how they are written: in one transaction that
 * makes their record writes, writes their inbox messages, records their effects done and moves the
 * run past them (`advanceSteps`, which refuses when another engine moved the run first). So a record
 * write or an inbox message exists exactly when the run is past its step: a crash before the commit
 * leaves neither, and the step is done again; after it, both, and it is never done again.
 */
export class StepWriter {
  private pending: PlannedOutcome[] = [];

  constructor(
    private readonly store: Store,
    private written: WorkflowRun,
  ) {}

  /** The run as last written. */
  get run(): WorkflowRun {
    return this.written;
  }

  /** Whether an unwritten step writes a record. */
  get writesRecords(): boolean {
    return this.pending.some((outcome) => outcome.write !== undefined);
  }

  /** Keeps a step's outcome for the next write. */
  add(outcome: PlannedOutcome): void {
    this.pending.push(outcome);
  }

  /** Writes the unwritten steps (see the class). Throws `RunMoved` or `WriteRefused`. */
  async write(): Promise<void> {
    if (this.pending.length > 0) await this.commit();
  }

  /**
   * Records `effect` as pending in the same transaction as the unwritten steps (before an outbound
   * call, so the call comes after everything the run did before it); returns the effect as stored.
   */
  async writeAndBegin(effect: NewEffect): Promise<WorkflowEffect> {
    if (this.pending.length === 0) return this.store.workflows.runs.beginEffect(effect);
    return (await this.commit(effect)) as WorkflowEffect;
  }

  /**
   * After `refused`: writes the steps before the refused one alone, so the run stands at the refused
   * step. Returns the refusal of the step it now stands at (an earlier one's, if the store refused
   * that one meanwhile).
   */
  async writeBefore(refused: WriteRefused): Promise<WriteRefused> {
    let at = refused;
    for (;;) {
      this.pending = this.pending.slice(0, at.index);
      try {
        await this.write();
        return at;
      } catch (error) {
        if (!(error instanceof WriteRefused)) throw error;
        at = error;
      }
    }
  }

  private async commit(begin?: NewEffect): Promise<WorkflowEffect | undefined> {
    const { id, stepSeq } = this.written;
    const outcomes = this.pending;
    const runs = this.store.workflows.runs;
    try {
      // Nothing to write but the run's advance: the store's own (one statement on PostgreSQL).
      const [run, effect] =
        begin === undefined && outcomes.every((outcome) => outcome.write === undefined)
          ? [await runs.advanceSteps(id, stepSeq, outcomes), undefined]
          : await this.store.transaction(async (tx) => {
              const done: StepOutcome[] = [];
              for (const [index, outcome] of outcomes.entries())
                done.push(await withWrite(tx.records, outcome, index));
              const moved = await tx.workflows.runs.advanceSteps(id, stepSeq, done);
              return [moved, begin && (await tx.workflows.runs.beginEffect(begin))] as const;
            });
      this.written = run;
      this.pending = [];
      return effect;
    } catch (error) {
      // A record's conflict comes as WriteRefused: a conflict here is the advance's, the run's.
      if (error instanceof StoreError && error.code === 'conflict') throw new RunMoved(id);
      throw error;
    }
  }
}

// The outcome with its record written and the write's result (a created record's id) in its effect;
// a refusal of the store is told with the step's place among the unwritten ones.
async function withWrite(records: RecordStore, outcome: PlannedOutcome, index: number): Promise<StepOutcome> {
  const { write, ...rest } = outcome;
  if (!write) return rest;
  let result: unknown;
  try {
    result = await writeRecord(records, write);
  } catch (error) {
    if (error instanceof StoreError) throw new WriteRefused(index, error);
    throw error;
  }
  return rest.effect ? { ...rest, effect: { ...rest.effect, result } } : rest;
}
