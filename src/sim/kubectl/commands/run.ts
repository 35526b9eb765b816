/**
 * `kubectl run NAME --image=IMAGE [--restart=Always|OnFailure|Never] [--env=K=V] [--labels=…]
 * [--port=N] [--command] [-- ARGS…]`: builds the Pod kubectl's generator would and creates it
 * through the cluster's apply. Attaching (`-i`, `-t`, `--rm`, `--attach`) needs a terminal and is
 * refused.
 */
import type { ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy } from "../dry-run.ts";
import { clientError, fromCluster, KubectlError, usageError } from "../errors.ts";
import { MutationPrinter } from "../printers/mutation.ts";

/** Flags of `kubectl run`. */
export const RUN_FLAGS: FlagSpec[] = [
  { name: "image", kind: "string" },
  { name: "restart", kind: "string" },
  { name: "env", kind: "strings" },
  { name: "labels", short: "l", kind: "string" },
  { name: "port", kind: "string" },
  { name: "command", kind: "bool" },
  { name: "image-pull-policy", kind: "string" },
  { name: "annotations", kind: "strings" },
  { name: "stdin", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "rm", kind: "bool" },
  { name: "attach", kind: "bool" },
  DRY_RUN_FLAG,
  { name: "output", short: "o", kind: "string" },
  { name: "quiet", short: "q", kind: "bool" },
];

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw clientError(`invalid label spec: ${part}`);
    labels[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return labels;
}

/** Runs `kubectl run`. */
export function run(inv: Invocation): number {
  const { flags, api, out } = inv;
  const name = inv.positionals[0];
  if (name === undefined) throw usageError("run", "NAME is required for run");
  const image = flags.string("image");
  if (image === undefined || image === "") throw clientError('required flag(s) "image" not set');
  if (flags.bool("stdin") || flags.bool("tty") || flags.bool("attach") || flags.bool("rm")) {
    throw clientError(
      "kubectl run with -i, -t, --attach or --rm needs a terminal; Podlife runs it detached only",
    );
  }
  const dryRun = dryRunStrategy(inv);
  const restart = flags.string("restart") ?? "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart)) {
    throw clientError(`invalid restart policy: ${restart}`);
  }
  const labels = flags.has("labels") ? parseLabels(flags.string("labels") ?? "") : { run: name };
  // Keys in the Go Container struct's field order (name, image, command, args, ports, env,
  // resources, imagePullPolicy), which `-o json` shows.
  const container: Record<string, unknown> = { name, image };
  const rest = [...inv.positionals.slice(1), ...(inv.afterDash ?? [])];
  if (rest.length > 0) container[flags.bool("command") ? "command" : "args"] = rest;
  const port = flags.string("port");
  if (port !== undefined && port !== "") {
    if (!/^\d+$/.test(port)) throw clientError(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  const env = flags.strings("env").map((e) => {
    const eq = e.indexOf("=");
    if (eq <= 0) throw clientError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  if (env.length > 0) container.env = env;
  container.resources = {};
  const pullPolicy = flags.string("image-pull-policy");
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const annotations: Record<string, string> = {};
  for (const a of flags.strings("annotations")) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw clientError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  // Why (run.go, generate/versioned BasicPod): `status: {}` and `resources: {}` are empty structs;
  // the namespace is set only by an explicit `-n`.
  const pod = {
    kind: "Pod",
    apiVersion: "v1",
    metadata: {
      name,
      ...(inv.namespaceExplicit ? { namespace: inv.namespace } : {}),
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: "ClusterFirst" },
    status: {},
  } as ApiObject;
  const printer = new MutationPrinter(flags.string("output"), "created", dryRun);
  if (dryRun === "client") {
    out.out(printer.text(pod, `pod/${name}`, true));
    return 0;
  }
  // Why: `kubectl run` creates (POST), so an existing pod is a conflict, not an update.
  if (api.get("Pod", inv.namespace, name)) {
    throw new KubectlError(`Error from server (AlreadyExists): pods "${name}" already exists`);
  }
  const { status: _status, ...request } = pod;
  const r = api.apply(JSON.stringify(request), inv.namespace, dryRun === "server" ? { dryRun: true } : {});
  if (!r.ok) throw fromCluster(r.error);
  const stored = r.objects?.[0] ?? api.get("Pod", inv.namespace, name);
  out.out(printer.text(stored ?? pod, `pod/${name}`));
  return 0;
}
