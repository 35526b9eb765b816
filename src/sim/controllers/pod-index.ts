/**
 * The ReplicaSet controller's pod informer cache, indexed by controller: the pods each owner
 * controls, the orphans of each namespace, and a fingerprint of what a ReplicaSet's sync reads
 * from a pod (phase, deletion, readiness, node, labels), so that status updates that change
 * nothing it reads do not queue a sync that would do nothing.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { controllerOf } from "./meta.ts";
import { podNodeName, podStatus } from "./pods.ts";
import type { WatchEvent } from "./watch.ts";

function fingerprint(pod: ApiObject): string {
  const s = podStatus(pod);
  const ready = s.conditions?.find((c) => c.type === "Ready");
  return [
    s.phase ?? "",
    pod.metadata.deletionTimestamp ?? "",
    ready ? `${ready.status}@${ready.lastTransitionTime ?? ""}` : "",
    podNodeName(pod),
    JSON.stringify(pod.metadata.labels ?? {}),
  ].join("|");
}

const NONE: readonly ApiObject[] = [];

/** Pods by controller uid (orphans under `orphan/<namespace>`). */
export class PodIndex {
  private readonly byOwner = new Map<string, Map<string, ApiObject>>();
  private readonly ownerOf = new Map<string, string>();
  private readonly seen = new Map<string, string>();

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
      if (previous !== undefined) this.byOwner.get(previous)?.delete(uid);
      let bucket = this.byOwner.get(owner);
      if (!bucket) this.byOwner.set(owner, (bucket = new Map()));
      bucket.set(uid, pod);
      this.ownerOf.set(uid, owner);
    }
    const print = fingerprint(pod);
    const changed = this.seen.get(uid) !== print || previous !== owner;
    this.seen.set(uid, print);
    return changed;
  }

  /** The pods an owner controls, in the order they were first seen. */
  controlledBy(ownerUid: string | undefined): ApiObject[] {
    return [...this.liveControlledBy(ownerUid)];
  }

  /** `controlledBy` without the copy: only for a loop that changes no pod while it runs. */
  liveControlledBy(ownerUid: string | undefined): Iterable<ApiObject> {
    return this.byOwner.get(ownerUid ?? "")?.values() ?? NONE;
  }

  /** The pods of a namespace that nothing controls. */
  orphans(namespace: string | undefined): ApiObject[] {
    return [...this.liveOrphans(namespace)];
  }

  /** `orphans` without the copy: only for a loop that changes no pod while it runs. */
  liveOrphans(namespace: string | undefined): Iterable<ApiObject> {
    return this.byOwner.get(`orphan/${namespace ?? "default"}`)?.values() ?? NONE;
  }
}
