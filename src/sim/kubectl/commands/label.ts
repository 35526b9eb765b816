/** `kubectl label` and `kubectl annotate`: `KEY=VALUE` sets (with `--overwrite`), `KEY-` removes. */
import type { ApiObject } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from "../dry-run.ts";
import { clientError, usageError } from "../errors.ts";
import { kindString } from "../resources.ts";
import { parseLabelSelector } from "../selectors.ts";
import { listObjects, parseTargets } from "./targets.ts";
import { updateObject, type Workload, workloads } from "./workload-target.ts";

/** Flags of `kubectl label` and `kubectl annotate`. */
export const LABEL_FLAGS: FlagSpec[] = [
  { name: "overwrite", kind: "bool" },
  { name: "all", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "list", kind: "bool" },
  DRY_RUN_FLAG,
  { name: "resource-version", kind: "string" },
];

function run(inv: Invocation, field: "labels" | "annotations"): number {
  const noun = field === "labels" ? "label" : "annotation";
  const verb = field === "labels" ? "labeled" : "annotated";
  const changes = inv.positionals.filter((a) => a.includes("=") || (a.endsWith("-") && !a.includes("/")));
  const resources = inv.positionals.filter((a) => !changes.includes(a));
  if (changes.length === 0 && !inv.flags.bool("list")) {
    throw usageError(inv.command, `at least one ${noun} update is required`);
  }
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith("-") && !c.includes("=")) remove.push(c.slice(0, -1));
    else set.set(c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1));
  }
  const dryRun = dryRunStrategy(inv);
  const suffix = dryRunSuffix(dryRun);
  let targets: Workload[];
  const selector = inv.flags.string("selector");
  if (selector !== undefined || inv.flags.bool("all")) {
    const sel = selector !== undefined ? parseLabelSelector(selector) : undefined;
    if (sel && "error" in sel) throw clientError(sel.error);
    targets = parseTargets(resources).targets.flatMap((t) =>
      listObjects(inv.api, t.type, inv.namespace)
        .filter((o) => !sel || sel.matches(o))
        .map((obj) => ({ type: t.type, obj })),
    );
  } else {
    targets = workloads(
      { ...inv, positionals: resources },
      "one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  }
  for (const { type, obj } of targets) {
    const current = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
    if (!inv.flags.bool("overwrite")) {
      for (const [k] of set) {
        if (current[k] !== undefined && current[k] !== set.get(k)) {
          throw clientError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
        }
      }
    }
    const next = { ...current };
    for (const [k, v] of set) next[k] = v;
    for (const k of remove) {
      if (next[k] === undefined) inv.out.err(`${noun} "${k}" not found.\n`);
      delete next[k];
    }
    const head = `${kindString(type)}/${obj.metadata.name}`;
    if (JSON.stringify(next) === JSON.stringify(current)) {
      inv.out.out(`${head} not ${verb}${suffix}\n`);
      continue;
    }
    updateObject(
      inv.api,
      obj,
      (copy: ApiObject) => {
        if (Object.keys(next).length === 0) delete copy.metadata[field];
        else copy.metadata[field] = next;
      },
      dryRun,
    );
    inv.out.out(`${head} ${verb}${suffix}\n`);
  }
  return 0;
}

/** Runs `kubectl label`. */
export function label(inv: Invocation): number {
  return run(inv, "labels");
}

/** Runs `kubectl annotate`. */
export function annotate(inv: Invocation): number {
  return run(inv, "annotations");
}
