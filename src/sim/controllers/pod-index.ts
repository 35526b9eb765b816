/**
 * The ReplicaSet controller's pod informer cache, indexed by controller: the pods each owner
 * controls, the orphans of each namespace, and what a ReplicaSet's sync reads from each pod
 * (phase, deletion, readiness, node, labels), so that status updates that change nothing it reads
 * do not queue a sync that would do nothing.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { sameJson } from "../same-json.ts";
import { type DeletionFacts, deletionFacts } from "./active-pods.ts";
import { deepCopy } from "./deep-copy.ts";
import { controllerOf } from "./meta.ts";
import { podNodeName, podStatus, readyCondition } from "./pods.ts";
import type { WatchEvent } from "./watch.ts";

/** What a ReplicaSet's sync reads from a pod, as last seen. */
interface SeenPod {
  phase: string;
  deletion: string;
  /** Whether the pod has a Ready condition, its status and its transition time ("" when unset). */
  hasReady: boolean;
  readyStatus: string;
  readySince: string;
  node: string;
  /** A copy of the labels (the stored pod is changed in place), compared as JSON text would be. */
  labels: unknown;
}

const NONE: readonly never[] = [];

/** The pods of one owner: the facts of each, by pod uid (the pod is `facts.pod`). */
type Bucket = Map<string, DeletionFacts>;

/** The pods `byOwner` holds, one after another (what `liveControlledBy` walks). */
function* podsIn(bucket: Bucket): Generator<ApiObject> {
  for (const f of bucket.values()) yield f.pod;
}

/**
 * All the index keeps of one pod, so that an event finds it in one look-up: its owner's key and
 * bucket, its deletion facts (the bucket's entry) and what a sync read from it when last seen.
 */
interface Entry {
  owner: string;
  bucket: Bucket;
  facts: DeletionFacts;
  seen: SeenPod;
}

/**
 * Pods by controller uid (orphans under `orphan/<namespace>`), each with its `DeletionFacts`,
 * marked stale by each of its watch events (whether or not `observe` calls it a change) and read
 * again when next used. Why facts that are not stale can be used: every change to a stored pod is
 * reported by a watch event (the store's `touch`) before any sync runs. Why not read them on each
 * event: most events are status updates of pods no scale-down looks at before the next one.
 */
export class PodIndex {
  private readonly byOwner = new Map<string, Bucket>();
  private readonly entries = new Map<string, Entry>();
  /**
   * False once an event brought a second object under a uid the index holds (not something the
   * API server lets happen): the kept facts are then not used.
   */
  factsCurrent = true;

  private bucketOf(owner: string): Bucket {
    let bucket = this.byOwner.get(owner);
    if (!bucket) this.byOwner.set(owner, (bucket = new Map()));
    return bucket;
  }

  /** Updates the index from a pod event; true when the change matters to a ReplicaSet's sync. */
  observe(event: WatchEvent): boolean {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const entry = this.entries.get(uid);
    if (event.type === "DELETED") {
      if (entry) {
        entry.bucket.delete(uid);
        this.entries.delete(uid);
      }
      return true;
    }
    const owner = controllerOf(pod)?.uid ?? `orphan/${pod.metadata.namespace ?? "default"}`;
    if (!entry) {
      const bucket = this.bucketOf(owner);
      const facts = deletionFacts(pod);
      bucket.set(uid, facts);
      this.entries.set(uid, { owner, bucket, facts, seen: seenNow(pod) });
      return true;
    }
    const moved = entry.owner !== owner;
    if (moved) {
      // The pod goes to its new owner's bucket as this very object.
      entry.facts.pod = pod;
      entry.facts.stale = true;
      entry.bucket.delete(uid);
      entry.owner = owner;
      entry.bucket = this.bucketOf(owner);
      entry.bucket.set(uid, entry.facts);
    } else if (entry.facts.pod === pod) entry.facts.stale = true;
    // Another object with the same uid and owner: the bucket keeps the object it had, and the
    // facts no longer stand for what the sync would read from it.
    else this.factsCurrent = false;
    return see(entry.seen, pod) || moved;
  }

  /** The pods an owner controls, in the order they were first seen. */
  controlledBy(ownerUid: string | undefined): ApiObject[] {
    return [...this.liveControlledBy(ownerUid)];
  }

  /** `controlledBy` without the copy: only for a loop that changes no pod while it runs. */
  liveControlledBy(ownerUid: string | undefined): Iterable<ApiObject> {
    const bucket = this.byOwner.get(ownerUid ?? "");
    return bucket ? podsIn(bucket) : NONE;
  }

  /**
   * The `DeletionFacts` of the pods an owner controls, in the order they were first seen (each
   * fact's `pod` is the pod): only for a loop that changes no pod while it runs.
   */
  liveFactsControlledBy(ownerUid: string | undefined): Iterable<DeletionFacts> {
    return this.byOwner.get(ownerUid ?? "")?.values() ?? NONE;
  }

  /** The pods of a namespace that nothing controls. */
  orphans(namespace: string | undefined): ApiObject[] {
    return [...this.liveOrphans(namespace)];
  }

  /** `orphans` without the copy: only for a loop that changes no pod while it runs. */
  liveOrphans(namespace: string | undefined): Iterable<ApiObject> {
    const bucket = this.byOwner.get(`orphan/${namespace ?? "default"}`);
    return bucket ? podsIn(bucket) : NONE;
  }
}

/** What a sync reads from the pod now, for a pod seen for the first time. */
function seenNow(pod: ApiObject): SeenPod {
  const s = podStatus(pod);
  const ready = readyCondition(pod);
  return {
    phase: s.phase ?? "",
    deletion: pod.metadata.deletionTimestamp ?? "",
    hasReady: ready !== undefined,
    readyStatus: ready ? ready.status : "",
    readySince: ready?.lastTransitionTime ?? "",
    node: podNodeName(pod),
    labels: deepCopy(pod.metadata.labels ?? {}),
  };
}

/**
 * Records in `seen` what a sync reads from the pod now; true when it differs from what it held.
 * Why the earlier copy of the labels is kept when they read the same: it stands for the same JSON
 * text.
 */
function see(seen: SeenPod, pod: ApiObject): boolean {
  const s = podStatus(pod);
  const ready = readyCondition(pod);
  const labels = pod.metadata.labels ?? {};
  const phase = s.phase ?? "";
  const deletion = pod.metadata.deletionTimestamp ?? "";
  const hasReady = ready !== undefined;
  const readyStatus = ready ? ready.status : "";
  const readySince = ready?.lastTransitionTime ?? "";
  const node = podNodeName(pod);
  const sameLabels = sameJson(seen.labels, labels);
  if (
    sameLabels &&
    seen.phase === phase &&
    seen.deletion === deletion &&
    seen.hasReady === hasReady &&
    seen.readyStatus === readyStatus &&
    seen.readySince === readySince &&
    seen.node === node
  )
    return false;
  seen.phase = phase;
  seen.deletion = deletion;
  seen.hasReady = hasReady;
  seen.readyStatus = readyStatus;
  seen.readySince = readySince;
  seen.node = node;
  if (!sameLabels) seen.labels = deepCopy(labels);
  return true;
}
