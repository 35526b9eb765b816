/**
 * The prober manager's probe workers (PRW, PRM): one worker per container and probe type, created
 * when the pod is admitted; it probes at once and then on a ticker of `periodSeconds` anchored at
 * admission. It reads the container from the kubelet's last generated status, skips until
 * `initialDelaySeconds`, gates liveness/readiness on the startup probe, applies the thresholds,
 * goes on hold after a liveness or startup failure until a new container, and is poked to run at
 * once (ticker reset) whenever a started container is not ready yet.
 */
import type { TimerHandle, VirtualClock } from "../clock.ts";
import type { HttpRepeatDeferral } from "../runtime/network.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { ProbeType, Why } from "../timeline/types.ts";
import type { RecordedProbe } from "./kubelet.ts";
import type { PodState, ProbeResult } from "./pod-state.ts";
import type { HttpGetMemo, ProbeOutcome } from "./probe-exec.ts";
import {
  advanceCursor,
  type CursorAdvance,
  nextStepMs,
  type ProbeCursor,
  stepArmedMs,
  stepCursor,
} from "./probe-run.ts";
import type { ContainerSpec, Probe } from "./spec.ts";

/** What a probe worker needs from the kubelet. */
export interface ProberHost {
  clock: VirtualClock;
  /**
   * Runs the probe against the container instance with this id and calls `done` with the outcome
   * when it is known (undefined when the instance is gone) — synchronously if it takes no time.
   */
  startProbe(
    ps: PodState,
    c: ContainerSpec,
    containerId: string,
    probe: Probe,
    done: (outcome: ProbeOutcome | undefined) => void,
    memo?: HttpGetMemo,
  ): void;
  /**
   * The worker's probes would go on the same way until something reaches into the pod: may it
   * fast-forward (send no timers, be caught up later through `catchUp`)? True when it now does.
   */
  fastForward(ps: PodState, worker: ProbeWorker): boolean;
  /** Records an attempt for the timeline and events for failures. */
  recordAttempt(
    ps: PodState,
    c: ContainerSpec,
    type: ProbeType,
    outcome: ProbeOutcome,
    atMs: number,
    why?: Why,
  ): void;
  /** Catches up the pod's fast-forwarded probe workers and makes them set timers again. */
  releaseFastForward(ps: PodState): void;
  /** The results manager: stores a result; the kubelet reacts when it changes. */
  setResult(ps: PodState, c: ContainerSpec, containerId: string, type: ProbeType, result: ProbeResult): void;
}

type Json = Record<string, unknown>;

const INITIAL: Record<ProbeType, ProbeResult> = {
  readiness: "failure",
  liveness: "success",
  startup: "unknown",
};

/** Where a pod status lists its containers, in the order a probe worker looks (init first). */
const STATUS_LISTS = ["initContainerStatuses", "containerStatuses"] as const;

/** `doProbe` is waiting for the probe's outcome. */
const IN_FLIGHT = "in-flight";

/**
 * One probe worker. Its loop (probe, then wait for the next tick, a manual trigger or stop) is
 * written as callbacks on the virtual clock rather than a coroutine: a long run has hundreds of
 * thousands of ticks. The timers it sets are the ones the coroutine form set, at the same moments:
 * the tick, and a zero-delay wake-up when the trigger or stop fires during a wait.
 */
export class ProbeWorker {
  private containerId?: string;
  private onHold = false;
  private lastResult: ProbeResult = "unknown";
  private resultRun = 0;
  private stopped = false;
  /** Stop was requested (a one-shot, like the manual trigger). */
  private stopFired = false;
  /** The readiness manual trigger is pending (buffered: one poke at most). */
  private manualFired = false;
  private tickBaseMs: number;
  /** While waiting between probes: the timers that end the wait (tick, trigger, stop). */
  private waiting = false;
  private tickTimer?: TimerHandle;
  private manualTimer?: TimerHandle;
  private stopTimer?: TimerHandle;
  /** When the probe in flight was sent. */
  private probeAtMs = 0;
  /** Inside `startProbe`: an outcome that comes back now is doProbe's result, not a wake-up. */
  private starting = false;
  private startedResult: boolean | undefined;
  private readonly onTick = () => this.wake(0);
  private readonly onManual = () => this.wake(1);
  private readonly onStop = () => this.wake(2);
  private readonly onOutcome = (outcome: ProbeOutcome | undefined): void => {
    const r = this.afterProbe(outcome, this.probeAtMs);
    if (this.starting) this.startedResult = r;
    else if (r && !(outcome && this.tryFastForward(outcome))) this.wait();
  };
  /** Fast-forwarded: the worker sets no timers; `catchUp` does what they would have done. */
  private ff = false;
  /** While fast-forwarded: where the worker stands (its next send, the probe in flight). */
  private ffAt: ProbeCursor = { sendMs: 0, sentMs: -1, waitMs: 0, periodMs: 0 };
  /** While fast-forwarded: the outcome every probe has. */
  private ffOutcome?: ProbeOutcome;
  /** While fast-forwarded: what each attempt counts for (another success past the threshold). */
  private ffWhy?: Why;
  /** The last HTTP GET, repeated while its answer stands (`sendHttpGet`). */
  private readonly memo: HttpGetMemo = {};
  /** `running.startedAt` last parsed, and its value (the same container is probed many times). */
  private startedAtText?: string;
  private startedAtMs = 0;

  constructor(
    private readonly host: ProberHost,
    private readonly ps: PodState,
    readonly c: ContainerSpec,
    readonly type: ProbeType,
    private readonly spec: Probe,
  ) {
    this.tickBaseMs = host.clock.now();
  }

  /** Starts the worker loop. */
  start(): void {
    this.loop();
  }

  /** Stops probing (pod gone, or liveness/startup at termination). */
  stop(): void {
    if (this.ff) this.host.releaseFastForward(this.ps);
    this.stopped = true;
    if (this.stopFired) return;
    this.stopFired = true;
    if (this.waiting) this.stopTimer = this.host.clock.setTimeout(this.onStop, 0);
  }

  /** The readiness manual trigger (buffered: one pending poke at most). */
  trigger(): void {
    if (this.ff) this.host.releaseFastForward(this.ps);
    if (this.manualFired) return;
    this.manualFired = true;
    if (this.waiting) this.manualTimer = this.host.clock.setTimeout(this.onManual, 0);
  }

  /** The top of the loop: `while (!stopped && doProbe()) wait`. */
  private loop(): void {
    if (this.stopped) return;
    const r = this.doProbe();
    if (r === true) this.wait();
  }

  /**
   * Waits for the next tick of the period, racing the manual trigger and stop; a poke that came
   * while the worker was busy wakes it at once (a zero-delay timer, as a fired latch does).
   */
  private wait(): void {
    const clock = this.host.clock;
    const period = (this.spec.periodSeconds ?? 10) * 1000;
    const now = clock.now();
    const k = Math.floor((now - this.tickBaseMs) / period) + 1;
    const nextTick = this.tickBaseMs + k * period;
    this.waiting = true;
    this.tickTimer = clock.setTimeout(this.onTick, nextTick - now);
    if (this.manualFired) this.manualTimer = clock.setTimeout(this.onManual, 0);
    if (this.stopFired) this.stopTimer = clock.setTimeout(this.onStop, 0);
  }

  /** The next tick of the period after now (the wait's end). */
  private nextTickMs(now: number): number {
    const period = (this.spec.periodSeconds ?? 10) * 1000;
    return this.tickBaseMs + (Math.floor((now - this.tickBaseMs) / period) + 1) * period;
  }

  /**
   * After a probe answered by repeating the last exchange (nothing it depends on changed), with a
   * success past the threshold (so no result changes), nothing pending: ask to fast-forward.
   */
  private tryFastForward(outcome: ProbeOutcome): boolean {
    const x = this.memo.exchange;
    if (!this.memo.repeat || x?.outcome !== outcome || outcome.result !== "success") return false;
    if (this.stopped || this.stopFired || this.manualFired || this.onHold) return false;
    if (this.lastResult !== "success" || this.resultRun < (this.spec.successThreshold ?? 1)) return false;
    const now = this.host.clock.now();
    const waitMs = now - this.probeAtMs;
    if (waitMs !== x.waitMs || waitMs >= (this.spec.periodSeconds ?? 10) * 1000) return false;
    if (!this.host.fastForward(this.ps, this)) return false;
    this.ff = true;
    this.ffAt = {
      sendMs: this.nextTickMs(now),
      sentMs: -1,
      waitMs,
      periodMs: (this.spec.periodSeconds ?? 10) * 1000,
    };
    this.ffOutcome = outcome;
    this.ffWhy = attemptWhy(this.type, "success", this.resultRun + 1, this.spec.successThreshold ?? 1);
    return true;
  }

  /** While fast-forwarded: when the next thing it does is due (a probe sent, or its answer). */
  ffNextMs(): number {
    return nextStepMs(this.ffAt);
  }

  /**
   * While fast-forwarded: when the timer for `ffNextMs` would have been set (ties go to the
   * earlier-set timer on the clock).
   */
  ffArmedMs(): number {
    return stepArmedMs(this.ffAt);
  }

  /**
   * Does the next thing a fast-forwarded worker does, at its own time (the clock rewound there):
   * sends the probe (the server repeats its answer) or takes the answer in as `afterProbe` does.
   */
  catchUp(): void {
    const at = this.ffAt;
    this.host.clock.rewind(nextStepMs(at));
    const sentMs = at.sentMs;
    if (stepCursor(at) === "answer") {
      // What `afterProbe` does with another success past the threshold: the result stays.
      this.resultRun++;
      this.host.recordAttempt(this.ps, this.c, this.type, this.ffOutcome!, sentMs, this.ffWhy);
    } else {
      this.memo.repeat!.serve();
    }
  }

  /**
   * While fast-forwarded, to catch up in bulk: where the worker stands, the server's way of
   * answering many probes at once (undefined when it cannot), and the attempt each answer records.
   */
  ffState(): { at: ProbeCursor; deferral?: HttpRepeatDeferral; attempt: Omit<RecordedProbe, "atMs"> } {
    const attempt = { container: this.c.name, type: this.type, outcome: this.ffOutcome!, why: this.ffWhy };
    return { at: { ...this.ffAt }, deferral: this.memo.repeat!.deferral?.(), attempt };
  }

  /** While fast-forwarded: puts when its next probe is sent and when the one in flight was at `out[i]`, `out[i + 1]`. */
  ffCursorInto(out: number[], i: number): void {
    out[i] = this.ffAt.sendMs;
    out[i + 1] = this.ffAt.sentMs;
  }

  /**
   * Catches up every step due before `untilMs` at once, as that many `catchUp`s would, but for the
   * server's side effects and the attempts, which the caller defers: how many probes were sent and
   * how many answers taken in (put in `out` when given, which is returned).
   */
  ffSkip(untilMs: number, out?: CursorAdvance): CursorAdvance {
    const r = advanceCursor(this.ffAt, untilMs, out);
    this.resultRun += r.answered;
    return r;
  }

  /**
   * Stops fast-forwarding at the real now, once caught up to it: sets the timer the worker would
   * have pending (the answer of a probe in flight, or the next tick).
   */
  resume(): void {
    if (!this.ff) return;
    this.ff = false;
    const clock = this.host.clock;
    const now = clock.now();
    const at = this.ffAt;
    if (at.sentMs >= 0) {
      this.probeAtMs = at.sentMs;
      const outcome = this.ffOutcome;
      at.sentMs = -1;
      clock.setTimeout(() => this.onOutcome(outcome), this.probeAtMs + at.waitMs - now);
      return;
    }
    this.waiting = true;
    this.tickTimer = clock.setTimeout(this.onTick, at.sendMs - now);
  }

  /** The wait ended: 0 the tick, 1 the manual trigger, 2 stop. */
  private wake(winner: 0 | 1 | 2): void {
    if (!this.waiting) return;
    this.waiting = false;
    const clock = this.host.clock;
    if (this.tickTimer) clock.clearTimeout(this.tickTimer);
    if (this.manualTimer) clock.clearTimeout(this.manualTimer);
    if (this.stopTimer) clock.clearTimeout(this.stopTimer);
    this.tickTimer = this.manualTimer = this.stopTimer = undefined;
    if (winner === 1) {
      this.manualFired = false;
      this.tickBaseMs = clock.now();
    }
    this.loop();
  }

  private set(result: ProbeResult): void {
    if (this.containerId) this.host.setResult(this.ps, this.c, this.containerId, this.type, result);
  }

  /** The container's status in the pod's last generated status (init containers first). */
  private containerStatus(status: Json): Json | undefined {
    for (const key of STATUS_LISTS) {
      const list = status[key] as Json[] | undefined;
      if (list) for (const s of list) if (s.name === this.c.name) return s;
    }
    return undefined;
  }

  /**
   * One tick (PRW `doProbe`): false when the worker should stop, true to wait for the next tick,
   * or IN_FLIGHT while the probe runs (its outcome continues the loop).
   */
  private doProbe(): boolean | typeof IN_FLIGHT {
    if (this.stopped) return false;
    const status = (this.ps.pod.status ?? {}) as Json;
    if (status.phase === "Failed" || status.phase === "Succeeded") return false;
    const cs = this.containerStatus(status);
    if (!cs?.containerID) return true;
    if (this.containerId !== cs.containerID) {
      this.containerId = cs.containerID as string;
      this.set(INITIAL[this.type]);
      this.onHold = false;
      this.resultRun = 0;
      this.lastResult = "unknown";
    }
    if (this.onHold) return true;
    const state = cs.state as Json;
    const running = state.running as Json | undefined;
    if (!running) {
      this.set("failure");
      if (state.terminated && (this.ps.spec.restartPolicy ?? "Always") === "Never") return false;
      return true;
    }
    if (this.ps.pod.metadata.deletionTimestamp && this.type !== "readiness") {
      this.set("success");
      return false;
    }
    const startedAt = running.startedAt as string;
    if (startedAt !== this.startedAtText) {
      this.startedAtText = startedAt;
      this.startedAtMs = Date.parse(startedAt);
    }
    const sinceStart = Math.floor((this.host.clock.now() + this.ps.epochMs - this.startedAtMs) / 1000);
    if (sinceStart < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (cs.started === true) {
      if (this.type === "startup") return true;
    } else if (this.type !== "startup") return true;

    this.probeAtMs = this.host.clock.now();
    this.starting = true;
    this.startedResult = undefined;
    this.host.startProbe(this.ps, this.c, this.containerId, this.spec, this.onOutcome, this.memo);
    this.starting = false;
    return this.startedResult ?? IN_FLIGHT;
  }

  /** The second half of `doProbe`, once the outcome is known. */
  private afterProbe(outcome: ProbeOutcome | undefined, at: number): boolean {
    if (!outcome || this.stopped) return !this.stopped;
    if (outcome.result === "error") {
      this.host.recordAttempt(this.ps, this.c, this.type, outcome, at, whyOf("probe.error"));
      return true; // a prober error is discarded
    }
    const result: ProbeResult = outcome.result === "failure" ? "failure" : "success";
    if (result === this.lastResult) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const failureThreshold = this.spec.failureThreshold ?? 3;
    const successThreshold = this.spec.successThreshold ?? 1;
    this.host.recordAttempt(
      this.ps,
      this.c,
      this.type,
      outcome,
      at,
      attemptWhy(
        this.type,
        result,
        this.resultRun,
        result === "failure" ? failureThreshold : successThreshold,
      ),
    );
    if (
      (result === "failure" && this.resultRun < failureThreshold) ||
      (result === "success" && this.resultRun < successThreshold)
    ) {
      return true;
    }
    this.set(result);
    if ((this.type === "liveness" || this.type === "startup") && result === "failure") {
      // Why (PRW): stop probing until a new container ID, to avoid exec into a dying container.
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}

/** Sentences already made: attempts share them (a long run has thousands of attempts). */
const WHY_CACHE = new Map<string, Why>();

/** One sentence on what a probe attempt counts for: the run against its threshold, and what follows. */
export function attemptWhy(type: ProbeType, result: ProbeResult, run: number, threshold: number): Why {
  const key = `${type}|${result}|${run > threshold ? "more" : run}|${threshold}`;
  let why = WHY_CACHE.get(key);
  if (why === undefined) {
    why = makeAttemptWhy(type, result, run, threshold);
    WHY_CACHE.set(key, why);
  }
  return why;
}

function makeAttemptWhy(type: ProbeType, result: ProbeResult, run: number, threshold: number): Why {
  const counted = result === "failure" ? "failure" : "success";
  if (run > threshold) return whyOf("probe.pastThreshold", { probe: type, result: counted, threshold });
  if (run < threshold) return whyOf("probe.belowThreshold", { probe: type, result: counted, run, threshold });
  const effect =
    result === "success"
      ? type === "startup"
        ? "probe.started"
        : type === "readiness"
          ? "probe.ready"
          : "probe.live"
      : type === "readiness"
        ? "probe.notReady"
        : "probe.restart";
  return whyOf(effect, { probe: type, run, threshold });
}
