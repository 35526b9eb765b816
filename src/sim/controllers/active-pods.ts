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
interface RankedPod {
  pod: ApiObject;
  rank: number;
}

/** What the comparison reads from a pod, read once per pod rather than once per comparison. */
interface SortKey {
  pod: ApiObject;
  rank: number;
  unassigned: boolean;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyMs: number | undefined;
  restarts: { regular: number; sidecar: number };
  createdMs: number | undefined;
  uid: string;
}

function deletionCost(pod: ApiObject): number {
  const v = Number(pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

function sortKey(r: RankedPod, startMs: number): SortKey {
  const pod = r.pod;
  const node = podNodeName(pod);
  return {
    pod,
    rank: r.rank,
    unassigned: node === "",
    node,
    phase: PHASE_ORDINAL[podStatus(pod).phase ?? ""] ?? -1,
    ready: isPodReady(pod),
    cost: deletionCost(pod),
    readyMs: podReadySinceMs(pod, startMs),
    restarts: maxContainerRestarts(pod),
    createdMs: parseApiTime(pod.metadata.creationTimestamp, startMs),
    uid: pod.metadata.uid ?? "",
  };
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
 * Orders two pods for deletion (`lessForDeletion` both ways): negative when `a` goes first.
 * 1. unscheduled before scheduled; 2. Pending < Unknown < Running; 3. not ready before ready;
 * 4. lower pod-deletion-cost first; 5. more co-located pods first; 6. ready more recently first
 * (in log2 buckets); 7. more restarts first; 8. created more recently first (log2 buckets), then uid.
 */
function compareKeys(a: SortKey, b: SortKey, nowMs: number): number {
  if (lessForDeletion(a, b, nowMs)) return -1;
  if (lessForDeletion(b, a, nowMs)) return 1;
  return 0;
}

function lessForDeletion(i: SortKey, j: SortKey, nowMs: number): boolean {
  if (i.node !== j.node && (i.unassigned || j.unassigned)) return i.unassigned;
  if (i.phase !== j.phase) return i.phase < j.phase;
  if (i.ready !== j.ready) return !i.ready;
  if (i.cost !== j.cost) return i.cost < j.cost;
  if (i.rank !== j.rank) return i.rank > j.rank;
  if (i.ready && j.ready && i.readyMs !== j.readyMs) {
    if (i.readyMs === undefined || j.readyMs === undefined) return afterOrZero(i.readyMs, j.readyMs);
    const diff = logarithmicRankDiff(i.readyMs, j.readyMs, nowMs);
    if (diff === 0) return i.uid < j.uid;
    return diff < 0;
  }
  if (i.restarts.regular !== j.restarts.regular) return i.restarts.regular > j.restarts.regular;
  if (i.restarts.sidecar !== j.restarts.sidecar) return i.restarts.sidecar > j.restarts.sidecar;
  if (i.createdMs !== j.createdMs) {
    if (i.createdMs === undefined || j.createdMs === undefined) return afterOrZero(i.createdMs, j.createdMs);
    const diff = logarithmicRankDiff(i.createdMs, j.createdMs, nowMs);
    if (diff === 0) return i.uid < j.uid;
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
  const keys = pods.map((pod) => sortKey({ pod, rank: onNode.get(podNodeName(pod)) ?? 0 }, startMs));
  // Array.prototype.sort is stable, as Go's sort.Sort is not; ties are rare (uids break them).
  keys.sort((a, b) => compareKeys(a, b, nowMs));
  return keys.slice(0, count).map((k) => k.pod);
}
