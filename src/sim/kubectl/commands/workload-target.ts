/** Finds the one workload `TYPE NAME` or `TYPE/NAME` names, and changes it through `update`. */
import type { ApiObject, ClusterApi } from "../api.ts";
import type { Invocation } from "../context.ts";
import type { DryRunStrategy } from "../dry-run.ts";
import { clientError, fromCluster, KubectlError, notFoundText, usageError } from "../errors.ts";
import { qualifiedPlural, type ResourceType } from "../resources.ts";
import { getObject, parseTargets } from "./targets.ts";

/** A workload object and its type. */
export interface Workload {
  type: ResourceType;
  obj: ApiObject;
}

/** Resolves the arguments to existing objects (kubectl reports each missing one). */
export function workloads(inv: Invocation, usage: string): Workload[] {
  if (inv.positionals.length === 0) throw usageError(inv.command, usage);
  const { targets } = parseTargets(inv.positionals);
  const found: Workload[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    if (t.names.length === 0) throw clientError("resource(s) were provided, but no name was specified");
    for (const name of t.names) {
      const obj = getObject(inv.api, t.type, t.type.namespaced ? inv.namespace : "", name);
      if (obj) found.push({ type: t.type, obj });
      else errors.push(notFoundText(qualifiedPlural(t.type), name));
    }
  }
  if (errors.length > 0) throw new KubectlError(errors.join("\n"));
  return found;
}

/**
 * Applies `change` to a copy of the object and stores it; the copy is returned. A client dry run
 * sends nothing; a server dry run sends the update with `dryRun=All`.
 */
export function updateObject(
  api: ClusterApi,
  obj: ApiObject,
  change: (copy: ApiObject) => void,
  dryRun: DryRunStrategy = "none",
): ApiObject {
  const copy = structuredClone(obj);
  change(copy);
  if (dryRun === "client") return copy;
  if (!api.update)
    throw clientError("this command needs object updates, which the simulated cluster does not support yet");
  const err = dryRun === "server" ? api.update(copy, { dryRun: true }) : api.update(copy);
  if (err !== undefined) throw fromCluster(err);
  return copy;
}

/** Compares pod templates ignoring the `pod-template-hash` label (`equalIgnoreHash`). */
export function templateKey(template: unknown): string {
  const t = structuredClone((template ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (t.metadata?.labels) delete t.metadata.labels["pod-template-hash"];
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(t));
}

/** The ReplicaSets a Deployment controls (by controller reference). */
export function ownedBy(objs: ApiObject[], owner: ApiObject): ApiObject[] {
  return objs.filter((o) =>
    ((o.metadata.ownerReferences ?? []) as { uid?: string; controller?: boolean }[]).some(
      (r) => r.controller && r.uid === owner.metadata.uid,
    ),
  );
}
