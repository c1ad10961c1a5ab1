import type { HeardRecordEvent, RecordEvent, RecordEventData, RunToStart } from '@formboard/storage';
import type { PublishedWorkflow } from '../definitions.ts';
import { RunLease } from '../leases.ts';
import { advanceRun, type Held, type RunnerDeps } from '../runner.ts';
import { isWorkflowActor } from '../steps/recordSteps.ts';
import { planTriggered, type RecordChange, runOf } from './recordTrigger.ts';

const CHANGE: Record<RecordEvent['operation'], RecordChange['type']> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
};

/** How the pump works: events per take, and how many runs it walks at once. */
export interface PumpSettings {
  readonly batch: number;
  readonly parallelism: number;
  readonly newId: () => string;
}

/** What draining the outbox did, since the drain began. */
export interface DrainReport {
  /** Events taken from the outbox (each exactly once across all engines). */
  readonly events: number;
  /** Events whose trigger conditions were evaluated (not workflow writes, not forms nobody listens to). */
  readonly evaluated: number;
  /** Runs started. */
  readonly started: number;
}

/**
 * Takes record events from the store's outbox and walks the runs they start. One loop per engine:
 * it takes a batch (one transaction: the events go, their runs come), walks its runs in the
 * background, and takes the next batch while they walk — as long as events keep coming (`drain()`
 * wakes it) or runs are still walking, with at most `parallelism` runs at once. A change made by a
 * workflow step starts nothing (no chains, no loops), as with the server's event bus before.
 */
export class RecordEventPump {
  private running: Promise<DrainReport> | undefined;
  private woken = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly settings: PumpSettings,
  ) {}

  /** Whether the loop is running (taking events or walking their runs). */
  get draining(): boolean {
    return this.running !== undefined;
  }

  /**
   * Makes sure the waiting events are taken: starts the loop, or tells the running one to look again.
   * Resolves when the loop has found nothing more to take and walked every run it started.
   */
  drain(): Promise<DrainReport> {
    this.woken = true;
    this.wake?.();
    this.running ??= this.loop();
    return this.running;
  }

  private async loop(): Promise<DrainReport> {
    const walks = new Set<Promise<void>>();
    const report = { events: 0, evaluated: 0, started: 0 };
    let failure: unknown;
    // Walks write records too: once they are done, one more look takes those changes off the outbox.
    let walked = false;
    try {
      for (;;) {
        const room = this.settings.parallelism - walks.size;
        if (this.woken && room > 0) {
          this.woken = false;
          const limit = Math.max(1, Math.min(this.settings.batch, room * 4));
          const { events, evaluated, held } = await this.take(limit);
          report.events += events;
          report.evaluated += evaluated;
          report.started += held.length;
          // A full batch: more may be waiting.
          if (events === limit) this.woken = true;
          for (const { run, lease } of held) {
            const leased: Held | undefined = lease ? { run, lease } : undefined;
            const walk: Promise<void> = advanceRun(this.deps, run.id, leased).then(
              () => {
                walked = true;
              },
              (error: unknown) => {
                failure ??= error;
              },
            );
            walks.add(walk);
            void walk.finally(() => walks.delete(walk));
          }
          if (this.woken && walks.size < this.settings.parallelism) continue;
        }
        if (walks.size === 0 && !this.woken) {
          if (!walked) break;
          walked = false;
          this.woken = true;
          continue;
        }
        await Promise.race([...walks, new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = undefined;
      }
    } finally {
      // Cleared before the loop's promise settles, so a drain() from now on starts a new loop.
      this.running = undefined;
      this.wake = undefined;
    }
    // A run that could not be walked now stays running; a tick walks it later.
    if (failure !== undefined) throw failure;
    return report;
  }

  // One batch: the events taken, how many were evaluated, and the runs started, leased to this engine.
  // The outbox says which workflow versions heard each event (read in its transaction); a version this
  // engine's list lacks was published after the list was read: the take is undone and tried again.
  private async take(limit: number) {
    for (let tries = 1; ; tries++) {
      try {
        return await this.takeWith(limit, await recordWorkflows(this.deps));
      } catch (error) {
        if (!(error instanceof StaleWorkflows) || tries >= MAX_TRIES) throw error;
      }
    }
  }

  private async takeWith(limit: number, workflows: ReadonlyMap<string, PublishedWorkflow>) {
    const now = this.deps.clock.now();
    const leases = new Map<string, RunLease>();
    let evaluated = 0;
    const plan = (events: readonly RecordEventData[]): RunToStart[] => {
      evaluated += events.length;
      return events.flatMap((event) =>
        planTriggered(heardBy(workflows, event), { ...event, type: CHANGE[event.operation] }, now).map(
          (p) => {
            const id = this.settings.newId();
            // Without a concurrency limit the run starts leased to this engine: no separate claim.
            const lease = p.workflow.definition.concurrency ? undefined : RunLease.grant(this.deps, id);
            if (lease) leases.set(id, lease);
            return { run: runOf(p, id, now), lease: lease?.written };
          },
        ),
      );
    };
    const taken = await this.deps.store.workflows.recordEvents.take({
      limit,
      wants: (event) => !isWorkflowActor(event.actor) && event.listeners.length > 0,
      plan,
    });
    const held = taken.started.map((run) => ({ run, lease: leases.get(run.id) }));
    return { events: taken.events, evaluated, held };
  }
}

// Tries of a take whose list of workflows was older than the outbox's listeners (a publish between).
const MAX_TRIES = 5;

/** A take met a workflow version published after the engine listed the workflows. */
class StaleWorkflows extends Error {}

/** The published record workflows, by id. */
async function recordWorkflows(deps: RunnerDeps): Promise<Map<string, PublishedWorkflow>> {
  const published = await deps.definitions.published();
  return new Map(published.filter((w) => w.definition.trigger.type === 'record').map((w) => [w.id, w]));
}

/** The workflows that heard an event, as this engine knows them; throws StaleWorkflows for one it does not. */
function heardBy(workflows: ReadonlyMap<string, PublishedWorkflow>, event: HeardRecordEvent) {
  return event.listeners.map(({ workflowId, version }) => {
    const workflow = workflows.get(workflowId);
    if (workflow?.version !== version) throw new StaleWorkflows(`${workflowId}@${version}`);
    return workflow;
  });
}
