/**
 * The EndpointSlice controller (pkg/controller/endpointslice, `syncService` and the reconciler):
 * for each Service with a selector, EndpointSlices named `<service>-<5 random characters>` that
 * list the selected pods as endpoints — terminating ones included, with `ready`, `serving` and
 * `terminating` conditions — at most 100 to a slice, one group of slices per set of resolved
 * ports. Existing slices are updated in place; a Service with no endpoints keeps one empty
 * placeholder slice. Every change of an endpoint's state is recorded for the views.
 */
import { apiTime } from "../cluster/time.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { DirtyPods } from "./dirty-pods.ts";
import type { ControllerHost } from "./host.ts";
import { INFORMER_LATENCY_MS, latencyMs } from "./latency.ts";
import { newControllerRef } from "./meta.ts";
import {
  type DesiredEndpoint,
  desiredEndpoint,
  type EndpointPort,
  hasSelector,
} from "./service-endpoints.ts";
import type { ServicePodIndex } from "./service-pod-index.ts";
import type { WatchEvent } from "./watch.ts";
import { splitKey, WorkQueue } from "./workqueue.ts";

/** `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** The label naming a slice's Service. */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
/** The label naming who manages a slice. */
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
/** This controller's value of `MANAGED_BY_LABEL`. */
export const ENDPOINTSLICE_CONTROLLER_NAME = "endpointslice-controller.k8s.io";
const TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";

/** A discovery `Endpoint` as stored. */
export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  targetRef: { kind: "Pod"; name: string; namespace: string; uid: string };
}

/** An EndpointSlice's body. */
export interface SliceView {
  addressType: string;
  endpoints: SliceEndpoint[] | null;
  ports?: EndpointPort[];
}

/** The state of a pod's endpoint in a Service's slices. */
export type EndpointState = "ready" | "not ready" | "serving, terminating" | "terminating";

/** A change of a pod's endpoint state (undefined `state`: no longer listed). */
export interface EndpointChange {
  atMs: number;
  service: string;
  namespace: string;
  podUid: string;
  podName: string;
  state?: EndpointState;
}

/** The endpoint state an endpoint's conditions show. */
export function endpointState(c: { ready: boolean; serving: boolean; terminating: boolean }): EndpointState {
  if (c.terminating) return c.serving ? "serving, terminating" : "terminating";
  return c.ready ? "ready" : "not ready";
}

/** Whether a slice is one this controller manages for a Service. */
export function isManagedSlice(slice: ApiObject, service: string): boolean {
  const labels = slice.metadata.labels ?? {};
  return labels[SERVICE_NAME_LABEL] === service && labels[MANAGED_BY_LABEL] === ENDPOINTSLICE_CONTROLLER_NAME;
}

function toSliceEndpoint(d: DesiredEndpoint): SliceEndpoint {
  const ep: SliceEndpoint = {
    addresses: [d.ip],
    conditions: { ready: d.ready, serving: d.serving, terminating: d.terminating },
    targetRef: { kind: "Pod", name: d.podName, namespace: d.namespace, uid: d.podUid },
  };
  if (d.nodeName) ep.nodeName = d.nodeName;
  return ep;
}

/**
 * Whether `ep` says what `toSliceEndpoint(d)` would (its address, conditions and node), judged
 * without making that endpoint: most changed pods still show the same endpoint.
 */
function sameAsDesired(ep: SliceEndpoint, d: DesiredEndpoint): boolean {
  return (
    ep.addresses[0] === d.ip &&
    ep.conditions.ready === d.ready &&
    ep.conditions.serving === d.serving &&
    ep.conditions.terminating === d.terminating &&
    ep.nodeName === (d.nodeName ? d.nodeName : undefined)
  );
}

function portKeyOf(ports: EndpointPort[] | undefined): string {
  return (ports ?? []).map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ""}`).join(",");
}

/** The EndpointSlice controller: informer handlers, a work queue, and `syncService`. */
export class EndpointSliceController {
  private readonly queue: WorkQueue;
  private readonly names: SeededRandom;
  private readonly delays: SeededRandom;
  /** Endpoint state per service key and pod uid, as last written. */
  private readonly states = new Map<string, Map<string, { state: EndpointState; podName: string }>>();
  private readonly dirty = new DirtyPods();
  /** Per service key: where each pod's endpoint sits (slice and entry), as last written. */
  private readonly placed = new Map<
    string,
    Map<string, { slice: ApiObject; ep: SliceEndpoint; portKey: string }>
  >();
  /** Slices this controller deleted itself (their watch events need no resync). */
  private readonly ownDeletes = new Set<ApiObject>();
  /** Every endpoint state change, in time order. */
  readonly history: EndpointChange[] = [];

  constructor(
    private readonly host: ControllerHost,
    random: SeededRandom,
    /** The Services and the pods they select, fed by the controller manager. */
    private readonly index: ServicePodIndex,
  ) {
    this.names = random.fork("slice-names");
    this.delays = random.fork("latency");
    this.queue = new WorkQueue(host.clock, (key) => this.sync(key));
  }

  /**
   * Informer handlers for Services, Pods and EndpointSlices; `serviceKeys` are the Services the
   * shared index says the event concerns (it has already seen the event).
   */
  observe(event: WatchEvent, serviceKeys: readonly string[]): void {
    this.dirty.record(event, serviceKeys);
    for (const key of serviceKeys) this.enqueue(key);
    const obj = event.object;
    if (obj.kind === "EndpointSlice" && event.type === "DELETED") {
      if (this.ownDeletes.delete(obj)) return;
      // Why (onEndpointSliceDelete): a managed slice deleted by someone else is recreated.
      const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc && isManagedSlice(obj, svc)) {
        const key = `${obj.metadata.namespace ?? "default"}/${svc}`;
        this.dirty.all(key);
        this.enqueue(key);
      }
    }
  }

  private enqueue(key: string): void {
    this.queue.add(key, latencyMs(this.delays, INFORMER_LATENCY_MS));
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.host.store.get("Service", namespace, name);
    const slices = this.host.store
      .list("EndpointSlice", namespace)
      .filter((s) => isManagedSlice(s, name) && (!service || this.ownedBy(s, service)));
    const dirty = this.dirty.take(key);
    if (!service || !hasSelector(service)) {
      // Why (syncService): a Service without a selector gets no managed slices; a deleted one's
      // slices go with it (the garbage collector, through the owner reference).
      if (service) for (const s of slices) this.deleteSlice(s);
      this.placed.delete(key);
      this.record(key, namespace, name, new Map());
      return;
    }
    if (dirty !== "all" && this.placed.has(key) && this.syncChanged(key, service, slices, dirty)) return;
    const desired = new Map<string, DesiredEndpoint>();
    for (const pod of this.index.podsOf(key)) {
      const d = desiredEndpoint(service, pod);
      if (d) desired.set(d.podUid, d);
    }
    this.reconcile(service, slices, desired);
    this.placed.set(key, this.placements(service));
    const states = new Map<string, { state: EndpointState; podName: string }>();
    for (const d of desired.values()) states.set(d.podUid, { state: endpointState(d), podName: d.podName });
    this.record(key, namespace, name, states);
  }

  private ownedBy(slice: ApiObject, service: ApiObject): boolean {
    const refs = slice.metadata.ownerReferences as { uid?: string }[] | undefined;
    return !refs || refs.some((r) => r.uid === service.metadata.uid);
  }

  private reconcile(service: ApiObject, existing: ApiObject[], desired: Map<string, DesiredEndpoint>): void {
    const groups = new Map<string, DesiredEndpoint[]>();
    for (const d of desired.values()) {
      let g = groups.get(d.portKey);
      if (!g) groups.set(d.portKey, (g = []));
      g.push(d);
    }
    const keep = new Set<ApiObject>();
    for (const [portKey, group] of groups) {
      const slices = existing.filter((s) => portKeyOf((s as unknown as SliceView).ports) === portKey);
      const wanted = new Map(group.map((d) => [d.podUid, d]));
      const placed = new Set<string>();
      const changed = new Set<ApiObject>();
      for (const s of slices) {
        const body = s as unknown as SliceView;
        const next: SliceEndpoint[] = [];
        for (const ep of body.endpoints ?? []) {
          const d = wanted.get(ep.targetRef.uid);
          if (!d || placed.has(d.podUid)) {
            changed.add(s);
            continue;
          }
          placed.add(d.podUid);
          if (!sameAsDesired(ep, d)) changed.add(s);
          next.push(toSliceEndpoint(d));
        }
        body.endpoints = next;
      }
      // New endpoints fill the slices with room first, then new slices.
      const fresh = group.filter((d) => !placed.has(d.podUid));
      for (const s of slices) {
        const body = s as unknown as SliceView;
        while (fresh.length > 0 && (body.endpoints ?? []).length < MAX_ENDPOINTS_PER_SLICE) {
          (body.endpoints ??= []).push(toSliceEndpoint(fresh.shift()!));
          changed.add(s);
        }
      }
      for (const s of slices) {
        const body = s as unknown as SliceView;
        if ((body.endpoints ?? []).length === 0) continue;
        keep.add(s);
        if (changed.has(s)) this.update(s);
      }
      while (fresh.length > 0) {
        const batch = fresh.splice(0, MAX_ENDPOINTS_PER_SLICE);
        keep.add(this.create(service, group[0]!.ports, batch.map(toSliceEndpoint)));
      }
    }
    if (desired.size === 0) {
      // Why (reconciler placeholder): a Service without endpoints keeps one empty slice.
      const placeholder = existing.find((s) => portKeyOf((s as unknown as SliceView).ports) === "");
      if (placeholder) {
        const body = placeholder as unknown as SliceView;
        if ((body.endpoints ?? []).length > 0) {
          body.endpoints = null;
          this.update(placeholder);
        }
        keep.add(placeholder);
      } else keep.add(this.create(service, undefined, null));
    }
    for (const s of existing) if (!keep.has(s)) this.deleteSlice(s);
  }

  private deleteSlice(slice: ApiObject): void {
    this.ownDeletes.add(slice);
    this.host.delete("EndpointSlice", slice.metadata.namespace ?? "default", slice.metadata.name, {});
  }

  /** Where each pod's endpoint sits in the Service's managed slices now. */
  private placements(
    service: ApiObject,
  ): Map<string, { slice: ApiObject; ep: SliceEndpoint; portKey: string }> {
    const out = new Map<string, { slice: ApiObject; ep: SliceEndpoint; portKey: string }>();
    const ns = service.metadata.namespace ?? "default";
    for (const slice of this.host.store.list("EndpointSlice", ns)) {
      if (!isManagedSlice(slice, service.metadata.name)) continue;
      const body = slice as unknown as SliceView;
      const portKey = portKeyOf(body.ports);
      for (const ep of body.endpoints ?? []) out.set(ep.targetRef.uid, { slice, ep, portKey });
    }
    return out;
  }

  /**
   * The reconciler's work when only some pods changed: each changed endpoint is updated where it
   * sits, removed, or added to a slice with room (or a new one), so a sync costs what changed, not
   * the size of the Service. Returns false when a full reconcile is needed (no endpoint left: the
   * placeholder slice comes back).
   */
  private syncChanged(key: string, service: ApiObject, slices: ApiObject[], uids: Set<string>): boolean {
    const placed = this.placed.get(key)!;
    const changed = new Set<ApiObject>();
    const toAdd: DesiredEndpoint[] = [];
    const before = new Map<string, { state: EndpointState; podName: string } | undefined>();
    const states = this.states.get(key) ?? new Map<string, { state: EndpointState; podName: string }>();
    for (const uid of uids) {
      before.set(uid, states.get(uid));
      const pod = this.index.podOf(key, uid);
      const d = pod ? desiredEndpoint(service, pod) : undefined;
      const at = placed.get(uid);
      if (at && (!d || d.portKey !== at.portKey)) {
        const body = at.slice as unknown as SliceView;
        body.endpoints = (body.endpoints ?? []).filter((e) => e !== at.ep);
        changed.add(at.slice);
        placed.delete(uid);
      }
      if (!d) continue;
      const now = placed.get(uid);
      if (now) {
        if (!sameAsDesired(now.ep, d)) {
          const fresh = toSliceEndpoint(d);
          const list = (now.slice as unknown as SliceView).endpoints ?? [];
          list[list.indexOf(now.ep)] = fresh;
          now.ep = fresh;
          changed.add(now.slice);
        }
      } else toAdd.push(d);
    }
    if (placed.size + toAdd.length === 0) return false;
    const leftover = new Map<string, DesiredEndpoint[]>();
    // Each slice's port key, worked out once (a slice's ports do not change during the sync).
    const portKeys = toAdd.length > 0 ? slices.map((s) => portKeyOf((s as unknown as SliceView).ports)) : [];
    for (const d of toAdd) {
      const fresh = toSliceEndpoint(d);
      const slice = slices.find((s, i) => {
        const body = s as unknown as SliceView;
        return portKeys[i] === d.portKey && (body.endpoints ?? []).length < MAX_ENDPOINTS_PER_SLICE;
      });
      if (slice) {
        ((slice as unknown as SliceView).endpoints ??= []).push(fresh);
        placed.set(d.podUid, { slice, ep: fresh, portKey: d.portKey });
        changed.add(slice);
      } else {
        let group = leftover.get(d.portKey);
        if (!group) leftover.set(d.portKey, (group = []));
        group.push(d);
      }
    }
    for (const s of slices) {
      const body = s as unknown as SliceView;
      if ((body.endpoints ?? []).length === 0) this.deleteSlice(s);
      else if (changed.has(s)) this.update(s);
    }
    for (const group of leftover.values()) {
      for (let i = 0; i < group.length; i += MAX_ENDPOINTS_PER_SLICE) {
        const batch = group.slice(i, i + MAX_ENDPOINTS_PER_SLICE);
        const eps = batch.map(toSliceEndpoint);
        const created = this.create(service, batch[0]!.ports, eps);
        batch.forEach((d, j) => {
          placed.set(d.podUid, { slice: created, ep: eps[j]!, portKey: d.portKey });
        });
      }
    }
    const { namespace, name } = splitKey(key);
    for (const uid of uids) {
      const at = placed.get(uid);
      const now = at ? { state: endpointState(at.ep.conditions), podName: at.ep.targetRef.name } : undefined;
      this.noteChange(namespace, name, uid, before.get(uid), now);
      if (now) states.set(uid, now);
      else states.delete(uid);
    }
    this.states.set(key, states);
    return true;
  }

  private create(
    service: ApiObject,
    ports: EndpointPort[] | undefined,
    endpoints: SliceEndpoint[] | null,
  ): ApiObject {
    const ns = service.metadata.namespace ?? "default";
    const svcName = service.metadata.name;
    const base = svcName.length > 58 ? svcName.slice(0, 58) : svcName;
    let name = `${base}-${this.names.kubeSuffix(5)}`;
    while (this.host.store.get("EndpointSlice", ns, name)) name = `${base}-${this.names.kubeSuffix(5)}`;
    const slice: ApiObject = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name,
        generateName: `${base}-`,
        namespace: ns,
        labels: {
          ...(service.metadata.labels ?? {}),
          [MANAGED_BY_LABEL]: ENDPOINTSLICE_CONTROLLER_NAME,
          [SERVICE_NAME_LABEL]: svcName,
        },
        annotations: { [TRIGGER_TIME_ANNOTATION]: this.triggerTime() },
        ownerReferences: [newControllerRef(service)],
        generation: 1,
      },
      addressType: "IPv4",
      endpoints,
    };
    if (ports && ports.length > 0) slice.ports = ports.map((p) => ({ ...p }));
    this.host.create(slice);
    return slice;
  }

  private update(slice: ApiObject): void {
    slice.metadata.annotations = {
      ...(slice.metadata.annotations ?? {}),
      [TRIGGER_TIME_ANNOTATION]: this.triggerTime(),
    };
    slice.metadata.generation = ((slice.metadata.generation as number | undefined) ?? 1) + 1;
    this.host.store.touch(slice);
  }

  private triggerTime(): string {
    return apiTime(this.host.startTimeMs(), this.host.clock.now());
  }

  private record(
    key: string,
    namespace: string,
    service: string,
    next: Map<string, { state: EndpointState; podName: string }>,
  ): void {
    const prev = this.states.get(key) ?? new Map<string, { state: EndpointState; podName: string }>();
    for (const [podUid, was] of prev)
      if (!next.has(podUid)) this.noteChange(namespace, service, podUid, was, undefined);
    for (const [podUid, now] of next) this.noteChange(namespace, service, podUid, prev.get(podUid), now);
    this.states.set(key, next);
  }

  /** Records a pod's endpoint going from `was` to `now` (undefined: not listed), if it changed. */
  private noteChange(
    namespace: string,
    service: string,
    podUid: string,
    was: { state: EndpointState; podName: string } | undefined,
    now: { state: EndpointState; podName: string } | undefined,
  ): void {
    if (was?.state === now?.state) return;
    const atMs = this.host.clock.now();
    if (now) this.history.push({ atMs, service, namespace, podUid, podName: now.podName, state: now.state });
    else if (was) this.history.push({ atMs, service, namespace, podUid, podName: was.podName });
  }
}
