/**
 * Coroutines on the virtual clock. Kubelet code that takes time (a pod sync pulling images, a
 * killContainer waiting out a grace period) is written as a generator that yields what it waits for;
 * `startTask` drives it. This keeps the kubelet's sequential logic readable, as in the Go source.
 */
import type { TimerHandle, VirtualClock } from "./clock.ts";

/**
 * The waiter list of a fired latch (and of one nobody waits for yet). Why shared: it is frozen and
 * never written (a fired latch calls late subscribers at once), so a latch costs no array until
 * someone waits for it, and firing does not copy its list.
 */
const NO_WAITERS: readonly ((v: never) => void)[] = Object.freeze([]);

/** A one-shot notification with a value: a container exited, a pull finished. */
export class Latch<T = void> {
  private fired = false;
  private val: T | undefined;
  private waiters = NO_WAITERS as ((v: T) => void)[];

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
    // Why no copy: the list is swapped out first, and a canceller only edits the latch's current
    // list, so the waiters called are exactly those subscribed when it fired.
    const waiters = this.waiters;
    this.waiters = NO_WAITERS as ((v: T) => void)[];
    for (let i = 0; i < waiters.length; i++) waiters[i]!(value);
  }

  /** Calls `fn` when fired (at once if already fired). Returns a canceller. */
  subscribe(fn: (v: T) => void): () => void {
    if (this.fired) {
      fn(this.val as T);
      return noop;
    }
    if (this.waiters === NO_WAITERS) this.waiters = [fn];
    else this.waiters.push(fn);
    return () => this.unsubscribe(fn);
  }

  /** Removes every subscription of `fn` (in place: the list is never one being fired). */
  private unsubscribe(fn: (v: T) => void): void {
    const w = this.waiters;
    for (let i = w.length - 1; i >= 0; i--) if (w[i] === fn) w.splice(i, 1);
  }
}

function noop(): void {}

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
  const run = new TaskRun(clock, task, cancel);
  if (cancel?.done) run.cancelled();
  else run.step(undefined);
  return run.done;
}

/**
 * One started coroutine: steps it and arms what it waits for.
 *
 * Why a class and not closures: a pod worker starts a task per sync, and most syncs (the periodic
 * resync of a running pod) finish without waiting; such a task now costs this object and its latch.
 * The resume callback and the cancel subscription are made at its first wait. Subscribing to
 * `cancel` then rather than at the start is the same: a cancel fired while the task runs
 * synchronously could not abandon it anyway (a running generator cannot be returned), and one
 * fired before the start is handled by `startTask`.
 */
class TaskRun<R> {
  readonly done = new Latch<R | undefined>();
  private disarm: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private resume: ((input: unknown) => void) | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly task: Task<R>,
    private readonly cancel: Latch<unknown> | undefined,
  ) {}

  step(input: unknown): void {
    if (this.done.done) return;
    const r = this.task.next(input);
    if (r.done) {
      // Why: a long-lived cancel latch (a pod worker's) would otherwise keep every finished task.
      this.unsubscribe?.();
      this.done.fire(r.value);
      return;
    }
    this.resume ??= (v) => this.step(v);
    this.disarm = arm(this.clock, r.value, this.resume);
    if (this.cancel && !this.unsubscribe) this.unsubscribe = this.cancel.subscribe(() => this.cancelled());
  }

  /** Abandons the task at its current wait (its `finally` blocks run). */
  cancelled(): void {
    if (this.done.done) return;
    this.disarm?.();
    try {
      this.task.return(undefined as R);
    } finally {
      this.done.fire(undefined);
    }
  }
}

function arm(clock: VirtualClock, a: Await, resume: (v: unknown) => void): () => void {
  if ("sleep" in a) {
    const wait = new SleepWait(clock, a.sleep, resume);
    return () => wait.disarm();
  }
  // Why an object and not a `once` closure: a closure bound to a name is given its name when made
  // (the tsx build keeps names), which costs more than the object.
  const once = new ResumeOnce(resume);
  if ("latch" in a) {
    // Resume on a fresh stack frame at the current time, so waking never nests into the firer.
    const cancel = a.latch.subscribe((v) => clock.setTimeout(() => once.resume(v), 0));
    return () => {
      once.settled = true;
      cancel();
    };
  }
  if ("all" in a) {
    const pending = a.all.filter((l) => !l.done);
    if (pending.length === 0) {
      const h = clock.setTimeout(() => once.resume(undefined), 0);
      return () => clock.clearTimeout(h);
    }
    let left = pending.length;
    const cancels = pending.map((l) =>
      l.subscribe(() => {
        if (--left === 0) clock.setTimeout(() => once.resume(undefined), 0);
      }),
    );
    return () => {
      once.settled = true;
      for (const c of cancels) c();
    };
  }
  const cancels: (() => void)[] = [];
  a.race.forEach((inner, i) => {
    cancels.push(
      arm(clock, inner, () => {
        for (const c of cancels) c();
        once.resume(i);
      }),
    );
  });
  return () => {
    once.settled = true;
    for (const c of cancels) c();
  };
}

/** Resumes a task once: later wake-ups, and any after it was disarmed, are ignored. */
class ResumeOnce {
  settled = false;

  constructor(private readonly next: (v: unknown) => void) {}

  resume(v: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.next(v);
  }
}

/** A task's `sleep`: a timer that resumes it once, unless disarmed first. */
class SleepWait {
  private settled = false;
  private readonly timer: TimerHandle;

  constructor(
    private readonly clock: VirtualClock,
    ms: number,
    private readonly resume: (v: unknown) => void,
  ) {
    this.timer = clock.setTimeout(() => this.wake(), ms);
  }

  private wake(): void {
    if (this.settled) return;
    this.settled = true;
    this.resume(undefined);
  }

  disarm(): void {
    this.settled = true;
    this.clock.clearTimeout(this.timer);
  }
}
