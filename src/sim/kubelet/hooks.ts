/**
 * Lifecycle hook handlers (HND): exec in the container, HTTP GET from the node, or a kubelet-side
 * sleep that ends early if the container terminates. Returns an error message on failure.
 */
import type { RuntimeContainer, Sandbox } from "../runtime/cri.ts";
import type { Latch, Task } from "../task.ts";
import type { KubeletHost } from "./host.ts";
import { httpGet } from "./probe-exec.ts";
import type { ContainerSpec, LifecycleHandler } from "./spec.ts";

/** Runs a hook handler; resolves to undefined on success or the kubelet's error text. */
export function* runHook(
  host: KubeletHost,
  sb: Sandbox,
  inst: RuntimeContainer,
  c: ContainerSpec,
  h: LifecycleHandler,
  podDesc: string,
): Task<string | undefined> {
  if (h.exec) {
    const r = yield* host.runtime.execSync(sb, inst, c, h.exec.command);
    if (r.kind === "exited" && r.code === 0) return undefined;
    const err =
      r.kind === "exited"
        ? `command '${h.exec.command.join(" ")}' exited with ${r.code}: ${r.stderr}`
        : r.kind === "error"
          ? r.message
          : "timeout";
    const out = r.kind === "exited" ? r.stdout + r.stderr : "";
    return `Exec lifecycle hook ([${h.exec.command.join(" ")}]) for Container "${c.name}" in Pod "${podDesc}" failed - error: ${err}, message: "${out}"`;
  }
  if (h.httpGet) {
    const r = yield* httpGet(sb, c, h.httpGet, 1_000_000, host.runtime.now());
    if (r.result === "success" || r.result === "warning") return undefined;
    return `HTTP lifecycle hook (${h.httpGet.path ?? "/"}) for Container "${c.name}" in Pod "${podDesc}" failed - error: ${r.output}`;
  }
  if (h.sleep) {
    const winner = yield {
      race: [{ sleep: h.sleep.seconds * 1000 }, { latch: inst.exited as Latch<unknown> }],
    };
    if (winner === 1) return undefined; // container terminated before the sleep hook finished
    return undefined;
  }
  return undefined;
}
