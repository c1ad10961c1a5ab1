/**
 * Frame timing. `afterNextPaint` resolves in the first task after the next frame: requestAnimationFrame
 * runs just before the frame's style, layout and paint, and a MessageChannel message posted from it is
 * delivered after them. (A double requestAnimationFrame would add the wait for the next vsync, ~16 ms.)
 * `endOfTask` resolves when the current task (with its microtasks, so React's synchronous commit) is
 * over: a MessageChannel message, or the next frame's requestAnimationFrame if a frame comes first.
 */

const channel = new MessageChannel();
const waiting = new Map<number, () => void>();
let nextId = 0;
channel.port1.onmessage = (event: MessageEvent<number>) => {
  const resolve = waiting.get(event.data);
  waiting.delete(event.data);
  resolve?.();
};

/** Runs `callback` in a new task (after the current one and its microtasks). */
export function postTask(callback: () => void): void {
  const id = nextId++;
  waiting.set(id, callback);
  channel.port2.postMessage(id);
}

/** performance.now() in the first task after the next frame is painted. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => postTask(() => resolve(performance.now())));
  });
}

/** performance.now() when the current task is over (or the next frame starts, if that is earlier). */
export function endOfTask(): Promise<number> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(performance.now());
    };
    postTask(finish);
    requestAnimationFrame(finish);
  });
}
