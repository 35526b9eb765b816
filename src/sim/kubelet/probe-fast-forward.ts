/**
 * Fast-forwarding the prober: a shortcut of the simulator, not a kubelet mechanism. A probe worker
 * whose last probe repeated the exchange before it (the server said its answer stands) and changed
 * no result would go on doing exactly that every period until something reaches into the pod. So
 * it stops setting timers and is caught up later, each probe at its own time (the clock rewound):
 * the server's side effects (its access log line), then the outcome (the recorded attempt).
 *
 * Caught up before anyone could see the difference:
 * - a connection comes in (`PodWatcher.beforeUse`: the access log and the server's counters are
 *   shared with the traffic), a log is read, a probe worker of the pod records an attempt, and
 *   when the simulation stops (`Simulation.runUntil`) or its timeline is built;
 * - and stopped, after catching up, when anything could change what the probes would do: a process
 *   of the pod runs or a socket changes (`PodWatcher.beforeChange`), a file changes in a tree the
 *   pod's containers see (from another pod too: volumes may be shared), the pod's status or its API
 *   object changes, a worker is stopped or triggered. The workers then set the timers they would have pending.
 *
 * Between those, a pod's probes are a function of time alone, so the order of events is the one
 * the timers would have had: by time, then by when the timer would have been set.
 *
 * Catching up is itself done in bulk when the server's log can take deferred lines: the workers
 * jump to now (`ffSkip`), and the log lines and attempts of the stretch are handed over as runs
 * that are put into words when read (`probeSteps`). Only the steps due exactly now are done one by
 * one, where a timer firing now decides which come before it. A connection catches up the log
 * only: the attempts wait until something adds to the pod's attempts or reads them. A log's run
 * stays open while nothing else is written after it: later stretches extend it, and the server's
 * lines for the requests in between join it (`JoinableText`), so a connection allocates nothing.
 */
import type { VirtualClock } from "../clock.ts";
import type { DeferredWriter } from "../runtime/deferred-output.ts";
import type { PodNetwork } from "../runtime/network.ts";
import { type FsDir, watchTree } from "../runtime/vfs.ts";
import type { RecordedProbe } from "./kubelet.ts";
import type { PodState } from "./pod-state.ts";
import {
  type CursorAdvance,
  ProbeRun,
  ProbeRunAttempts,
  ProbeRunLines,
  type ProbeRunWorkers,
} from "./probe-run.ts";
import type { ProbeWorker } from "./prober.ts";

/** Takes the attempts of a stretch caught up in bulk, listed when read. */
export type DeferredAttempts = (ps: PodState, attempts: Iterable<RecordedProbe>) => void;

interface FastForwardedPod {
  ps: PodState;
  net: PodNetwork;
  /** Stops watching the trees the pod's containers see (their roots and volumes). */
  unwatch: (() => void)[];
  /** The workers, each with its place among the pod's probe workers (ties between timers). */
  workers: { worker: ProbeWorker; order: number }[];
  /** How the workers catch up in bulk; null when one's server cannot; undefined: not known yet. */
  bulk?: BulkCatchUp | null;
  /** The attempts of stretches caught up in bulk but not handed over yet (`handOverAttempts`). */
  attempts?: ProbeRun;
}

/** What catching a pod's workers up in bulk needs, the same at every stretch while they stay. */
interface BulkCatchUp {
  workers: ProbeRunWorkers;
  /** Counts repeats each worker's server served. */
  served: ((n: number) => void)[];
  /**
   * The logs the servers write to, each with the workers logging there (a bit per worker) and the
   * run of lines last written there, extended while it is still the log's last write.
   */
  logs: { writer: DeferredWriter; mask: number; lines?: ProbeRunLines; run?: ProbeRun }[];
  /** Where the workers stand before a stretch (scratch: copied when a run begins there). */
  cursors: number[];
  /** What one worker did over a stretch (scratch). */
  advance: CursorAdvance;
}

/** How the workers catch up in bulk, or null when a server cannot answer in bulk. */
function bulkOf(ws: readonly { worker: ProbeWorker; order: number }[]): BulkCatchUp | null {
  // Why the limit: workers are told apart by a bit each (a pod has a handful).
  if (ws.length > 30) return null;
  const order: number[] = [];
  const waitMs: number[] = [];
  const periodMs: number[] = [];
  const line: ((atMs: number) => string)[] = [];
  const attempt: Omit<RecordedProbe, "atMs">[] = [];
  const served: ((n: number) => void)[] = [];
  const logs: BulkCatchUp["logs"] = [];
  for (let i = 0; i < ws.length; i++) {
    const { worker, order: o } = ws[i]!;
    const s = worker.ffState();
    if (!s.deferral) return null;
    order.push(o);
    waitMs.push(s.at.waitMs);
    periodMs.push(s.at.periodMs);
    line.push(s.deferral.line);
    attempt.push(s.attempt);
    served.push(s.deferral.served);
    let log = logs.find((l) => l.writer === s.deferral!.writer);
    if (!log) logs.push((log = { writer: s.deferral.writer, mask: 0 }));
    log.mask |= 1 << i;
  }
  return {
    workers: { order, waitMs, periodMs, line, attempt },
    served,
    logs,
    cursors: new Array<number>(2 * ws.length),
    advance: { sent: 0, answered: 0 },
  };
}

/** Whether the worker's next event is due now but after the real timer firing now (`before`). */
function afterReal(
  e: { worker: ProbeWorker; order: number },
  now: number,
  before: { armedMs: number; order: number },
): boolean {
  if (e.worker.ffNextMs() < now) return false;
  const armed = e.worker.ffArmedMs();
  return armed > before.armedMs || (armed === before.armedMs && e.order > before.order);
}

/** The node's fast-forwarded probe workers, by pod. */
export class ProbeFastForward {
  private readonly pods = new Map<PodState, FastForwardedPod>();
  /** Catching up now: hooks called by what the catching up does are not for us. */
  private settling = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly recordAttempts: DeferredAttempts,
  ) {}

  /**
   * Fast-forwards `worker`, the `order`-th probe worker of the pod whose network is `net` and whose
   * containers see `trees`.
   */
  add(ps: PodState, worker: ProbeWorker, order: number, net: PodNetwork, trees: () => FsDir[]): void {
    let pod = this.pods.get(ps);
    if (!pod) {
      pod = { ps, net, unwatch: [], workers: [] };
      this.pods.set(ps, pod);
      const entry = pod;
      // Why the entry itself: a connection is the commonest reason to catch up (every request to
      // the pod), and `release` takes the watcher away when the entry goes.
      net.watcher = { beforeUse: () => this.settlePod(entry, true), beforeChange: () => this.release(ps) };
      // Why: a file the pod serves may change (the answer with it), from another pod too.
      for (const t of trees()) pod.unwatch.push(watchTree(t, () => this.release(ps)));
    }
    // Why: the attempts held back are those of the workers as they were.
    this.handOverAttempts(pod);
    pod.workers.push({ worker, order });
    pod.bulk = undefined;
  }

  /** Whether the pod has workers to catch up (not counting while catching up). */
  pending(ps: PodState): boolean {
    return !this.settling && this.pods.has(ps);
  }

  /**
   * Catches the pod's fast-forwarded workers up to now; they stay fast-forwarded. `before`: the
   * timer now firing was set at `armedMs` by the pod's `order`-th probe worker, so what is due now
   * too but was set later (or by a later worker at the same time) comes after it, not before.
   */
  settle(ps: PodState, before?: { armedMs: number; order: number }): void {
    const pod = this.pods.get(ps);
    if (pod) this.settlePod(pod, false, before);
  }

  /**
   * `settle` for the pod's entry. `use`: a connection comes in, which needs the log caught up but
   * not the attempts (see `handOverAttempts`).
   */
  private settlePod(pod: FastForwardedPod, use: boolean, before?: { armedMs: number; order: number }): void {
    if (this.settling) return;
    const now = this.clock.now();
    this.settling = true;
    try {
      this.skipToNow(pod, now);
      if (!use) this.handOverAttempts(pod);
      const ws = pod.workers;
      if (ws.length === 1) {
        const e = ws[0]!;
        while (e.worker.ffNextMs() <= now && !(before && afterReal(e, now, before))) {
          this.handOverAttempts(pod);
          e.worker.catchUp();
        }
      } else {
        for (;;) {
          let next: ProbeWorker | undefined;
          let at = now;
          let armed = 0;
          let order = 0;
          for (const e of ws) {
            const t = e.worker.ffNextMs();
            if (t > at || (before && afterReal(e, now, before))) continue;
            const a = e.worker.ffArmedMs();
            if (next && t === at && (a > armed || (a === armed && e.order > order))) continue;
            next = e.worker;
            at = t;
            armed = a;
            order = e.order;
          }
          if (!next) break;
          this.handOverAttempts(pod);
          next.catchUp();
        }
      }
    } finally {
      this.clock.restore();
      this.settling = false;
    }
  }

  /**
   * Catches the pod's workers up over every step due before `now` at once when each server can
   * answer in bulk: the log lines go out as deferred runs, the attempts are held back as one.
   */
  private skipToNow(pod: FastForwardedPod, now: number): void {
    const ws = pod.workers;
    let due = false;
    for (let i = 0; i < ws.length && !due; i++) due = ws[i]!.worker.ffNextMs() < now;
    if (!due) return;
    if (pod.bulk === undefined) pod.bulk = bulkOf(ws);
    const bulk = pod.bulk;
    if (!bulk) return;
    const start = bulk.cursors;
    const advance = bulk.advance;
    let answers = false;
    let logged = 0;
    // Why one pass: each worker's cursor is read (for the run) just before it is moved past now.
    for (let i = 0; i < ws.length; i++) {
      const worker = ws[i]!.worker;
      worker.ffCursorInto(start, 2 * i);
      const { sent, answered } = worker.ffSkip(now, advance);
      bulk.served[i]!(sent);
      if (sent > 0) logged |= 1 << i;
      if (answered > 0) answers = true;
    }
    let from: readonly number[] | undefined;
    // Why one write per log: probes of two workers logged to one log interleave by time.
    for (const g of bulk.logs) {
      // Why extend while it is the log's last write: its lines, then those of this stretch, are
      // what the log would hold next, and the lines joined to it (requests answered) fall in
      // between by time. A run with something written after it is left as it is.
      if (g.lines?.open) g.run!.untilMs = now;
      else if (logged & g.mask) {
        from ??= start.slice();
        g.run = new ProbeRun(bulk.workers, from, now);
        g.lines = new ProbeRunLines(g.run, g.mask);
        g.writer(g.lines);
      }
    }
    // Why held back: only the pod's attempts list needs them, and whatever adds to it or reads it
    // settles the pod first (a worker recording an attempt, the timeline, a stop); a connection
    // needs only the log. The stretches follow each other (a step done one by one hands them over
    // first), so one run from where the first began lists them all: it is extended until handed over.
    if (pod.attempts) pod.attempts.untilMs = now;
    else if (answers) pod.attempts = new ProbeRun(bulk.workers, from ?? start.slice(), now);
  }

  /** Hands the attempts held back over to the pod's attempts list. */
  private handOverAttempts(pod: FastForwardedPod): void {
    const run = pod.attempts;
    if (!run) return;
    pod.attempts = undefined;
    this.recordAttempts(pod.ps, new ProbeRunAttempts(run));
  }

  /** Catches the pod's workers up and stops fast-forwarding them: they set their timers again. */
  release(ps: PodState): void {
    const pod = this.pods.get(ps);
    if (!pod || this.settling) return;
    this.settle(ps);
    this.pods.delete(ps);
    if (pod.net.watcher) pod.net.watcher = undefined;
    for (const unwatch of pod.unwatch) unwatch();
    // Why sorted: the timers they set now keep the order the ones they stand for would have had.
    const ws = pod.workers.map((e) => ({ ...e, armed: e.worker.ffArmedMs() }));
    ws.sort((a, b) => a.armed - b.armed || a.order - b.order);
    for (const e of ws) e.worker.resume();
  }

  /** Catches every pod up (the simulation stopped: results are about to be read). */
  settleAll(): void {
    for (const ps of this.pods.keys()) this.settle(ps);
  }
}
