/**
 * Measures one key press (Playwright's keyboard.type on the focused field) in the page. Every
 * keyboard and input event is caught first, by a capturing listener on window. A task is "open" from
 * its first such event until it is over (frames.ts endOfTask: a MessageChannel message, or the next
 * requestAnimationFrame if a frame comes first); commitMs adds up the open time of every task the
 * key press ran in (keydown/keypress/input are usually one task, keyup another), so it holds the
 * listeners and React's synchronous commit of the update and its effects, but not the browser's
 * style/layout/paint. It is wall-clock time: Blink's own event and editing work in those tasks, and
 * waiting for the CPU on a busy machine, count too (the runner also reads the CPU time spent in
 * script from DevTools; see runner/measure.ts). paintMs runs from keydown to the first task after
 * the frame that follows the input event (frames.ts afterNextPaint).
 */
import type { KeystrokeSample } from '../../protocol.ts';
import { afterNextPaint } from './frames.ts';

const EVENTS = ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'] as const;

interface Pending {
  start: number | undefined;
  busy: number;
  tasks: number;
  openSince: number | undefined;
  token: number;
  paintEnd: number | undefined;
  paintRequested: boolean;
  keyupSeen: boolean;
  resolve: ((sample: KeystrokeSample) => void) | undefined;
}

function fresh(): Pending {
  return {
    start: undefined,
    busy: 0,
    tasks: 0,
    openSince: undefined,
    token: 0,
    paintEnd: undefined,
    paintRequested: false,
    keyupSeen: false,
    resolve: undefined,
  };
}

export class KeystrokeProbe {
  private pending: Pending | undefined;
  private readonly channel = new MessageChannel();

  constructor() {
    for (const type of EVENTS)
      window.addEventListener(type, (event) => this.onEvent(event), { capture: true });
    this.channel.port1.onmessage = (event: MessageEvent<number>) => this.closeTask(event.data);
  }

  arm(): void {
    this.pending = fresh();
  }

  /** The sample of the armed key press, once its tasks are over and its frame is painted. */
  result(): Promise<KeystrokeSample> {
    const p = this.pending;
    if (!p) return Promise.reject(new Error('armKeystroke was not called'));
    return new Promise((resolve) => {
      p.resolve = resolve;
      this.settle();
    });
  }

  private onEvent(event: Event): void {
    const p = this.pending;
    if (!p) return;
    const now = performance.now();
    if (p.start === undefined) p.start = now;
    if (event.type === 'keyup') p.keyupSeen = true;
    if (p.openSince === undefined) {
      p.openSince = now;
      const token = ++p.token;
      this.channel.port2.postMessage(token);
      requestAnimationFrame(() => this.closeTask(token));
    }
    if (event.type === 'input' && !p.paintRequested) {
      p.paintRequested = true;
      void afterNextPaint().then((time) => {
        p.paintEnd = time;
        this.settle();
      });
    }
  }

  private closeTask(token: number): void {
    const p = this.pending;
    if (!p || p.openSince === undefined || token !== p.token) return;
    p.busy += performance.now() - p.openSince;
    p.tasks++;
    p.openSince = undefined;
    this.settle();
  }

  private settle(): void {
    const p = this.pending;
    if (!p?.resolve || p.openSince !== undefined || !p.keyupSeen) return;
    if (p.paintEnd === undefined || p.start === undefined) return;
    p.resolve({ commitMs: p.busy, paintMs: p.paintEnd - p.start, tasks: p.tasks });
    this.pending = undefined;
  }
}
