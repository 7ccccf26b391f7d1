import type { EventName, EventPayload, PushEvent } from '../src-shared/contract';

export type EventListener = (event: PushEvent) => void;

/** Fan-out of push events; listeners never break each other or the core. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private pending: PushEvent[] | null = null;

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const event = { name, payload } as PushEvent;
    if (this.pending) this.pending.push(event);
    else this.deliver(event);
  }

  /** Runs `fn` holding back events; they go out only if `fn` returns without throwing. */
  hold<T>(fn: () => T): T {
    if (this.pending) return fn();
    this.pending = [];
    try {
      const result = fn();
      const events = this.pending;
      this.pending = null;
      for (const e of events) this.deliver(e);
      return result;
    } finally {
      this.pending = null;
    }
  }

  private deliver(event: PushEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        console.error(`[packdesk] event listener failed on ${event.name}:`, e);
      }
    }
  }
}
