/**
 * The liveness test server from the Kubernetes docs (`registry.k8s.io/liveness` running `/server`,
 * and `agnhost liveness`): on :8080, `/healthz` answers 200 `ok` for the first 10 seconds after
 * the process started and 500 `error: <seconds>` afterwards (test/images/agnhost/liveness/server.go).
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import type { HttpRequest, HttpResponse } from "../network.ts";
import { GO_NOT_FOUND, goListen, goServeForever, splitTarget } from "./go-http.ts";
import { goDurationString, goFloat } from "./go-runtime.ts";

/** Program id of `/server` in `registry.k8s.io/liveness`. */
export const LIVENESS_PROGRAM = "liveness/server";

/** The liveness server's handler for a process started at `startMs`. */
export function livenessHandler(startMs: number): (req: HttpRequest, nowMs: number) => HttpResponse {
  return (req, nowMs) => {
    const { path, query } = splitTarget(req.path);
    const elapsedMs = nowMs - startMs;
    if (path === "/healthz") {
      // Why: the upstream test is `duration.Seconds() > 10`, so 10.000 s is still healthy.
      return elapsedMs > 10_000
        ? { status: 500, body: `error: ${goFloat(elapsedMs / 1000)}` }
        : { status: 200, body: "ok" };
    }
    if (path === "/started") return { status: 200, body: goDurationString(elapsedMs) };
    if (path === "/redirect") {
      const loc = query.get("loc") ?? "";
      return { status: 302, body: `<a href="${loc}">Found</a>.\n\n`, headers: { Location: loc } };
    }
    return GO_NOT_FOUND;
  };
}

/** `/server` (and `agnhost liveness`). */
export function* livenessServer(ctx: ProcessContext): ProcessBody {
  if (!goListen(ctx, 8080, livenessHandler(ctx.now()), "liveness")) return 1;
  return yield* goServeForever(ctx);
}
