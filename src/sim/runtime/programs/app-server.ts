/**
 * The generic application server behind Scenario-described images (`AppImageSpec`): prints its
 * start-up logs, listens on its ports after `startupSeconds`, answers HTTP routes whose response
 * changes with time since start, serves gRPC health, exits by itself after `exitAfterSeconds`,
 * and on SIGTERM (or the image's stop signal, or SIGINT) drains for `drainSeconds` and exits — or
 * ignores the signal when told to.
 */

import type { AppHttpRoute, AppImageSpec } from "../../scenario/types.ts";
import type { ProcessBody, ProcessContext, Program } from "../kernel.ts";
import type { HttpRequest, HttpResponse, Listener } from "../network.ts";
import { parseSignal, type Signal } from "../signals.ts";
import { catchSignals, nextSignal, sleepUntil } from "./syscalls.ts";

/** The program id of the server for an application image repository. */
export function appProgramId(repository: string): string {
  return `app/${repository}`;
}

/** How an app answers `path` at `elapsedMs` since its process started. */
export function appHttpResponse(
  routes: AppHttpRoute[] | undefined,
  path: string,
  elapsedMs: number,
): HttpResponse {
  if (!routes) return { status: 200, body: "ok" };
  const p = path.split("?")[0] ?? "/";
  const route = routes.find((r) => r.path === p) ?? routes.find((r) => r.path === "*");
  if (!route) return { status: 404, body: "404 page not found\n" };
  let current: AppHttpRoute["responses"][number] | undefined;
  for (const r of [...route.responses].sort((a, b) => a.afterSeconds - b.afterSeconds)) {
    if (r.afterSeconds * 1000 <= elapsedMs) current = r;
  }
  if (!current) return { status: 200, body: "ok" };
  const res: HttpResponse = {
    status: current.status,
    body: current.body ?? (current.status < 400 ? "ok" : "error"),
  };
  if (current.delaySeconds) res.delayMs = current.delaySeconds * 1000;
  return res;
}

/** Builds the server program for one application image. */
export function appServer(spec: AppImageSpec): Program {
  return function* appServerProcess(ctx: ProcessContext): ProcessBody {
    const start = ctx.now();
    const stopSignal = parseSignal(spec.stopSignal ?? "SIGTERM") ?? "SIGTERM";
    const termSignals = [...new Set<Signal>([stopSignal, "SIGTERM", "SIGINT"])];
    const onTerm = spec.onSigterm ?? { action: "exit" };
    if (onTerm.action === "ignore") for (const s of termSignals) ctx.setDisposition(s, "ignore");
    else catchSignals(ctx, termSignals);
    for (const line of spec.logs ?? []) ctx.stdout(`${line}\n`);

    const ports = spec.ports ?? [];
    const listenAt = start + (spec.startupSeconds ?? 0) * 1000;
    const exitAt =
      spec.exitAfterSeconds !== undefined ? start + spec.exitAfterSeconds * 1000 : Number.POSITIVE_INFINITY;
    let listening = ports.length === 0;
    let drainEnd = Number.POSITIVE_INFINITY;
    const grpc = spec.grpc ?? ports.length > 0;

    for (;;) {
      if (!listening && ctx.now() >= listenAt) {
        listening = true;
        for (const port of ports) {
          const l: Listener = {
            port,
            http: (req: HttpRequest, nowMs: number) => appHttpResponse(spec.http, req.path, nowMs - start),
            accepting: true,
            owner: spec.name,
          };
          if (grpc) l.grpcHealth = () => "SERVING";
          if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) {
            ctx.stderr(`listen tcp :${port}: bind: address already in use\n`);
            return 1;
          }
        }
      }
      if (ctx.now() >= exitAt) return spec.exitCode ?? 0;
      if (ctx.now() >= drainEnd) return onTerm.exitCode ?? 0;
      const deadline = Math.min(listening ? Number.POSITIVE_INFINITY : listenAt, exitAt, drainEnd);
      const sig = Number.isFinite(deadline) ? yield* sleepUntil(ctx, deadline) : yield* nextSignal();
      if (sig && termSignals.includes(sig) && !Number.isFinite(drainEnd)) {
        drainEnd = ctx.now() + (onTerm.drainSeconds ?? 0) * 1000;
      }
    }
  };
}
