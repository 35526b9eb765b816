/**
 * `crictl` on a node (`kubectl node-shell NODE -- crictl …`): the CRI client that talks to the
 * node's containerd. `crictl pods` lists the pod sandboxes; `crictl stopp ID…` stops them the way
 * a node reboot does — every container of the sandbox is killed and the network torn down — and
 * the kubelet finds out at its next relist (SandboxChanged, init containers run again).
 */
import type { ProcessBody, ProcessContext, Program } from "../runtime/kernel.ts";
import type { PodSandboxView } from "./kubelet.ts";

/** What crictl reaches on a node. */
export interface CriNode {
  sandboxes(): PodSandboxView[];
  stopSandbox(id: string): boolean;
}

/** go-units `HumanDuration`, as crictl prints ages (`2 minutes`, `About an hour`). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return "About an hour";
  return `${hours} hours`;
}

/** A `tabwriter(minwidth 20, tabwidth 1, padding 3)` table, as crictl prints. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(20, ...rows.map((r) => (r[i] ?? "").length + 3)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join("")).join("\n");
}

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

COMMANDS:
   pods     List pods (-q, --name, --namespace)
   stopp    Stop one or more running pods
`;

/** The `crictl` program for the nodes; `nodeOf` finds the node a shell runs on by host name. */
export function crictlProgram(nodeOf: (hostname: string) => CriNode | undefined): Program {
  return function* crictl(ctx: ProcessContext): ProcessBody {
    const node = nodeOf(ctx.ns.hostname);
    const [cmd, ...args] = ctx.argv.slice(1);
    if (!node) {
      ctx.stderr(
        'validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable\n',
      );
      return 1;
    }
    if (cmd === "pods") {
      const now = ctx.now();
      let quiet = false;
      let name: string | undefined;
      let namespace: string | undefined;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === "-q" || a === "--quiet") quiet = true;
        else if (a === "--name") name = args[++i];
        else if (a.startsWith("--name=")) name = a.slice(7);
        else if (a === "--namespace") namespace = args[++i];
        else if (a.startsWith("--namespace=")) namespace = a.slice(12);
      }
      // Why (crictl pods): --name and --namespace are regular expressions matched anywhere.
      const list = node
        .sandboxes()
        .filter(
          (s) =>
            (name === undefined || new RegExp(name).test(s.name)) &&
            (namespace === undefined || new RegExp(namespace).test(s.namespace)),
        );
      if (quiet) {
        for (const s of list) ctx.stdout(`${s.id}\n`);
        return 0;
      }
      const rows = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]];
      for (const s of list) {
        rows.push([
          s.id.slice(0, 13),
          `${humanDuration(now - s.createdMs)} ago`,
          s.ready ? "Ready" : "NotReady",
          s.name,
          s.namespace,
          String(s.attempt),
          "(default)",
        ]);
      }
      ctx.stdout(`${table(rows)}\n`);
      return 0;
    }
    if (cmd === "stopp" || cmd === "stop-pod") {
      if (args.length === 0) {
        ctx.stderr("ID cannot be empty\n");
        return 1;
      }
      for (const id of args) {
        const matches = node.sandboxes().filter((s) => s.id.startsWith(id));
        if (matches.length !== 1 || !node.stopSandbox(matches[0]!.id)) {
          ctx.stderr(
            `stopping the pod sandbox "${id}": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found\n`,
          );
          return 1;
        }
        ctx.stdout(`Stopped sandbox ${id}\n`);
      }
      return 0;
    }
    if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") {
      ctx.stdout(USAGE);
      return 0;
    }
    ctx.stderr(`No help topic for '${cmd}'\n`);
    return 3;
  };
}
