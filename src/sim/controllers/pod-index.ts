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
import { podNodeName, podStatus } from "./pods.ts";
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
 * Pods by controller uid (orphans under `orphan/<namespace>`), each with its `DeletionFacts` as of
 * its last watch event. Why the facts can be kept: every change to a stored pod is reported by a
 * watch event (the store's `touch`) before any sync runs, and the facts are read again from the
 * pod on each event, whether or not `observe` calls it a change.
 */
export class PodIndex {
  private readonly byOwner = new Map<string, Bucket>();
  private readonly ownerOf = new Map<string, string>();
  private readonly seen = new Map<string, SeenPod>();

  /** Updates the index from a pod event; true when the change matters to a ReplicaSet's sync. */
  observe(event: WatchEvent): boolean {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const previous = this.ownerOf.get(uid);
    if (event.type === "DELETED") {
      if (previous !== undefined) this.byOwner.get(previous)?.delete(uid);
      this.ownerOf.delete(uid);
      this.seen.delete(uid);
      return true;
    }
    const owner = controllerOf(pod)?.uid ?? `orphan/${pod.metadata.namespace ?? "default"}`;
    if (previous !== owner) {
      const facts = previous === undefined ? undefined : this.byOwner.get(previous)?.get(uid);
      if (previous !== undefined) this.byOwner.get(previous)?.delete(uid);
      let bucket = this.byOwner.get(owner);
      if (!bucket) this.byOwner.set(owner, (bucket = new Map()));
      bucket.set(uid, deletionFacts(pod, facts));
      this.ownerOf.set(uid, owner);
    } else {
      const bucket = this.byOwner.get(owner)!;
      const facts = bucket.get(uid);
      if (facts) deletionFacts(pod, facts);
      else bucket.set(uid, deletionFacts(pod));
    }
    const changed = this.see(uid, pod) || previous !== owner;
    return changed;
  }

  /** Records what a sync reads from the pod; true when it differs from what was seen last. */
  private see(uid: string, pod: ApiObject): boolean {
    const s = podStatus(pod);
    const ready = s.conditions?.find((c) => c.type === "Ready");
    const labels = pod.metadata.labels ?? {};
    const seen = this.seen.get(uid);
    const now: SeenPod = {
      phase: s.phase ?? "",
      deletion: pod.metadata.deletionTimestamp ?? "",
      hasReady: ready !== undefined,
      readyStatus: ready ? ready.status : "",
      readySince: ready?.lastTransitionTime ?? "",
      node: podNodeName(pod),
      // Why keep the earlier copy when the labels read the same: it stands for the same JSON text.
      labels: seen && sameJson(seen.labels, labels) ? seen.labels : deepCopy(labels),
    };
    this.seen.set(uid, now);
    return (
      !seen ||
      seen.labels !== now.labels ||
      seen.phase !== now.phase ||
      seen.deletion !== now.deletion ||
      seen.hasReady !== now.hasReady ||
      seen.readyStatus !== now.readyStatus ||
      seen.readySince !== now.readySince ||
      seen.node !== now.node
    );
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
