/** `kubectl scale TYPE/NAME --replicas=N` and `kubectl set image TYPE/NAME CONTAINER=IMAGE…`. */
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy } from "../dry-run.ts";
import { clientError, usageError } from "../errors.ts";
import { MutationPrinter } from "../printers/mutation.ts";
import { kindString } from "../resources.ts";
import { updateObject, workloads } from "./workload-target.ts";

/** Flags of `kubectl scale`. */
export const SCALE_FLAGS: FlagSpec[] = [
  { name: "replicas", kind: "int" },
  { name: "current-replicas", kind: "int" },
  { name: "timeout", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "strings" },
  DRY_RUN_FLAG,
];

const SCALABLE = ["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"];

/** Runs `kubectl scale`. */
export function scale(inv: Invocation): number {
  const replicas = inv.flags.int("replicas") ?? -1;
  if (replicas < 0) {
    throw usageError(
      "scale",
      "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    );
  }
  const current = inv.flags.int("current-replicas") ?? -1;
  const dryRun = dryRunStrategy(inv);
  const printer = new MutationPrinter(inv.flags.string("output"), "scaled", dryRun);
  for (const w of workloads(inv, "Required resource not specified.")) {
    if (!SCALABLE.includes(w.type.kind)) {
      throw clientError(`the server could not find the requested resource`);
    }
    const spec = (w.obj.spec ?? {}) as { replicas?: number };
    if (current >= 0 && (spec.replicas ?? 1) !== current) {
      throw clientError(`Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
    }
    // Why (scale.go): a client dry run sends nothing; either way the object printed is the one
    // read before scaling.
    updateObject(
      inv.api,
      w.obj,
      (copy) => {
        (copy.spec ??= {}).replicas = replicas;
      },
      dryRun,
    );
    inv.out.out(printer.text(w.obj, `${kindString(w.type)}/${w.obj.metadata.name}`));
  }
  return 0;
}

/** Flags of `kubectl set`. */
export const SET_FLAGS: FlagSpec[] = [
  { name: "all", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "strings" },
  { name: "local", kind: "bool" },
  DRY_RUN_FLAG,
];

interface PodSpecHolder {
  containers?: { name: string; image?: string }[];
  initContainers?: { name: string; image?: string }[];
}

function podSpecOf(obj: { kind: string; spec?: Record<string, unknown> }): PodSpecHolder | undefined {
  if (obj.kind === "Pod") return obj.spec as PodSpecHolder | undefined;
  return (obj.spec?.template as { spec?: PodSpecHolder } | undefined)?.spec;
}

/** Runs `kubectl set image` (the only `set` subcommand Podlife has). */
export function set(inv: Invocation): number {
  const [sub, ...rest] = inv.positionals;
  if (sub !== "image") {
    if (sub === undefined) throw usageError("set", "Required resource not specified.");
    throw clientError(`"kubectl set ${sub}" is not supported in Podlife`);
  }
  // Why (set_image.go): arguments with `=` are CONTAINER=IMAGE pairs, the others name objects.
  const resources = rest.filter((a) => !a.includes("="));
  const pairs = rest.filter((a) => a.includes("="));
  if (pairs.length === 0) throw usageError("set image", "at least one image update is required");
  const images = new Map<string, string>();
  for (const p of pairs) {
    const eq = p.indexOf("=");
    images.set(p.slice(0, eq), p.slice(eq + 1));
  }
  const subInv: Invocation = { ...inv, command: "set image", positionals: resources };
  const dryRun = dryRunStrategy(inv);
  const printer = new MutationPrinter(inv.flags.string("output"), "image updated", dryRun);
  for (const w of workloads(
    subInv,
    "one or more resources must be specified as <resource> <name> or <resource>/<name>",
  )) {
    const spec = podSpecOf(w.obj);
    const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
    let changed = false;
    for (const [name, image] of images) {
      if (name === "*") {
        changed ||= containers.some((c) => c.image !== image);
        continue;
      }
      const c = containers.find((x) => x.name === name);
      if (!c) throw clientError(`unable to find container named "${name}"`);
      changed ||= c.image !== image;
    }
    // Why (set_image.go): an empty patch is skipped without output.
    if (!changed) continue;
    // Why (set_image.go): a client dry run prints the changed object and sends nothing.
    const updated = updateObject(
      inv.api,
      w.obj,
      (copy) => {
        const s = podSpecOf(copy);
        for (const c of [...(s?.initContainers ?? []), ...(s?.containers ?? [])]) {
          const image = images.get(c.name) ?? images.get("*");
          if (image !== undefined) c.image = image;
        }
      },
      dryRun,
    );
    inv.out.out(printer.text(updated, `${kindString(w.type)}/${w.obj.metadata.name}`));
  }
  return 0;
}
