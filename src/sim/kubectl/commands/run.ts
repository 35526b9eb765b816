/**
 * `kubectl run NAME --image=IMAGE [--restart=Always|OnFailure|Never] [--env=K=V] [--labels=…]
 * [--port=N] [--command] [-- ARGS…]`: builds the Pod kubectl's generator would and creates it
 * through the cluster's apply. Attaching (`-i`, `-t`, `--rm`, `--attach`) needs a terminal and is
 * refused.
 */
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { clientError, fromCluster, KubectlError, usageError } from "../errors.ts";

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
  { name: "dry-run", kind: "string" },
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
  const dryRun = flags.string("dry-run");
  if (dryRun !== undefined && dryRun !== "none") throw clientError("--dry-run is not supported in Podlife");
  const restart = flags.string("restart") ?? "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart)) {
    throw clientError(`invalid restart policy: ${restart}`);
  }
  const labels = flags.has("labels") ? parseLabels(flags.string("labels") ?? "") : { run: name };
  const container: Record<string, unknown> = { name, image, resources: {} };
  const rest = [...inv.positionals.slice(1), ...(inv.afterDash ?? [])];
  if (rest.length > 0) container[flags.bool("command") ? "command" : "args"] = rest;
  const env = flags.strings("env").map((e) => {
    const eq = e.indexOf("=");
    if (eq <= 0) throw clientError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  if (env.length > 0) container.env = env;
  const port = flags.string("port");
  if (port !== undefined && port !== "") {
    if (!/^\d+$/.test(port)) throw clientError(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  const pullPolicy = flags.string("image-pull-policy");
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const annotations: Record<string, string> = {};
  for (const a of flags.strings("annotations")) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw clientError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: inv.namespace,
      labels,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
  };
  // Why: `kubectl run` creates (POST), so an existing pod is a conflict, not an update.
  if (api.get("Pod", inv.namespace, name)) {
    throw new KubectlError(`Error from server (AlreadyExists): pods "${name}" already exists`);
  }
  const r = api.apply(JSON.stringify(pod), inv.namespace);
  if (!r.ok) throw fromCluster(r.error);
  const output = flags.string("output");
  out.out(output === "name" ? `pod/${name}\n` : `pod/${name} created\n`);
  return 0;
}
