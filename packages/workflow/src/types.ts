import type { Store } from '@formboard/storage';

/** The engine's clock, injected so tests drive time and the server uses the real one. */
export interface Clock {
  now(): Date;
}

/** Text in both languages, rendered from a step's templates. */
export type RenderedText = { readonly 'zh-CN': string; readonly en: string };

/**
 * One outbound delivery: a robot message, a webhook or an HTTP request. The idempotency key is the
 * same on every attempt of the same effect, so a receiver (or the server's sender) can drop a repeat
 * that a crash in the middle of a call would otherwise cause.
 */
export interface OutboundMessage {
  readonly idempotencyKey: string;
  readonly kind: 'notify' | 'http';
  /** dingtalk, wecom, feishu, webhook for notify; http for requests. */
  readonly channel: string;
  /** The admin-configured connector holding URL, secret and signing. */
  readonly connector: string;
  readonly subject: RenderedText | null;
  readonly text: RenderedText | null;
  /** Users a robot may @-mention. */
  readonly mentions: readonly string[];
  /** HTTP requests only. */
  readonly method?: string;
  readonly path?: string;
  readonly body?: string;
  /** The run that sends it (absent in messages recorded by an older engine). */
  readonly workflowId?: string;
  readonly runId?: string;
  readonly stepId?: string;
  /** When the message was first recorded (ISO): the same on every attempt, unlike the attempt's time. */
  readonly createdAt?: string;
}

/**
 * Where side effects leave the process; the server implements it with its guarded fetch and connectors.
 * A call should give up well within half the engine's `leaseMs` (the lease is renewed before it).
 */
export interface OutboundPort {
  /**
   * Delivers a message; resolves with what to record (e.g. the status). Throws `StepFailed` when
   * trying again cannot help (the receiver refused the message), any other error when it may (the
   * step is retried with backoff, with the same idempotency key and payload).
   */
  send(message: OutboundMessage): Promise<unknown>;
}

/**
 * How a step that failed for now is tried again: at most `attempts` tries in all, waiting
 * `firstDelayMs` after the first failure and twice as long after each next one (± 20 %, the same for
 * the same effect and attempt), at most `maxDelayMs`.
 */
export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** Options of `createWorkflowEngine`. */
export interface WorkflowEngineOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly outbound: OutboundPort;
  /** Run ids, alert ids; default crypto.randomUUID. */
  readonly newId?: () => string;
  /** Steps one run may take in one go before yielding (guards loops); default 200. */
  readonly maxStepsPerAdvance?: number;
  /** This engine's name in the database's leases; default host name, process id and a random part. */
  readonly holder?: string;
  /**
   * How long a lease on a run or a trigger lasts unless renewed (default 60 s): after a crash, other
   * engines (or this one restarted) take the work over once it ran out.
   */
  readonly leaseMs?: number;
  /**
   * How many schedule and metric triggers a tick judges at once, and how many runs it walks at once
   * (each within its workflow's concurrency limit); default 8.
   */
  readonly tickParallelism?: number;
  /** Record events taken from the outbox in one transaction at most; default 200. */
  readonly eventBatch?: number;
  /** Runs started by record events walked at once; default 256. */
  readonly eventParallelism?: number;
  /** Retries of steps that failed for now; default 10 tries, 30 s doubling up to 1 h (≈ 3 h in all). */
  readonly retry?: Partial<RetryPolicy>;
}

/**
 * An approval task as the store keeps it (`store.workflows.approvals`): assignees, decisions, due and
 * escalation times. Named here until @formboard/storage's index exports its `Approval` type.
 */
export type Approval = Awaited<ReturnType<Store['workflows']['approvals']['get']>>;
