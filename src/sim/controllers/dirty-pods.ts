import type { ServicePodIndex } from "./service-pod-index.ts";
import type { WatchEvent } from "./watch.ts";

/**
 * What the endpoint controllers have to look at again, per Service key: some pods (by uid), or
 * all of them after the Service itself changed. Taken (and cleared) when the key is synced.
 */
export class DirtyPods {
  private readonly byKey = new Map<string, Set<string> | "all">();

  /** The whole Service needs a full sync. */
  all(key: string): void {
    this.byKey.set(key, "all");
  }

  /** One pod of the Service changed. */
  pod(key: string, uid: string): void {
    const d = this.byKey.get(key);
    if (d === undefined) this.byKey.set(key, new Set([uid]));
    else if (d !== "all") d.add(uid);
  }

  /**
   * Feeds a Service or Pod watch event to `index` and records what it dirties: all of a changed
   * Service, or the pod in each Service that selects it (before or after). Returns the Service keys
   * to sync; none for other kinds.
   */
  observe(event: WatchEvent, index: ServicePodIndex): string[] {
    const obj = event.object;
    if (obj.kind === "Service") {
      const key = index.observeService(event);
      this.all(key);
      return [key];
    }
    if (obj.kind !== "Pod") return [];
    const uid = obj.metadata.uid ?? "";
    const keys = index.observePod(event);
    for (const key of keys) this.pod(key, uid);
    return keys;
  }

  /** What changed since the last sync of `key` ("all" when nothing was recorded). */
  take(key: string): Set<string> | "all" {
    const d = this.byKey.get(key) ?? "all";
    this.byKey.delete(key);
    return d;
  }
}
