/**
 * Status snapshots: a compact copy of a pod's API status after each change, with the READY and
 * STATUS columns `kubectl get pods` would print for it, so the views can show the status at any
 * playhead time and a `kubectl get pods -w` style history.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { summarizePod } from "../kubectl/printers/pod-table.ts";
import { sameJson } from "../same-json.ts";
import type { ContainerKind, ContainerStatusSnapshot, StatusSnapshot } from "./types.ts";

type Json = Record<string, unknown>;

function containerSnapshot(s: Json, kind: ContainerKind): ContainerStatusSnapshot {
  const state = (s.state ?? {}) as Json;
  const key = state.running ? "running" : state.terminated ? "terminated" : "waiting";
  const detail = (state[key] ?? {}) as Json;
  const out: ContainerStatusSnapshot = {
    name: String(s.name),
    kind,
    state: key,
    ready: s.ready === true,
    restartCount: Number(s.restartCount ?? 0),
  };
  if (typeof detail.reason === "string") out.reason = detail.reason;
  if (typeof detail.message === "string") out.message = detail.message;
  if (typeof detail.exitCode === "number") out.exitCode = detail.exitCode;
  if (typeof s.started === "boolean") out.started = s.started;
  return out;
}

/** The snapshot of a pod object at virtual time `atMs`. */
export function snapshotPod(pod: ApiObject, atMs: number, epochMs: number): StatusSnapshot {
  const status = (pod.status ?? {}) as Json;
  const summary = summarizePod(pod, epochMs + atMs);
  // Why loops and no spreads: every status write of every pod is snapshotted (13,000 in a
  // 1000-replica rollout); the snapshot's fields and their order are as they were.
  const containers: ContainerStatusSnapshot[] = [];
  const inits = (status.initContainerStatuses as Json[] | undefined) ?? [];
  if (inits.length > 0) {
    const spec = (pod.spec ?? {}) as { initContainers?: { name: string; restartPolicy?: string }[] };
    const sidecars = new Set(
      (spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always").map((c) => c.name),
    );
    for (const s of inits)
      containers.push(containerSnapshot(s, sidecars.has(String(s.name)) ? "sidecar" : "init"));
  }
  for (const s of (status.containerStatuses as Json[] | undefined) ?? [])
    containers.push(containerSnapshot(s, "regular"));
  let restarts = 0;
  for (const c of containers) restarts += c.restartCount;
  const conditions: StatusSnapshot["conditions"] = [];
  for (const c of (status.conditions as Json[] | undefined) ?? []) {
    const out: StatusSnapshot["conditions"][number] = { type: String(c.type), status: String(c.status) };
    if (typeof c.reason === "string") out.reason = c.reason;
    if (typeof c.message === "string") out.message = c.message;
    conditions.push(out);
  }
  return {
    atMs,
    phase: String(status.phase ?? "Pending"),
    status: summary.status,
    ready: summary.ready,
    restarts,
    deleting: !!pod.metadata.deletionTimestamp,
    conditions,
    containers,
  };
}

/**
 * Whether two snapshots show the same status (ignoring when they were taken): whether their JSON
 * texts, `atMs` aside, are the same. Why field by field: both come from `snapshotPod`, so they
 * have the same fields in the same order; copying both to blank out `atMs` was garbage per write.
 */
export function sameSnapshot(a: StatusSnapshot, b: StatusSnapshot): boolean {
  return (
    sameJson(a.phase, b.phase) &&
    sameJson(a.status, b.status) &&
    sameJson(a.ready, b.ready) &&
    (a.restarts === b.restarts || sameJson(a.restarts, b.restarts)) &&
    a.deleting === b.deleting &&
    sameJson(a.conditions, b.conditions) &&
    sameJson(a.containers, b.containers)
  );
}
