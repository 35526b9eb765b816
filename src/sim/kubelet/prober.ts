/**
 * The prober manager's probe workers (PRW, PRM): one worker per container and probe type, created
 * when the pod is admitted; it probes at once and then on a ticker of `periodSeconds` anchored at
 * admission. It reads the container from the kubelet's last generated status, skips until
 * `initialDelaySeconds`, gates liveness/readiness on the startup probe, applies the thresholds,
 * goes on hold after a liveness or startup failure until a new container, and is poked to run at
 * once (ticker reset) whenever a started container is not ready yet.
 */
import type { VirtualClock } from "../clock.ts";
import { Latch, startTask, type Task } from "../task.ts";
import { whyOf } from "../timeline/reasons.ts";
import type { ProbeType, Why } from "../timeline/types.ts";
import type { PodState, ProbeResult } from "./pod-state.ts";
import type { ProbeOutcome } from "./probe-exec.ts";
import type { ContainerSpec, Probe } from "./spec.ts";

/** What a probe worker needs from the kubelet. */
export interface ProberHost {
  clock: VirtualClock;
  /** Runs the probe against the container instance with this id. */
  probe(ps: PodState, c: ContainerSpec, containerId: string, probe: Probe): Task<ProbeOutcome | undefined>;
  /** Records an attempt for the timeline and events for failures. */
  recordAttempt(
    ps: PodState,
    c: ContainerSpec,
    type: ProbeType,
    outcome: ProbeOutcome,
    atMs: number,
    why?: Why,
  ): void;
  /** The results manager: stores a result; the kubelet reacts when it changes. */
  setResult(ps: PodState, c: ContainerSpec, containerId: string, type: ProbeType, result: ProbeResult): void;
}

type Json = Record<string, unknown>;

const INITIAL: Record<ProbeType, ProbeResult> = {
  readiness: "failure",
  liveness: "success",
  startup: "unknown",
};

export class ProbeWorker {
  private containerId?: string;
  private onHold = false;
  private lastResult: ProbeResult = "unknown";
  private resultRun = 0;
  private stopped = false;
  private readonly stopLatch = new Latch<void>();
  private manual = new Latch<void>();
  private tickBaseMs: number;

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
    startTask(this.host.clock, this.run());
  }

  /** Stops probing (pod gone, or liveness/startup at termination). */
  stop(): void {
    this.stopped = true;
    this.stopLatch.fire();
  }

  /** The readiness manual trigger (buffered: one pending poke at most). */
  trigger(): void {
    this.manual.fire();
  }

  private *run(): Task<void> {
    const period = (this.spec.periodSeconds ?? 10) * 1000;
    while (!this.stopped && (yield* this.doProbe())) {
      const now = this.host.clock.now();
      const k = Math.floor((now - this.tickBaseMs) / period) + 1;
      const nextTick = this.tickBaseMs + k * period;
      const winner = yield {
        race: [
          { sleep: nextTick - now },
          { latch: this.manual as Latch<unknown> },
          { latch: this.stopLatch as Latch<unknown> },
        ],
      };
      if (winner === 1) {
        this.manual = new Latch<void>();
        this.tickBaseMs = this.host.clock.now();
      }
    }
  }

  private set(result: ProbeResult): void {
    if (this.containerId) this.host.setResult(this.ps, this.c, this.containerId, this.type, result);
  }

  /** One tick (PRW `doProbe`); returns false when the worker should stop. */
  private *doProbe(): Task<boolean> {
    if (this.stopped) return false;
    const status = (this.ps.pod.status ?? {}) as Json;
    if (status.phase === "Failed" || status.phase === "Succeeded") return false;
    const all = [
      ...((status.initContainerStatuses as Json[]) ?? []),
      ...((status.containerStatuses as Json[]) ?? []),
    ];
    const cs = all.find((s) => s.name === this.c.name);
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
    const startedAt = Date.parse(running.startedAt as string);
    const sinceStart = Math.floor((this.host.clock.now() + this.ps.epochMs - startedAt) / 1000);
    if (sinceStart < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (cs.started === true) {
      if (this.type === "startup") return true;
    } else if (this.type !== "startup") return true;

    const at = this.host.clock.now();
    const outcome = yield* this.host.probe(this.ps, this.c, this.containerId, this.spec);
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
