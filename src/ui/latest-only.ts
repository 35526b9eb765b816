/**
 * "Latest only" scheduling for re-simulation: a request runs at once when nothing is running;
 * while a run is in flight, newer requests replace each other and the newest runs as soon as the
 * worker is free. A run overtaken by a newer request is stale: its result is dropped, and when it
 * has been running for `cancelAfterMs` it is cancelled (the worker is restarted) rather than
 * waited for. No debounce: a gallery scenario simulates in tens of milliseconds, so each edit can
 * be simulated as it is typed.
 */

/** When a request was made and when its run started (`performance.now()` times). */
export interface RunTimes {
  requestedAt: number;
  startedAt: number;
}

/** Options of `latestOnly`; `now` and the timer functions are injectable for tests. */
export interface LatestOnlyOptions {
  /** Stops every run in flight (their promises must still settle). */
  cancel?: () => void;
  /** How long a stale run may go on before it is cancelled. */
  cancelAfterMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The scheduler: `request` the newest input; `dispose` drops whatever is still to come. */
export interface LatestOnly<T> {
  request(input: T): void;
  dispose(): void;
}

/** A run in flight: when it started, whether a newer request overtook it, its cancel timer. */
interface Flight {
  startedAt: number;
  stale: boolean;
  cancelTimer?: unknown;
}

/** Runs `run` on the newest input only, one run at a time, and hands fresh results to `onResult`. */
export function latestOnly<T, R>(
  run: (input: T) => Promise<R>,
  onResult: (result: R, input: T, times: RunTimes) => void,
  options: LatestOnlyOptions = {},
): LatestOnly<T> {
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const cancelAfterMs = options.cancelAfterMs ?? 300;
  let wanted: { input: T; requestedAt: number } | undefined;
  let inFlight = undefined as Flight | undefined;
  let disposed = false;

  const pump = () => {
    if (disposed || inFlight || !wanted) return;
    const { input, requestedAt } = wanted;
    wanted = undefined;
    const flight: Flight = { startedAt: now(), stale: false };
    inFlight = flight;
    const settle = (result: R | undefined, ok: boolean) => {
      if (flight.cancelTimer !== undefined) clearTimer(flight.cancelTimer);
      inFlight = undefined;
      if (ok && !flight.stale && !disposed)
        onResult(result as R, input, { requestedAt, startedAt: flight.startedAt });
      pump();
    };
    run(input).then(
      (r) => settle(r, true),
      () => settle(undefined, false),
    );
  };

  return {
    request(input) {
      if (disposed) return;
      wanted = { input, requestedAt: now() };
      const flight = inFlight;
      if (!flight) return pump();
      if (flight.stale || !options.cancel) {
        flight.stale = true;
        return;
      }
      flight.stale = true;
      const cancel = options.cancel;
      const wait = Math.max(0, flight.startedAt + cancelAfterMs - now());
      flight.cancelTimer = setTimer(() => {
        if (inFlight === flight) cancel();
      }, wait);
    },
    dispose() {
      disposed = true;
      wanted = undefined;
      if (inFlight?.cancelTimer !== undefined) clearTimer(inFlight.cancelTimer);
    },
  };
}
