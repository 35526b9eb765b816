/**
 * A Go `net/http` server in the simulation: one port, a handler, the Go runtime's signal
 * behaviour, and a loop that serves until a fatal signal. Used by agnhost, the docs' liveness
 * image and goproxy.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import type { HttpRequest, HttpResponse, Listener } from "../network.ts";
import { goFatalSignal, goLogPrefix, installGoSignals } from "./go-runtime.ts";
import { nextSignal } from "./syscalls.ts";
import { wallTimeMs } from "./wallclock.ts";

/** Go's default 404 (`http.NotFound`). */
export const GO_NOT_FOUND: HttpResponse = { status: 404, body: "404 page not found\n" };

/** Binds `port` with an HTTP handler; prints Go's `log.Fatal(ListenAndServe…)` line on failure. */
export function goListen(
  ctx: ProcessContext,
  port: number,
  http: (req: HttpRequest, nowMs: number) => HttpResponse,
  owner: string,
): Listener | undefined {
  const l: Listener = { port, http, accepting: true, owner };
  if (ctx.ns.net.listen(ctx.ns, ctx.pid, l)) return l;
  ctx.stderr(`${goLogPrefix(wallTimeMs(ctx))}listen tcp :${port}: bind: address already in use\n`);
  return undefined;
}

/** Serves until a signal the Go runtime treats as fatal; returns the exit code. */
export function* goServeForever(ctx: ProcessContext): ProcessBody {
  const fatal = installGoSignals(ctx);
  for (;;) {
    const sig = yield* nextSignal();
    if (fatal.includes(sig)) return goFatalSignal(ctx, sig);
  }
}

/** The path part of a request target and its query parameters. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf("?");
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}
