/** What the controllers need from the cluster: the API server's reads and writes, events, time. */
import type { VirtualClock } from "../clock.ts";
import type { InvolvedObject } from "../cluster/events.ts";
import type { ApiObject } from "../kubectl/api.ts";

/** The control plane as a controller sees it (the `Cluster` implements it). */
export interface ControllerHost {
  readonly clock: VirtualClock;
  /** The store, for reads (informer caches are up to date by the time a queued key is synced). */
  readonly store: {
    get(kind: string, ns: string | undefined, name: string): ApiObject | undefined;
    list(kind: string, ns?: string): ApiObject[];
    /** Marks an object as written (status updates go through here). */
    touch(obj: ApiObject): void;
  };
  /** Creates an object as the API server would; returns an error text or undefined. */
  create(obj: ApiObject): string | undefined;
  /** Replaces an object's labels, annotations and spec (bumping the generation when spec changed). */
  update(obj: ApiObject): string | undefined;
  /** Deletes an object (pods gracefully). */
  delete(
    kind: string,
    namespace: string,
    name: string,
    opts: { gracePeriodSeconds?: number; force?: boolean },
  ): string | undefined;
  recordEvent(
    obj: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    source: { component: string; host?: string },
  ): void;
  /** The scenario's start time (epoch ms): virtual time 0. */
  startTimeMs(): number;
}
