/**
 * The legacy Endpoints controller (pkg/controller/endpoint, `syncService`): one `v1` Endpoints
 * object per Service with a selector, named as the Service, with ready pods under `addresses` and
 * not-ready ones under `notReadyAddresses`. Unlike EndpointSlices it leaves terminating pods out
 * (`ShouldPodBeInEndpoints(pod, includeTerminating=false)`). The API is deprecated since v1.33 but
 * the controller still runs.
 */
import { apiTime } from "../cluster/time.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { DirtyPods } from "./dirty-pods.ts";
import { type EndpointSubset, EndpointSubsetsIndex, subsetsKey } from "./endpoint-subsets.ts";
import type { ControllerHost } from "./host.ts";
import { jsonEqual } from "./json-equal.ts";
import { INFORMER_LATENCY_MS, latencyMs } from "./latency.ts";
import { type DesiredEndpoint, desiredEndpoint, hasSelector } from "./service-endpoints.ts";
import type { ServicePodIndex } from "./service-pod-index.ts";
import type { WatchEvent } from "./watch.ts";
import { splitKey, WorkQueue } from "./workqueue.ts";

const TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";

/** What an Endpoints address shows of a pod. */
function endpointKey(d: DesiredEndpoint): string {
  return `${d.ip}/${d.ready ? 1 : 0}/${d.nodeName}/${d.portKey}`;
}

/** The Endpoints controller: informer handlers, a work queue, and `syncService`. */
export class EndpointsController {
  private readonly queue: WorkQueue;
  private readonly delays: SeededRandom;
  /** Per service key: each pod's endpoint as last computed (terminating pods left out). */
  private readonly endpoints = new Map<string, EndpointSubsetsIndex>();
  /** Per service key: the `subsets` array last written to its Endpoints (undefined: none). */
  private readonly written = new Map<string, EndpointSubset[] | undefined>();
  private readonly dirty = new DirtyPods();

  constructor(
    private readonly host: ControllerHost,
    random: SeededRandom,
    /** The Services and the pods they select, fed by the controller manager. */
    private readonly index: ServicePodIndex,
  ) {
    this.delays = random.fork("latency");
    this.queue = new WorkQueue(host.clock, (key) => this.sync(key));
  }

  /**
   * Informer handlers for Services and Pods; `serviceKeys` are the Services the shared index says
   * the event concerns (it has already seen the event).
   */
  observe(event: WatchEvent, serviceKeys: readonly string[]): void {
    this.dirty.record(event, serviceKeys);
    for (const key of serviceKeys) this.enqueue(key);
  }

  private enqueue(key: string): void {
    this.queue.add(key, latencyMs(this.delays, INFORMER_LATENCY_MS));
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.host.store.get("Service", namespace, name);
    const existing = this.host.store.get("Endpoints", namespace, name);
    if (!service) {
      // Why (syncService): the Service is gone, so are its Endpoints.
      if (existing) this.host.delete("Endpoints", namespace, name, {});
      return;
    }
    if (!hasSelector(service)) return;
    const dirty = this.dirty.take(key);
    let current = this.endpoints.get(key);
    if (dirty === "all" || !current) {
      if (current) current.clear();
      else this.endpoints.set(key, (current = new EndpointSubsetsIndex()));
      for (const pod of this.index.podsOf(key)) {
        const d = desiredEndpoint(service, pod, false);
        if (d) current.set(d);
      }
    } else {
      let changed = false;
      for (const uid of dirty) {
        const pod = this.index.podOf(key, uid);
        const d = pod ? desiredEndpoint(service, pod, false) : undefined;
        const was = current.get(uid);
        if (!d) {
          if (was) {
            current.delete(uid);
            changed = true;
          }
        } else if (!was || endpointKey(was) !== endpointKey(d)) {
          current.set(d);
          changed = true;
        }
      }
      if (!changed && existing) return;
    }
    const labels = { ...(service.metadata.labels ?? {}) };
    if (existing) {
      const body = existing as unknown as { subsets?: EndpointSubset[] };
      // Only subsets this controller wrote can be compared with the index field by field.
      const ours = this.written.has(key) && this.written.get(key) === body.subsets;
      const same = ours
        ? current.sameAs(body.subsets)
        : subsetsKey(body.subsets) === subsetsKey(current.subsets());
      // Why jsonEqual: it is `canonicalJson(a) === canonicalJson(b)` without building both texts.
      if (same && jsonEqual(existing.metadata.labels ?? {}, labels)) return;
      const subsets = current.subsets();
      if (subsets.length) body.subsets = subsets;
      else delete body.subsets;
      this.written.set(key, body.subsets);
      existing.metadata.labels = labels;
      existing.metadata.annotations = {
        ...(existing.metadata.annotations ?? {}),
        [TRIGGER_TIME_ANNOTATION]: apiTime(this.host.startTimeMs(), this.host.clock.now()),
      };
      this.host.store.touch(existing);
      return;
    }
    const subsets = current.subsets();
    const obj: ApiObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        name,
        namespace,
        labels,
        annotations: {
          [TRIGGER_TIME_ANNOTATION]: apiTime(this.host.startTimeMs(), this.host.clock.now()),
        },
      },
    };
    if (subsets.length) obj.subsets = subsets;
    this.written.set(key, obj.subsets as EndpointSubset[] | undefined);
    this.host.create(obj);
  }
}
