/**
 * The garbage collector's cascading deletion (pkg/controller/garbagecollector), background
 * propagation only: once an owner is gone from the store, the objects that name it in their
 * owner references are deleted (pods gracefully), after the collector's own latency.
 */
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import type { ControllerHost } from "./host.ts";
import { GARBAGE_COLLECTOR_LATENCY_MS, latencyMs } from "./latency.ts";
import { ownerReferences } from "./meta.ts";
import type { WatchEvent } from "./watch.ts";

/** Kinds whose objects can be dependents here (what the workload controllers create). */
const DEPENDENT_KINDS = ["ReplicaSet", "Pod", "EndpointSlice"];

/** Deletes the dependents of deleted owners. */
export class GarbageCollector {
  constructor(
    private readonly host: ControllerHost,
    private readonly random: SeededRandom,
  ) {}

  /** Reacts to deletions: schedules the dependents' deletion. */
  observe(event: WatchEvent): void {
    if (event.type !== "DELETED") return;
    const owner = event.object;
    const uid = owner.metadata.uid;
    // Pods and Nodes own nothing that Podlife creates: no graph walk for them.
    if (!uid || owner.kind === "Node" || owner.kind === "Pod") return;
    this.host.clock.setTimeout(
      () => this.deleteDependents(owner, uid),
      latencyMs(this.random, GARBAGE_COLLECTOR_LATENCY_MS),
    );
  }

  private deleteDependents(owner: ApiObject, uid: string): void {
    const ns = owner.metadata.namespace;
    for (const kind of DEPENDENT_KINDS) {
      for (const obj of this.host.store.list(kind, ns)) {
        const refs = ownerReferences(obj);
        if (!refs.some((r) => r.uid === uid)) continue;
        // Why (attemptToDeleteItem): a dependent that still has another live owner is kept.
        const others = refs.filter((r) => r.uid !== uid);
        if (others.length > 0 && others.some((r) => this.ownerExists(ns, r.kind, r.name, r.uid))) continue;
        if (obj.metadata.deletionTimestamp) continue;
        this.host.delete(kind, ns ?? "default", obj.metadata.name, {});
      }
    }
  }

  private ownerExists(ns: string | undefined, kind: string, name: string, uid: string): boolean {
    return this.host.store.get(kind, ns, name)?.metadata.uid === uid;
  }
}
