/**
 * The order in which a ReplicaSet picks pods to delete when it scales down
 * (`controller.ActivePodsWithRanks.Less`, pkg/controller/controller_utils.go, with the
 * LogarithmicScaleDown and PodDeletionCost gates on, as in v1.34): the pods that cost least to lose
 * go first.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { parseApiTime } from "./meta.ts";
import { isPodReady, maxContainerRestarts, podNodeName, podReadySinceMs, podStatus } from "./pods.ts";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** A pod with its rank: how many active pods of the same owner family share its node. */
export interface RankedPod {
  pod: ApiObject;
  rank: number;
}

function deletionCost(pod: ApiObject): number {
  const v = Number(pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/** `logarithmicRankDiff`: compares the ages' powers of two (nanoseconds, as upstream). */
function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  const rank = (t: number) => {
    const d = (nowMs - t) * 1e6;
    return d <= 0 ? -1 : Math.floor(Math.log2(d));
  };
  return rank(t1Ms) - rank(t2Ms);
}

/**
 * Compares two pods for deletion: negative when `a` should be deleted before `b`.
 * 1. unscheduled before scheduled; 2. Pending < Unknown < Running; 3. not ready before ready;
 * 4. lower pod-deletion-cost first; 5. more co-located pods first; 6. ready more recently first
 * (in log2 buckets); 7. more restarts first; 8. created more recently first (log2 buckets), then uid.
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number, startMs: number): number {
  const less = (x: RankedPod, y: RankedPod) => lessForDeletion(x, y, nowMs, startMs);
  if (less(a, b)) return -1;
  if (less(b, a)) return 1;
  return 0;
}

function lessForDeletion(i: RankedPod, j: RankedPod, nowMs: number, startMs: number): boolean {
  const pi = i.pod;
  const pj = j.pod;
  const ni = podNodeName(pi);
  const nj = podNodeName(pj);
  if (ni !== nj && (ni === "" || nj === "")) return ni === "";
  const oi = PHASE_ORDINAL[podStatus(pi).phase ?? ""] ?? -1;
  const oj = PHASE_ORDINAL[podStatus(pj).phase ?? ""] ?? -1;
  if (oi !== oj) return oi < oj;
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  if (i.rank !== j.rank) return i.rank > j.rank;
  if (ri && rj) {
    const ti = podReadySinceMs(pi, startMs);
    const tj = podReadySinceMs(pj, startMs);
    if (ti !== tj) {
      if (ti === undefined || tj === undefined) return afterOrZero(ti, tj);
      const diff = logarithmicRankDiff(ti, tj, nowMs);
      if (diff === 0) return (pi.metadata.uid ?? "") < (pj.metadata.uid ?? "");
      return diff < 0;
    }
  }
  const restartsI = maxContainerRestarts(pi);
  const restartsJ = maxContainerRestarts(pj);
  if (restartsI.regular !== restartsJ.regular) return restartsI.regular > restartsJ.regular;
  if (restartsI.sidecar !== restartsJ.sidecar) return restartsI.sidecar > restartsJ.sidecar;
  const ci2 = parseApiTime(pi.metadata.creationTimestamp, startMs);
  const cj2 = parseApiTime(pj.metadata.creationTimestamp, startMs);
  if (ci2 !== cj2) {
    if (ci2 === undefined || cj2 === undefined) return afterOrZero(ci2, cj2);
    const diff = logarithmicRankDiff(ci2, cj2, nowMs);
    if (diff === 0) return (pi.metadata.uid ?? "") < (pj.metadata.uid ?? "");
    return diff < 0;
  }
  return false;
}

/** `afterOrZero`: a missing time sorts first, otherwise the later time does. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * `getPodsToDelete`: the `count` pods to delete first, ranked by how many active pods of the same
 * family (`related`) run on their node.
 */
export function podsToDelete(
  pods: ApiObject[],
  related: ApiObject[],
  count: number,
  nowMs: number,
  startMs: number,
  isActive: (pod: ApiObject) => boolean,
): ApiObject[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of related) if (isActive(p)) onNode.set(podNodeName(p), (onNode.get(podNodeName(p)) ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(podNodeName(pod)) ?? 0 }));
  // Array.prototype.sort is stable, as Go's sort.Sort is not; ties are rare (uids break them).
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs, startMs));
  return ranked.slice(0, count).map((r) => r.pod);
}
