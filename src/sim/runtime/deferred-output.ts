/**
 * Output written now but put into words later. A fast-forwarded probe run (see
 * `kubelet/probe-fast-forward.ts`) makes a server log one line per request for hours; instead of a
 * string per line, the sink that ends in a container log takes the run whole, and its lines are
 * made when the log is read. Sinks that can take a run carry a writer under `DEFERRED` (or forward
 * to one that does, `forwardingSink`); a sink without one (a file, a pipe, a command
 * substitution's buffer) gets each line as it is written.
 */
import type { OutputSink } from "./kernel.ts";

/** The lines of a deferred write, each with the virtual time it was written at, in order. */
export type DeferredText = Iterable<readonly [atMs: number, text: string]>;

/**
 * Deferred lines that a line written later may join while they are the last thing written to
 * their output (a stretch of probe lines the server goes on logging into, see `ProbeRunLines`).
 */
export interface JoinableText extends DeferredText {
  /** True while nothing else was written to its output after it (lines may join it). */
  readonly open: boolean;
  /** Told by its output that something else was written after it: nothing joins it any more. */
  close(): void;
  /**
   * Adds a line written now, at `atMs`, put into words by `line(atMs)` when read: it is listed
   * after the lines due at or before `atMs` and before the later ones (later lines may still be
   * added). False when it cannot take it (closed: then write it as usual).
   */
  join(atMs: number, line: (atMs: number) => string): boolean;
}

/**
 * Takes a deferred write: the lines are made when the output is read. Joinable lines written here
 * are closed (`JoinableText.close`) when anything else is written to the output after them.
 */
export interface DeferredWriter {
  (lines: DeferredText): void;
  /**
   * The output's last write, when it is deferred lines written here that later lines may join;
   * undefined otherwise (something else was written since, or nothing can be joined).
   */
  joinable?(): JoinableText | undefined;
}

/** Where a sink keeps its writer for deferred lines. */
export const DEFERRED: unique symbol = Symbol("deferred output");

/** A sink that may take deferred lines. */
export type DeferringSink = OutputSink & { [DEFERRED]?: DeferredWriter };

/** Where a forwarding sink keeps what gives its target (`forwardingSink`). */
const FORWARD: unique symbol = Symbol("forwarded output");

/** A sink that writes to whatever its target is at the time of writing. */
type ForwardingSink = OutputSink & { [FORWARD]?: () => OutputSink };

/** The sink's writer for deferred lines, if it has one (its target's, for a forwarding sink). */
export function deferredWriter(sink: OutputSink): DeferredWriter | undefined {
  const forward = (sink as ForwardingSink)[FORWARD];
  return forward !== undefined ? deferredWriter(forward()) : (sink as DeferringSink)[DEFERRED];
}

/** A sink that drops everything, deferred lines included (`/dev/null`, a log turned `off`). */
export function discardSink(): DeferringSink {
  return Object.assign(() => {}, { [DEFERRED]: () => {} });
}

/**
 * A sink that writes to whatever `target()` is at the time of writing (a process's standard output
 * may be redirected later), deferred lines included.
 */
export function forwardingSink(target: () => OutputSink): DeferringSink {
  // Why a plain property rather than a getter under `DEFERRED`: a getter is a new closure per
  // sink, which gives every sink its own hidden class, and reading it is slow on the request path.
  const sink: ForwardingSink = (text: string) => target()(text);
  sink[FORWARD] = target;
  return sink;
}
