import type { OutboundMessage, OutboundPort } from '../../src/index.ts';

/** An outbound port that keeps what it was sent; it can be told to fail before or after delivering. */
export class RecordingOutbound implements OutboundPort {
  readonly sent: OutboundMessage[] = [];
  /** Every call, delivered or not. */
  readonly calls: OutboundMessage[] = [];
  private failures: ('before' | 'after')[] = [];

  /** The next call fails: before anything is delivered, or after delivering (a crash mid-call). */
  failNext(when: 'before' | 'after'): void {
    this.failures.push(when);
  }

  async send(message: OutboundMessage): Promise<unknown> {
    this.calls.push(message);
    const failure = this.failures.shift();
    if (failure === 'before') throw new Error('connection refused');
    this.sent.push(message);
    if (failure === 'after') throw new Error('connection reset after delivery');
    return { status: 200 };
  }

  /** Distinct idempotency keys delivered: what a receiver that drops repeats would act on. */
  distinctKeys(): string[] {
    return [...new Set(this.sent.map((m) => m.idempotencyKey))];
  }
}
