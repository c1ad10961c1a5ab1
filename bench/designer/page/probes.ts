/**
 * The page's timing probes: a requestAnimationFrame loop that records every frame's start, and
 * "armed" interactions timed from their input event to the DOM showing the result and the paint after
 * it. The input's own `timeStamp` is the start, so time the event waited for the main thread counts.
 */
import { afterNextPaint } from '../../forms/pages/harness/frames.ts';
import type { InteractionTiming } from '../protocol.ts';

let frames: number[] | undefined;

function onFrame(time: number): void {
  if (!frames) return;
  frames.push(time);
  requestAnimationFrame(onFrame);
}

/** Starts recording frame start times (requestAnimationFrame's timestamp). */
export function startFrames(): void {
  frames = [];
  requestAnimationFrame(onFrame);
}

/** Stops recording and returns the frame start times. */
export function stopFrames(): number[] {
  const out = frames ?? [];
  frames = undefined;
  return out;
}

let pending: Promise<InteractionTiming> | undefined;

/**
 * Times the next `input` event until `done()` holds (checked on every DOM change under `root`, so
 * right after the commit that made it true) and then until the next paint.
 */
export function arm(input: 'pointer' | 'key', root: () => Element, done: () => boolean): void {
  const type = input === 'pointer' ? 'pointerdown' : 'keydown';
  pending = new Promise((resolve, reject) => {
    let start = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the ${type} did not finish within 10 s`));
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (start === 0 || !done()) return;
      observer.disconnect();
      clearTimeout(timer);
      const commit = performance.now();
      afterNextPaint().then((painted) => resolve({ commitMs: commit - start, paintMs: painted - start }));
    });
    window.addEventListener(
      type,
      (event) => {
        start = event.timeStamp;
        observer.observe(root(), { subtree: true, childList: true, attributes: true, characterData: true });
      },
      { capture: true, once: true },
    );
  });
}

/** The armed interaction's timing. */
export function armed(): Promise<InteractionTiming> {
  if (!pending) return Promise.reject(new Error('nothing armed'));
  return pending;
}
