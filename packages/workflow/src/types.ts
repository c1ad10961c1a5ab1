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
}

/** Where side effects leave the process; the server implements it with its guarded fetch and connectors. */
export interface OutboundPort {
  /** Delivers a message; resolves with what to record (e.g. the status), throws when it failed. */
  send(message: OutboundMessage): Promise<unknown>;
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
}

/**
 * An approval task as the store keeps it (`store.workflows.approvals`): assignees, decisions, due and
 * escalation times. Named here until @formboard/storage's index exports its `Approval` type.
 */
export type Approval = Awaited<ReturnType<Store['workflows']['approvals']['get']>>;
