/**
 * The simulator's virtual clock: a discrete-event scheduler. Time is virtual milliseconds; nothing
 * here reads the wall clock. `advanceTo` pops the earliest due timer, moves `now` to its due time
 * and fires it, so timers created while advancing are honoured in due order (XState's
 * `SimulatedClock.increment` would start them from the target time instead).
 */
export interface TimerHandle {
  readonly id: number;
}

/** A scheduled timer; it is its own handle, so cancelling one needs no lookup. */
class Timer implements TimerHandle {
  /** Set once it fired or was cancelled: a later `clearTimeout` has nothing to do. */
  done = false;
  cancelled = false;

  constructor(
    readonly id: number,
    readonly dueMs: number,
    readonly seq: number,
    readonly fn: () => void,
  ) {}
}

/** A binary min-heap of timers ordered by (dueMs, seq): equal due times fire in creation order. */
class TimerHeap {
  private items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  /** The pending timer with this id (a linear scan: only for handles given back as bare ids). */
  find(id: number): Timer | undefined {
    return this.items.find((t) => t.id === id);
  }

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i]!, a[p]!)) break;
      // Why not `[a[i], a[p]] = [a[p], a[i]]`: that allocates an array per swap, and the clock
      // swaps millions of times in a large run.
      const child = a[i]!;
      a[i] = a[p]!;
      a[p] = child;
      i = p;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        const parent = a[i]!;
        a[i] = a[m]!;
        a[m] = parent;
        i = m;
      }
    }
    return top;
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}

/** Virtual clock; also satisfies XState's `{ setTimeout, clearTimeout }` clock contract. */
export class VirtualClock {
  private nowMs = 0;
  private seq = 0;
  private readonly heap = new TimerHeap();
  /** Number of timers fired so far (a cheap measure of simulation work). */
  fired = 0;

  now(): number {
    return this.nowMs;
  }

  /** While catching up on fast-forwarded work (`rewind`): the real `now`. */
  private realNowMs: number | undefined;

  /**
   * Catching up on work fast-forwarded past (the prober's): `now` reads `atMs` (not after the real
   * now) until `restore`, so what the work writes carries its own time. No timer may be set then.
   */
  rewind(atMs: number): void {
    if (this.realNowMs === undefined) this.realNowMs = this.nowMs;
    this.nowMs = atMs;
  }

  /** Ends a `rewind`: `now` is the real now again. */
  restore(): void {
    if (this.realNowMs === undefined) return;
    this.nowMs = this.realNowMs;
    this.realNowMs = undefined;
  }

  /** Schedules `fn` after `delayMs` (clamped to ≥ 0) of virtual time. */
  setTimeout = (fn: (...args: unknown[]) => void, delayMs: number): TimerHandle => {
    // Why: work caught up on after the fact must not set timers: they would be due in the past.
    if (this.realNowMs !== undefined) throw new Error("a timer was set while catching up on past work");
    const id = ++this.seq;
    const t = new Timer(id, this.nowMs + Math.max(0, delayMs || 0), id, fn);
    this.heap.push(t);
    return t;
  };

  /** Cancels a timer; unknown or already fired handles are ignored. */
  clearTimeout = (handle: unknown): void => {
    const t =
      handle instanceof Timer
        ? handle
        : this.heap.find(
            typeof handle === "number" ? handle : ((handle as TimerHandle | undefined)?.id ?? -1),
          );
    if (t && !t.done) {
      t.done = true;
      t.cancelled = true;
    }
  };

  /** Schedules `fn` at an absolute virtual time (or now, if that time has passed). */
  at(dueMs: number, fn: () => void): TimerHandle {
    return this.setTimeout(fn, dueMs - this.nowMs);
  }

  /** Due time of the next pending timer, or undefined when none is pending. */
  nextDueMs(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.dueMs;
  }

  /**
   * Fires every timer due at or before `targetMs`, in order, then sets `now` to `targetMs`.
   * `stop` is checked after each timer; when it returns true, time stays at that timer's due time.
   * Returns true if it stopped early.
   */
  advanceTo(targetMs: number, stop?: () => boolean): boolean {
    for (;;) {
      this.dropCancelled();
      const next = this.heap.peek();
      if (!next || next.dueMs > targetMs) break;
      this.heap.pop();
      next.done = true;
      if (next.dueMs > this.nowMs) this.nowMs = next.dueMs;
      this.fired++;
      next.fn();
      if (stop?.()) return true;
    }
    if (targetMs > this.nowMs) this.nowMs = targetMs;
    return false;
  }

  private dropCancelled(): void {
    for (let t = this.heap.peek(); t?.cancelled; t = this.heap.peek()) this.heap.pop();
  }
}
