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
   * Records what a Service or Pod watch event dirties, given the Service keys the shared
   * `ServicePodIndex` returned for it: all of a changed Service, or the pod in each Service that
   * selects it (before or after).
   */
  record(event: WatchEvent, keys: readonly string[]): void {
    const obj = event.object;
    if (obj.kind === "Service") for (const key of keys) this.all(key);
    else if (obj.kind === "Pod") {
      const uid = obj.metadata.uid ?? "";
      for (const key of keys) this.pod(key, uid);
    }
  }

  /** What changed since the last sync of `key` ("all" when nothing was recorded). */
  take(key: string): Set<string> | "all" {
    const d = this.byKey.get(key) ?? "all";
    this.byKey.delete(key);
    return d;
  }
}
