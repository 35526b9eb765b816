/**
 * The order in which a ReplicaSet picks pods to delete when it scales down
 * (`controller.ActivePodsWithRanks.Less`, pkg/controller/controller_utils.go, with the
 * LogarithmicScaleDown and PodDeletionCost gates on, as in v1.34): the pods that cost least to lose
 * go first.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { parseTimestamp } from "./meta.ts";
import { isPodActive, podNodeName, podStatus, readyCondition } from "./pods.ts";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * What the comparison reads from a pod, read once per pod rather than once per comparison. The
 * age buckets are `logarithmicRankDiff`'s powers of two, which depend only on the time and now.
 */
interface SortKey {
  pod: ApiObject;
  /** How many active pods of the same owner family share its node. */
  rank: number;
  unassigned: boolean;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyMs: number | undefined;
  readyBucket: number;
  regularRestarts: number;
  sidecarRestarts: number;
  createdMs: number | undefined;
  createdBucket: number;
  uid: string;
}

function deletionCost(pod: ApiObject): number {
  const v = Number(pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/**
 * What the deletion order reads from one pod that depends neither on the time nor on the other
 * pods: everything but the co-location rank and the age buckets. Times are kept as parsed
 * (`parseTimestamp`, NaN when unparseable), undefined when there is no time to read.
 */
export interface DeletionFacts {
  pod: ApiObject;
  /**
   * True when the pod may have changed since the facts were read (an index marks them so on each
   * watch event); `currentFacts` reads them again then.
   */
  stale: boolean;
  uid: string;
  /** `isPodActive`. */
  active: boolean;
  node: string;
  phase: number;
  ready: boolean;
  /** When the pod became Ready, if it is Ready and the condition has a time. */
  readyAt: number | undefined;
  cost: number;
  regularRestarts: number;
  sidecarRestarts: number;
  createdAt: number | undefined;
}

/**
 * The pod's `DeletionFacts` as it is now, written into `into` when given (so that an index can keep
 * one object per pod up to date).
 */
export function deletionFacts(pod: ApiObject, into?: DeletionFacts): DeletionFacts {
  // `isPodReady` and the Ready transition time, from one look at the conditions.
  const condition = readyCondition(pod);
  const ready = condition?.status === "True";
  const readyText = ready ? condition.lastTransitionTime : undefined;
  const createdText = pod.metadata.creationTimestamp;
  const status = podStatus(pod);
  const f: DeletionFacts = into ?? ({} as DeletionFacts);
  f.pod = pod;
  f.stale = false;
  f.uid = pod.metadata.uid ?? "";
  f.active = isPodActive(pod);
  f.node = podNodeName(pod);
  f.phase = PHASE_ORDINAL[status.phase ?? ""] ?? -1;
  f.ready = ready;
  f.readyAt = readyText ? parseTimestamp(readyText) : undefined;
  f.cost = deletionCost(pod);
  f.regularRestarts = maxRestarts(status.containerStatuses);
  f.sidecarRestarts = maxRestarts(status.initContainerStatuses);
  f.createdAt = createdText ? parseTimestamp(createdText) : undefined;
  return f;
}

/** The facts, read again from their pod first if they are marked stale. */
export function currentFacts(f: DeletionFacts): DeletionFacts {
  return f.stale ? deletionFacts(f.pod, f) : f;
}

/** `parseApiTime` of a time kept as parsed. */
function sinceStart(at: number | undefined, startMs: number): number | undefined {
  return at === undefined || Number.isNaN(at) ? undefined : at - startMs;
}

function sortKey(f: DeletionFacts, rank: number, nowMs: number, startMs: number): SortKey {
  const readyMs = sinceStart(f.readyAt, startMs);
  const createdMs = sinceStart(f.createdAt, startMs);
  return {
    pod: f.pod,
    rank,
    unassigned: f.node === "",
    node: f.node,
    phase: f.phase,
    ready: f.ready,
    cost: f.cost,
    readyMs,
    readyBucket: readyMs === undefined ? 0 : ageBucket(readyMs, nowMs),
    regularRestarts: f.regularRestarts,
    sidecarRestarts: f.sidecarRestarts,
    createdMs,
    createdBucket: createdMs === undefined ? 0 : ageBucket(createdMs, nowMs),
    uid: f.uid,
  };
}

/** `logarithmicRankDiff`'s rank of one time: the power of two of its age (nanoseconds, as upstream). */
function ageBucket(tMs: number, nowMs: number): number {
  const d = (nowMs - tMs) * 1e6;
  return d <= 0 ? -1 : Math.floor(Math.log2(d));
}

/** The highest restart count in a list of container statuses (0 for none). */
function maxRestarts(list: { restartCount?: number }[] | undefined): number {
  let max = 0;
  if (list) for (const c of list) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/**
 * Orders two pods for deletion (`lessForDeletion` both ways): negative when `a` goes first.
 * 1. unscheduled before scheduled; 2. Pending < Unknown < Running; 3. not ready before ready;
 * 4. lower pod-deletion-cost first; 5. more co-located pods first; 6. ready more recently first
 * (in log2 buckets); 7. more restarts first; 8. created more recently first (log2 buckets), then uid.
 * Each step decides both directions at once, so this returns what asking `lessForDeletion(a, b)`
 * and then `lessForDeletion(b, a)` would; the order is not always transitive (equal times tie,
 * nearby ones fall to the uid), so the sort's result depends on exactly these answers.
 */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a.node !== b.node && (a.unassigned || b.unassigned)) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase < b.phase ? -1 : 1;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) {
    if (a.readyMs === undefined || b.readyMs === undefined) return a.readyMs === undefined ? -1 : 1;
    return compareBuckets(a, b, a.readyBucket - b.readyBucket);
  }
  if (a.regularRestarts !== b.regularRestarts) return a.regularRestarts > b.regularRestarts ? -1 : 1;
  if (a.sidecarRestarts !== b.sidecarRestarts) return a.sidecarRestarts > b.sidecarRestarts ? -1 : 1;
  if (a.createdMs !== b.createdMs) {
    // `afterOrZero`: a missing time sorts first.
    if (a.createdMs === undefined || b.createdMs === undefined) return a.createdMs === undefined ? -1 : 1;
    return compareBuckets(a, b, a.createdBucket - b.createdBucket);
  }
  return 0;
}

/** Younger bucket first; within one bucket, the lower uid. */
function compareBuckets(a: SortKey, b: SortKey, diff: number): number {
  if (diff !== 0) return diff < 0 ? -1 : 1;
  return a.uid < b.uid ? -1 : b.uid < a.uid ? 1 : 0;
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
  const family = related.map((p) => {
    const f = deletionFacts(p);
    f.active = isActive(p);
    return f;
  });
  return podsToDeleteFrom(
    pods.map((p) => deletionFacts(p)),
    family,
    count,
    nowMs,
    startMs,
  );
}

/**
 * `podsToDelete` from the pods' and the family's `DeletionFacts` (kept by an index, say; those
 * marked stale are read again first). Why it pays: the sort reads a dozen fields spread over each pod's objects, and
 * with a thousand pods that are no longer in the processor's cache those reads cost more than
 * the sort; the facts are one small object per pod.
 */
export function podsToDeleteFrom(
  pods: readonly DeletionFacts[],
  related: Iterable<DeletionFacts>,
  count: number,
  nowMs: number,
  startMs: number,
): ApiObject[] {
  if (count >= pods.length) return pods.slice(0, count).map((f) => f.pod);
  const onNode = new Map<string, number>();
  for (const r of related) {
    const p = currentFacts(r);
    if (!p.active) continue;
    onNode.set(p.node, (onNode.get(p.node) ?? 0) + 1);
  }
  const keys: SortKey[] = new Array(pods.length);
  for (let i = 0; i < pods.length; i++) {
    const f = currentFacts(pods[i] as DeletionFacts);
    keys[i] = sortKey(f, onNode.get(f.node) ?? 0, nowMs, startMs);
  }
  // Array.prototype.sort is stable, as Go's sort.Sort is not; ties are rare (uids break them).
  keys.sort(compareKeys);
  const victims: ApiObject[] = new Array(count);
  for (let i = 0; i < count; i++) victims[i] = (keys[i] as SortKey).pod;
  return victims;
}
