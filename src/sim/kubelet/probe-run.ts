/**
 * The arithmetic of a fast-forwarded probe worker (see `probe-fast-forward.ts`): while its probes
 * repeat, a worker sends one every period and takes the answer in `waitMs` later, so where it
 * stands after any stretch of time is known without stepping through it, and the steps themselves
 * (for the log lines and attempts they stand for) can be listed later, in the order the timers
 * would have fired them.
 */
import type { JoinableText } from "../runtime/deferred-output.ts";
import type { RecordedProbe } from "./kubelet.ts";

/** Where a fast-forwarded probe worker stands: what it does next, and when. */
export interface ProbeCursor {
  /** When the next probe is sent. */
  sendMs: number;
  /** When the probe in flight was sent (its answer is due `waitMs` later); -1 when none is. */
  sentMs: number;
  /** How long an answer takes (less than a period). */
  readonly waitMs: number;
  readonly periodMs: number;
}

/** One step of a worker: a probe sent, or its answer taken in. */
export interface ProbeStep {
  /** The worker's index in the cursors given to `probeSteps`. */
  index: number;
  kind: "send" | "answer";
  /** When the step happens. */
  atMs: number;
  /** When the probe it belongs to was sent. */
  sentMs: number;
}

/** When the cursor's next step is due. */
export function nextStepMs(c: ProbeCursor): number {
  return c.sentMs >= 0 ? c.sentMs + c.waitMs : c.sendMs;
}

/**
 * When the timer for the cursor's next step would have been set: an answer's when the probe was
 * sent, a send's when the answer before it came in (ties between timers go to the earlier-set).
 */
export function stepArmedMs(c: ProbeCursor): number {
  return c.sentMs >= 0 ? c.sentMs : c.sendMs - c.periodMs + c.waitMs;
}

/** Does the cursor's next step. */
export function stepCursor(c: ProbeCursor): "send" | "answer" {
  if (c.sentMs >= 0) {
    c.sentMs = -1;
    return "answer";
  }
  c.sentMs = c.sendMs;
  c.sendMs += c.periodMs;
  return "send";
}

/** How many probes a cursor sent and answers it took in over a stretch (`advanceCursor`). */
export interface CursorAdvance {
  sent: number;
  answered: number;
}

/**
 * Moves the cursor past every step due before `untilMs` at once: how many probes it sent and how
 * many answers it took in on the way (put in `out`, which is returned).
 */
export function advanceCursor(
  c: ProbeCursor,
  untilMs: number,
  out: CursorAdvance = { sent: 0, answered: 0 },
): CursorAdvance {
  out.sent = 0;
  out.answered = 0;
  if (c.sentMs >= 0) {
    if (c.sentMs + c.waitMs >= untilMs) return out;
    c.sentMs = -1;
    out.answered++;
  }
  if (c.sendMs >= untilMs) return out;
  const sent = Math.ceil((untilMs - c.sendMs) / c.periodMs);
  const last = c.sendMs + (sent - 1) * c.periodMs;
  // Why only the last can be in flight: each answer comes before the next send (waitMs < period).
  out.answered += sent - 1;
  if (last + c.waitMs < untilMs) out.answered++;
  else c.sentMs = last;
  c.sendMs = last + c.periodMs;
  out.sent = sent;
  return out;
}

/**
 * The steps due before `untilMs` of workers starting from `cursors` (not changed), in the order
 * their timers would have fired: by time, then by when the timer was set, then by `order` (the
 * worker's place among the pod's probe workers).
 */
export function* probeSteps(
  cursors: readonly ProbeCursor[],
  order: readonly number[],
  untilMs: number,
): Generator<ProbeStep> {
  const cs = cursors.map((c) => ({ ...c }));
  for (;;) {
    let next = -1;
    let at = untilMs;
    let armed = 0;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const t = nextStepMs(c);
      if (t > at || (t === at && next < 0)) continue;
      const a = stepArmedMs(c);
      if (next >= 0 && t === at && (a > armed || (a === armed && order[i]! > order[next]!))) continue;
      next = i;
      at = t;
      armed = a;
    }
    if (next < 0) return;
    const c = cs[next]!;
    const sentMs = c.sentMs >= 0 ? c.sentMs : c.sendMs;
    yield { index: next, kind: stepCursor(c), atMs: at, sentMs };
  }
}

/** What a pod's fast-forwarded workers do the same way at every step while fast-forwarded. */
export interface ProbeRunWorkers {
  /** Each worker's place among the pod's probe workers (ties between timers). */
  readonly order: readonly number[];
  readonly waitMs: readonly number[];
  readonly periodMs: readonly number[];
  /** The log line each worker's probe makes the server write at a time. */
  readonly line: readonly ((atMs: number) => string)[];
  /** The attempt each worker's answer records, but for `atMs` (when the probe was sent). */
  readonly attempt: readonly Omit<RecordedProbe, "atMs">[];
}

/**
 * A stretch of fast-forwarded probing caught up in bulk: where the pod's workers stood when it
 * began (`sendMs`, `sentMs` per worker, flat), and the time it ends before. Its steps, log lines and
 * attempts are listed when read.
 */
export class ProbeRun {
  constructor(
    readonly workers: ProbeRunWorkers,
    /** Where the workers stood when the stretch began. */
    readonly start: readonly number[],
    /**
     * The stretch ends before this time. Why it may grow: the fast-forward extends a stretch still
     * open (its log lines are still the last thing in their log, its attempts not handed over)
     * rather than start another, so catching up allocates nothing (see `ProbeFastForward`).
     */
    public untilMs: number,
  ) {}

  /** The stretch's steps, in the order the timers would have fired them. */
  steps(): Generator<ProbeStep> {
    const w = this.workers;
    const cursors = w.order.map((_, i) => ({
      sendMs: this.start[2 * i]!,
      sentMs: this.start[2 * i + 1]!,
      waitMs: w.waitMs[i]!,
      periodMs: w.periodMs[i]!,
    }));
    return probeSteps(cursors, w.order, this.untilMs);
  }
}

/**
 * The log lines of a run's probes sent by some of its workers (those logging to one log), and
 * the lines the server wrote in between that joined them (a request's access log line): merged
 * by time when read, a joined line after the probe lines due at or before its time.
 *
 * Why a joined line goes after the probe lines of its own millisecond: a connection catches the
 * pod's probes up to and including its time before the server answers (`PodWatcher.beforeUse`),
 * so the probe lines of that millisecond were written before it.
 */
export class ProbeRunLines implements JoinableText {
  /** When each joined line was written, in the order written (times never go back). */
  private readonly joinedMs: number[] = [];
  /** How each joined line is put into words. */
  private readonly joinedLine: ((atMs: number) => string)[] = [];

  constructor(
    private readonly run: ProbeRun,
    /** The workers logging there, a bit each (bit `i` for worker `i`). */
    private readonly logged: number,
  ) {}

  /** See `JoinableText.open`. */
  open = true;

  /** See `JoinableText.close`. */
  close(): void {
    this.open = false;
  }

  /** See `JoinableText.join`: a line written while the run is the log's last write. */
  join(atMs: number, line: (atMs: number) => string): boolean {
    if (!this.open) return false;
    this.joinedMs.push(atMs);
    this.joinedLine.push(line);
    return true;
  }

  *[Symbol.iterator](): Iterator<readonly [number, string]> {
    const line = this.run.workers.line;
    const joinedMs = this.joinedMs;
    let j = 0;
    for (const s of this.run.steps()) {
      if (s.kind !== "send" || !((this.logged >> s.index) & 1)) continue;
      for (; j < joinedMs.length && joinedMs[j]! < s.atMs; j++)
        yield [joinedMs[j]!, this.joinedLine[j]!(joinedMs[j]!)];
      yield [s.atMs, line[s.index]!(s.atMs)];
    }
    for (; j < joinedMs.length; j++) yield [joinedMs[j]!, this.joinedLine[j]!(joinedMs[j]!)];
  }
}

/** The attempts a run records, in the order their answers came. */
export class ProbeRunAttempts implements Iterable<RecordedProbe> {
  constructor(private readonly run: ProbeRun) {}

  *[Symbol.iterator](): Iterator<RecordedProbe> {
    const attempt = this.run.workers.attempt;
    for (const s of this.run.steps()) {
      if (s.kind !== "answer") continue;
      const { container, type, outcome, why } = attempt[s.index]!;
      yield why
        ? { container, type, atMs: s.sentMs, outcome, why }
        : { container, type, atMs: s.sentMs, outcome };
    }
  }
}
