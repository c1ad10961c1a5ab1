import { type ChangeEvent, type EventBus, Listeners } from './ChangeEvent.ts';

/** The bus of a single server process (SQLite: one process owns the file). */
export function localEventBus(): EventBus {
  const listeners = new Listeners();
  return {
    async publish(event: ChangeEvent) {
      listeners.deliver(event);
    },
    subscribe: (listener) => listeners.add(listener),
    async close() {},
  };
}
