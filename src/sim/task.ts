/**
 * Coroutines on the virtual clock. Kubelet code that takes time (a pod sync pulling images, a
 * killContainer waiting out a grace period) is written as a generator that yields what it waits for;
 * `startTask` drives it. This keeps the kubelet's sequential logic readable, as in the Go source.
 */
import type { VirtualClock } from "./clock.ts";

/** A one-shot notification with a value: a container exited, a pull finished. */
export class Latch<T = void> {
  private fired = false;
  private val: T | undefined;
  private waiters: ((v: T) => void)[] = [];

  get done(): boolean {
    return this.fired;
  }

  get value(): T | undefined {
    return this.val;
  }

  /** How many are waiting for it to fire. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Fires the latch (later calls are ignored) and wakes every waiter. */
  fire(value: T): void {
    if (this.fired) return;
    this.fired = true;
    this.val = value;
    for (const w of this.waiters.splice(0)) w(value);
  }

  /** Calls `fn` when fired (at once if already fired). Returns a canceller. */
  subscribe(fn: (v: T) => void): () => void {
    if (this.fired) {
      fn(this.val as T);
      return () => {};
    }
    this.waiters.push(fn);
    return () => {
      this.waiters = this.waiters.filter((w) => w !== fn);
    };
  }
}

/** What a task waits for. `race` resumes with the index of the first to finish. */
export type Await =
  | { sleep: number }
  | { latch: Latch<unknown> }
  | { race: Await[] }
  | { all: Latch<unknown>[] };

/** A coroutine. The resumed value is the latch value, or the race winner's index. */
export type Task<R = void> = Generator<Await, R, unknown>;

/** Waits `ms` of virtual time. */
export function sleep(ms: number): Await {
  return { sleep: ms };
}

/**
 * Starts a coroutine now (synchronously, until its first wait). Returns a latch fired with its
 * result. When `cancel` fires, the task is abandoned at its current wait (its `finally` blocks run)
 * and the returned latch fires with `undefined`.
 */
export function startTask<R>(
  clock: VirtualClock,
  task: Task<R>,
  cancel?: Latch<unknown>,
): Latch<R | undefined> {
  const done = new Latch<R | undefined>();
  let disarm: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;
  const step = (input: unknown): void => {
    if (done.done) return;
    const r = task.next(input);
    if (r.done) {
      // Why: a long-lived cancel latch (a pod worker's) would otherwise keep every finished task.
      unsubscribe?.();
      done.fire(r.value);
      return;
    }
    disarm = arm(clock, r.value, step);
  };
  unsubscribe = cancel?.subscribe(() => {
    if (done.done) return;
    disarm?.();
    try {
      task.return(undefined as R);
    } finally {
      done.fire(undefined);
    }
  });
  step(undefined);
  return done;
}

function arm(clock: VirtualClock, a: Await, resume: (v: unknown) => void): () => void {
  let settled = false;
  const once = (v: unknown) => {
    if (settled) return;
    settled = true;
    resume(v);
  };
  if ("sleep" in a) {
    const h = clock.setTimeout(() => once(undefined), a.sleep);
    return () => {
      settled = true;
      clock.clearTimeout(h);
    };
  }
  if ("latch" in a) {
    // Resume on a fresh stack frame at the current time, so waking never nests into the firer.
    const cancel = a.latch.subscribe((v) => clock.setTimeout(() => once(v), 0));
    return () => {
      settled = true;
      cancel();
    };
  }
  if ("all" in a) {
    const pending = a.all.filter((l) => !l.done);
    if (pending.length === 0) {
      const h = clock.setTimeout(() => once(undefined), 0);
      return () => clock.clearTimeout(h);
    }
    let left = pending.length;
    const cancels = pending.map((l) =>
      l.subscribe(() => {
        if (--left === 0) clock.setTimeout(() => once(undefined), 0);
      }),
    );
    return () => {
      settled = true;
      for (const c of cancels) c();
    };
  }
  const cancels: (() => void)[] = [];
  a.race.forEach((inner, i) => {
    cancels.push(
      arm(clock, inner, () => {
        for (const c of cancels) c();
        once(i);
      }),
    );
  });
  return () => {
    settled = true;
    for (const c of cancels) c();
  };
}
