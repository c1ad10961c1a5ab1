import type { Clock } from '../../src/index.ts';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Moves to an instant. */
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }

  /** Moves forward by hours. */
  advanceHours(hours: number): void {
    this.ms += hours * 3_600_000;
  }
}
