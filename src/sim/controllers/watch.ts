/**
 * The API server's watch, as the controllers' informers see it: an object store that reports each
 * create, update and delete to one listener, synchronously, as it happens. Informer and work-queue
 * latency is added by whoever listens (see `latency.ts`), not here.
 */

import { ObjectStore } from "../cluster/store.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";

/** What happened to an object. */
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** One watch event: the object (the stored one, still mutable) and what happened to it. */
export interface WatchEvent {
  type: WatchEventType;
  object: ApiObject;
}

/** An `ObjectStore` whose changes are reported to a listener (the controller manager). */
export class WatchedStore extends ObjectStore {
  constructor(
    random: SeededRandom,
    epochMs: number,
    now: () => number,
    private readonly listener: (event: WatchEvent) => void,
  ) {
    super(random, epochMs, now);
  }

  override create(obj: ApiObject): ApiObject {
    const created = super.create(obj);
    this.listener({ type: "ADDED", object: created });
    return created;
  }

  override touch(obj: ApiObject): void {
    super.touch(obj);
    this.listener({ type: "MODIFIED", object: obj });
  }

  override remove(obj: ApiObject): void {
    const present = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name) === obj;
    super.remove(obj);
    if (present) this.listener({ type: "DELETED", object: obj });
  }
}
