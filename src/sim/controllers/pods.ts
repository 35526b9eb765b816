/**
 * Pod predicates the workload controllers use (`pkg/api/v1/pod` and `pkg/controller`):
 * active, ready, available for `minReadySeconds`.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { parseApiTime } from "./meta.ts";

interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

interface PodStatusView {
  phase?: string;
  conditions?: PodCondition[];
  containerStatuses?: { restartCount?: number }[];
  initContainerStatuses?: { restartCount?: number }[];
}

/** The pod's status fields the controllers read. */
export function podStatus(pod: ApiObject): PodStatusView {
  return (pod.status ?? {}) as PodStatusView;
}

/** The node the pod is bound to, or "" while unscheduled. */
export function podNodeName(pod: ApiObject): string {
  return ((pod.spec as { nodeName?: string } | undefined)?.nodeName ?? "") as string;
}

/** `controller.IsPodActive`: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: ApiObject): boolean {
  const phase = podStatus(pod).phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** The pod's Ready condition, if it has one. */
export function readyCondition(pod: ApiObject): PodCondition | undefined {
  const conditions = podStatus(pod).conditions;
  if (conditions) for (const c of conditions) if (c.type === "Ready") return c;
  return undefined;
}

/** `podutil.IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: ApiObject): boolean {
  return readyCondition(pod)?.status === "True";
}

/** When the pod last became Ready (virtual ms, whole seconds as the API stores it), if it is Ready. */
export function podReadySinceMs(pod: ApiObject, startMs: number): number | undefined {
  const c = readyCondition(pod);
  return c?.status === "True" ? parseApiTime(c.lastTransitionTime, startMs) : undefined;
}

/**
 * `podutil.IsPodAvailable`: Ready, and Ready for longer than `minReadySeconds` (strictly: the
 * transition time plus the minimum must be before now).
 */
export function isPodAvailable(
  pod: ApiObject,
  minReadySeconds: number,
  nowMs: number,
  startMs: number,
): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadySinceMs(pod, startMs);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}
