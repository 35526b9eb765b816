/**
 * `registry.k8s.io/pause` (build/pause/linux/pause.c): sleeps forever; SIGINT and SIGTERM print
 * `Shutting down, got signal: …` and exit 0. `-v` prints the version.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import { catchSignals, nextSignal } from "./syscalls.ts";

/** Program id of `/pause`. */
export const PAUSE_PROGRAM = "pause/pause";

/** `/pause`. */
export function* pause(ctx: ProcessContext): ProcessBody {
  if (ctx.argv[1] === "-v") {
    ctx.stdout(`pause.c v${ctx.env.get("PAUSE_VERSION") ?? "3.10"}\n`);
    return 0;
  }
  if (ctx.pid !== 1) ctx.stderr("Warning: pause should be the first process\n");
  catchSignals(ctx, ["SIGINT", "SIGTERM", "SIGCHLD"]);
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGINT" || sig === "SIGTERM") {
      ctx.stderr(`Shutting down, got signal: ${sig === "SIGINT" ? "Interrupt" : "Terminated"}\n`);
      return 0;
    }
  }
}
