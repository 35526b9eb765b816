/**
 * A controller's work queue on the virtual clock (client-go's `workqueue` with `AddAfter`): keys
 * are deduplicated while they wait, an earlier due time wins over a later one, and each key is
 * handed to the sync function once it is due.
 */
import type { TimerHandle, VirtualClock } from "../clock.ts";

/** A keyed, deduplicating, delaying queue that calls `sync(key)` when a key is due. */
export class WorkQueue {
  private readonly pending = new Map<string, { dueMs: number; timer: TimerHandle }>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly sync: (key: string) => void,
  ) {}

  /** Queues `key` to be synced `delayMs` from now, unless it is already due sooner. */
  add(key: string, delayMs: number): void {
    const dueMs = this.clock.now() + Math.max(0, delayMs);
    const existing = this.pending.get(key);
    if (existing) {
      if (existing.dueMs <= dueMs) return;
      this.clock.clearTimeout(existing.timer);
    }
    const timer = this.clock.setTimeout(() => {
      this.pending.delete(key);
      this.sync(key);
    }, dueMs - this.clock.now());
    this.pending.set(key, { dueMs, timer });
  }
}

/** The queue key of a namespaced object (`namespace/name`, as `cache.MetaNamespaceKeyFunc`). */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? "default"}/${name}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf("/");
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
