/**
 * Exponential back-off per key, as client-go's `flowcontrol.Backoff` (BO) that the kubelet uses for
 * CrashLoopBackOff (10 s doubling to 300 s) and image pulls (10 s doubling to 300 s).
 */
interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  /**
   * Moves the key's back-off forward (`Next`): first call sets the initial duration, later calls
   * double it up to the max; an entry whose last update is older than 2 × max is reset first.
   */
  next(key: string, eventMs: number, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || eventMs - e.lastUpdateMs > 2 * this.maxMs) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdateMs = nowMs;
  }

  /** `IsInBackOffSince`: true when `nowMs - sinceMs` is still inside the key's current back-off. */
  isInBackOffSince(key: string, sinceMs: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    // Why: client-go treats an entry as expired (hasExpired) after 2 × max without updates.
    if (nowMs - e.lastUpdateMs > 2 * this.maxMs) return false;
    return nowMs - sinceMs < e.backoffMs;
  }

  /** The key's current back-off duration (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Forgets a key (e.g. the container's spec changed). */
  reset(key: string): void {
    this.entries.delete(key);
  }
}
