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
  const spec = (pod.spec ?? {}) as { initContainers?: { name: string; restartPolicy?: string }[] };
  const sidecars = new Set(
    (spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always").map((c) => c.name),
  );
  const summary = summarizePod(pod, epochMs + atMs);
  const containers = [
    ...((status.initContainerStatuses as Json[] | undefined) ?? []).map((s) =>
      containerSnapshot(s, sidecars.has(String(s.name)) ? "sidecar" : "init"),
    ),
    ...((status.containerStatuses as Json[] | undefined) ?? []).map((s) => containerSnapshot(s, "regular")),
  ];
  return {
    atMs,
    phase: String(status.phase ?? "Pending"),
    status: summary.status,
    ready: summary.ready,
    restarts: containers.reduce((n, c) => n + c.restartCount, 0),
    deleting: !!pod.metadata.deletionTimestamp,
    conditions: ((status.conditions as Json[] | undefined) ?? []).map((c) => ({
      type: String(c.type),
      status: String(c.status),
      ...(typeof c.reason === "string" ? { reason: c.reason } : {}),
      ...(typeof c.message === "string" ? { message: c.message } : {}),
    })),
    containers,
  };
}

/** Whether two snapshots show the same status (ignoring when they were taken). */
export function sameSnapshot(a: StatusSnapshot, b: StatusSnapshot): boolean {
  return sameJson({ ...a, atMs: 0 }, { ...b, atMs: 0 });
}
