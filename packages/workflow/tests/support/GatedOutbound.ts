import type { OutboundMessage, OutboundPort } from '../../src/index.ts';

/**
 * An outbound port whose calls wait until the test lets them through: shows which calls are in
 * flight at once (for leases and concurrency limits), and how many were ever in flight together.
 */
export class GatedOutbound implements OutboundPort {
  readonly delivered: OutboundMessage[] = [];
  readonly waiting: { message: OutboundMessage; release: () => void }[] = [];
  maxInFlight = 0;

  async send(message: OutboundMessage): Promise<unknown> {
    await new Promise<void>((release) => {
      this.waiting.push({ message, release });
      this.maxInFlight = Math.max(this.maxInFlight, this.waiting.length);
    });
    this.delivered.push(message);
    return { status: 200 };
  }

  /** Resolves once at least `count` calls are waiting (or throws after about two seconds). */
  async inFlight(count: number): Promise<void> {
    for (let tries = 0; this.waiting.length < count; tries++) {
      if (tries > 200) throw new Error(`expected ${count} calls in flight, saw ${this.waiting.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Lets the oldest waiting call through. */
  releaseOne(): void {
    this.waiting.shift()?.release();
  }
}
