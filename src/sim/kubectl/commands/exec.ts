/**
 * `kubectl exec (POD | pod/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs a command in
 * a container, passing its exit code through (`command terminated with exit code N`).
 */
import type { ExecResult, Wait } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError, KubectlError, serverError, usageError } from "../errors.ts";
import { asPod } from "../model.ts";
import { podForObject } from "./pod-for-object.ts";
import { defaultContainer } from "./pod-target.ts";

/** Flags of `kubectl exec`. */
export const EXEC_FLAGS: FlagSpec[] = [
  { name: "container", short: "c", kind: "string" },
  { name: "stdin", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "quiet", short: "q", kind: "bool" },
  { name: "filename", short: "f", kind: "strings" },
  { name: "pod-running-timeout", kind: "string" },
];

/**
 * Whether an exec result is the exec request failing (no command ran) rather than the command's
 * own exit. The cluster may mark it with `error`; otherwise the kubectl-shaped failure texts the
 * cluster produces (`error: unable to upgrade connection: …`, `Error from server …`) identify it.
 */
function execFailure(r: ExecResult): string | undefined {
  const marked = (r as ExecResult & { error?: unknown }).error;
  if (typeof marked === "string") return marked;
  if (r.exitCode === 1 && r.stdout === "" && /^(error: |Error from server )/.test(r.stderr)) return r.stderr;
  return undefined;
}

/** Runs `kubectl exec`. */
export function* exec(inv: Invocation): Generator<Wait, number, void> {
  const { flags, api, out } = inv;
  // Why (exec.go Complete): without `--`, extra words are refused since kubectl v1.31.
  if (inv.afterDash === undefined && inv.positionals.length > 1) {
    throw usageError(
      "exec",
      "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
    );
  }
  const resource = inv.positionals[0];
  if (resource === undefined && flags.strings("filename").length === 0) {
    throw usageError("exec", "pod, type/name or --filename must be specified");
  }
  if (resource === undefined) throw clientError("exec -f is not supported in Podlife: name the pod");
  const command = inv.afterDash ?? [];
  if (command.length === 0) throw clientError("you must specify at least one command for the container");

  const { pod } = yield* podForObject(
    api,
    inv.namespace,
    resource,
    "active",
    flags.string("pod-running-timeout"),
  );
  const name = pod.metadata.name;
  const phase = asPod(pod).status.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    throw clientError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const quiet = flags.bool("quiet");
  let container = flags.string("container");
  if (container === undefined || container === "") {
    container = defaultContainer(pod, (t) => out.err(t), quiet);
  } else {
    const p = asPod(pod);
    const known = [...p.spec.containers, ...(p.spec.initContainers ?? [])].some((c) => c.name === container);
    // Why (pod strategy ExecLocation): the API server refuses names that are not in the pod spec.
    if (!known) throw serverError("BadRequest", `container ${container} is not valid for pod ${name}`);
  }
  const stdin = flags.bool("stdin");
  let tty = flags.bool("tty") && stdin;
  // Why (StreamOptions.SetupTTY): `-t` needs stdin to be a terminal; a script's is not.
  if (tty && !inv.ctx.tty) {
    tty = false;
    if (!quiet) out.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
  }

  const r: ExecResult = yield* api.exec(
    inv.namespace,
    name,
    container,
    command,
    stdin ? (inv.ctx.stdin ?? "") : undefined,
  );
  const failure = execFailure(r);
  if (failure !== undefined) throw new KubectlError(failure.replace(/\n+$/, ""));
  if (tty) {
    // A terminal merges the two streams.
    out.out(r.stdout + r.stderr);
  } else {
    out.out(r.stdout);
    out.err(r.stderr);
  }
  if (r.exitCode !== 0) {
    // Why (cmdutil.checkErr, utilexec.ExitError): printed without the `error: ` prefix, exit code passed on.
    throw new KubectlError(`command terminated with exit code ${r.exitCode}`, r.exitCode);
  }
  return 0;
}
