import pg from 'pg';
import type { EngineCall, EngineProcess } from './engineProcess.ts';
import type { Received } from './webhookReceiver.ts';

// What the kill test needs to explain every repeated delivery: for each idempotency key, the calls
// the engine processes made (each process tells of its calls on stdout), what the receiver got, and
// when the key's effect was marked done in the database. All times are this machine's clock (ms).

/** An outbound call an engine process made, with when that process was killed (if it was). */
export interface TracedCall extends EngineCall {
  /** The process's place in the order they were started. */
  readonly process: number;
  readonly killedAt: number | undefined;
}

/** What became of one idempotency key. */
export interface KeyTrace {
  readonly key: string;
  /** The calls made with it, in the order they were made. */
  readonly calls: readonly TracedCall[];
  /** What the receiver got with it, in the order it arrived. */
  readonly deliveries: readonly Received[];
  /** When the engine marked its effect done; undefined if it never did. */
  readonly doneAt: number | undefined;
}

/**
 * Whether a call was in flight when its process was killed: made before the SIGKILL, and its effect
 * not marked done by then (unanswered, or answered and not yet written).
 */
export function cutByKill(call: TracedCall, doneAt: number | undefined): boolean {
  const { killedAt } = call;
  return killedAt !== undefined && call.sentAt <= killedAt && (doneAt === undefined || doneAt > killedAt);
}

/** When each outbound effect was marked done, by key, read from the database at `url`. */
export async function outboundDoneAt(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; done_at: string }>(
      "SELECT key, done_at FROM workflow_effects WHERE kind = 'outbound' AND status = 'done'",
    );
    return new Map(rows.map((row) => [row.key, Date.parse(row.done_at)]));
  } finally {
    await client.end();
  }
}

/** The trace of each key: the processes' calls and the receiver's deliveries with it. */
export function traceKeys(
  keys: Iterable<string>,
  engines: readonly EngineProcess[],
  received: readonly Received[],
  doneAt: ReadonlyMap<string, number>,
): KeyTrace[] {
  const calls = engines.flatMap((engine, process) =>
    engine.calls().map((call) => ({ ...call, process, killedAt: engine.killedAt })),
  );
  return [...keys].map((key) => ({
    key,
    calls: calls.filter((call) => call.key === key).sort((a, b) => a.sentAt - b.sentAt),
    deliveries: received.filter((got) => got.headers['idempotency-key'] === key),
    doneAt: doneAt.get(key),
  }));
}

/**
 * The repeats and the calls the kills cut, in words: how many cut calls had not been answered, and
 * how many had been answered but not yet marked done (and how long before the kill their answer
 * came); and how long the engine took from an answer to its done mark.
 */
export function describeRepeats(traces: readonly KeyTrace[]): string {
  const deliveries = traces.reduce((n, t) => n + t.deliveries.length, 0);
  const cut = traces.flatMap((t) => t.calls.slice(0, -1));
  const answered = cut.filter((c) => c.answeredAt !== undefined && c.answeredAt <= (c.killedAt ?? 0));
  const marks = traces.map((t) => (t.doneAt ?? 0) - (t.calls.at(-1)?.answeredAt ?? 0)).sort((a, b) => a - b);
  const at = (q: number) => marks[Math.min(marks.length - 1, Math.floor(q * marks.length))];
  const windows = answered.map((c) => (c.killedAt ?? 0) - (c.answeredAt ?? 0));
  return (
    `${deliveries} deliveries of ${traces.length} keys, ${deliveries - traces.length} repeated; ` +
    `${cut.length} calls cut by kills: ${cut.length - answered.length} unanswered, ${answered.length} answered ` +
    `and not yet marked done${windows.length ? ` (killed ${windows.join(', ')} ms after the answer)` : ''}; ` +
    `answer → done mark p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${marks.at(-1)} ms`
  );
}
