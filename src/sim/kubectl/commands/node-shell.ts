/**
 * The `kubectl node-shell NODE [-- CMD...]` plugin (kvaps/kubectl-node-shell): it starts a
 * privileged `nsenter-xxxxxx` pod on the node, attaches to it (`kubectl run -i`) and deletes it
 * afterwards. The emulator runs the command in the node's own filesystem and prints what the
 * plugin and the kubectl commands it runs print around the output.
 */
import type { ExecResult, Wait } from "../api.ts";
import type { Invocation } from "../context.ts";
import { KubectlError, notFoundText } from "../errors.ts";

/** The plugin's pod name: `nsenter-` and six characters of `[a-z0-9]` (deterministic here). */
export function nsenterPodName(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 6; i++) {
    s += alphabet[h % 36];
    h = Math.imul(h ^ (h >>> 13), 2654435761) >>> 0;
  }
  return `nsenter-${s}`;
}

/** Runs the plugin. Its arguments are parsed by the plugin's own shell loop, not by kubectl's flags. */
export function* nodeShell(inv: Invocation): Generator<Wait, number, void> {
  const { api, out } = inv;
  const args = inv.positionals;
  let node: string | undefined;
  let namespace = inv.namespace;
  let command: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      command = args.slice(i + 1);
      break;
    }
    if (a === "-n" || a === "--namespace") {
      namespace = args[++i] ?? namespace;
      continue;
    }
    if (a.startsWith("--namespace=")) {
      namespace = a.slice("--namespace=".length);
      continue;
    }
    if (a === "--context" || a === "--kubeconfig") {
      i++;
      continue;
    }
    if (a.startsWith("--kubecontext=") || a.startsWith("--kubeconfig=")) continue;
    if (node === undefined) node = a;
    else {
      // Why (kubectl-node_shell): the plugin echoes its complaints to stdout.
      out.out("exactly one node required\n");
      return 1;
    }
  }
  if (node === undefined) {
    out.out("Please specify node name\n");
    return 1;
  }
  if (!api.get("Node", "", node)) throw new KubectlError(notFoundText("nodes", node));
  const argv = command && command.length > 0 ? command : ["bash", "-l"];
  const pod = nsenterPodName(`${node}/${api.nowMs()}/${argv.join(" ")}`);
  out.err(`spawning "${pod}" on "${node}"\n`);
  // Why (attach.go Run): `kubectl run -i` prints this before attaching unless --quiet.
  out.err("If you don't see a command prompt, try pressing enter.\n");
  const r: ExecResult = yield* api.nodeShell(node, argv);
  out.out(r.stdout);
  out.err(r.stderr);
  if (r.exitCode !== 0) {
    // Why (run.go): a failed `--restart=Never` pod ends kubectl run with the container's exit code.
    out.err(`pod ${namespace}/${pod} terminated (Error)\n`);
  }
  // The plugin's EXIT trap: `kubectl delete pod --wait=false $pod >&2`.
  out.err(`pod "${pod}" deleted from ${namespace} namespace\n`);
  return r.exitCode;
}
