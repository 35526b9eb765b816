/**
 * The endpoint controllers' informer caches: Services by namespace and, for each Service, the pods
 * its selector picks (`getPodServiceMemberships`). A pod event returns the Services to sync — those
 * the pod belonged to and those it belongs to now — but only when something an endpoint shows
 * changed (see `EndpointInputs`). One index serves both endpoint controllers (the controller
 * manager feeds it each event once): they watch the same Services and pods.
 */
import type { ApiObject } from "../kubectl/api.ts";
import {
  type EndpointInputs,
  endpointInputs,
  sameEndpointInputs,
  serviceSelects,
} from "./service-endpoints.ts";
import type { WatchEvent } from "./watch.ts";
import { objectKey } from "./workqueue.ts";

/** The answer for an event that concerns no Service (shared: callers only read it). */
const NO_KEYS: readonly string[] = [];

/** What the index keeps of a pod it has seen. */
interface PodEntry {
  /** The pod object last seen, and its namespace. */
  pod: ApiObject;
  namespace: string;
  /** What an endpoint shows of it, as last seen. */
  inputs: EndpointInputs;
  /** The keys of the Services that select it. */
  services: Set<string>;
}

/** Services and the pods they select, kept up to date from watch events. */
export class ServicePodIndex {
  private readonly services = new Map<string, Map<string, ApiObject>>();
  private readonly members = new Map<string, Map<string, ApiObject>>();
  /** Every pod seen, by uid. Why one map: a pod event finds all it needs in one look-up. */
  private readonly pods = new Map<string, PodEntry>();
  private readonly allPods = new Map<string, Map<string, ApiObject>>();

  /**
   * A watch event: for a Service, its key (all of it to sync); for a pod, the keys of the Services
   * to sync (see `observePod`); nothing for other kinds.
   */
  observe(event: WatchEvent): readonly string[] {
    const kind = event.object.kind;
    if (kind === "Service") return [this.observeService(event)];
    if (kind === "Pod") return this.observePod(event);
    return NO_KEYS;
  }

  /** A Service was added, changed or deleted: recompute its members. Returns its key. */
  observeService(event: WatchEvent): string {
    const svc = event.object;
    const ns = svc.metadata.namespace ?? "default";
    const key = objectKey(ns, svc.metadata.name);
    let byNs = this.services.get(ns);
    if (!byNs) this.services.set(ns, (byNs = new Map()));
    const old = this.members.get(key);
    for (const uid of old?.keys() ?? []) this.pods.get(uid)?.services.delete(key);
    this.members.delete(key);
    if (event.type === "DELETED") {
      byNs.delete(key);
      return key;
    }
    byNs.set(key, svc);
    const members = new Map<string, ApiObject>();
    for (const [uid, pod] of this.allPods.get(ns) ?? []) {
      if (!serviceSelects(svc, pod)) continue;
      members.set(uid, pod);
      this.pods.get(uid)?.services.add(key);
    }
    this.members.set(key, members);
    return key;
  }

  /** A pod event: the keys of the Services to sync (empty when nothing they show changed). */
  observePod(event: WatchEvent): readonly string[] {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const ns = pod.metadata.namespace ?? "default";
    if (event.type === "DELETED") {
      const before = [...(this.pods.get(uid)?.services ?? [])];
      for (const key of before) this.members.get(key)?.delete(uid);
      this.pods.delete(uid);
      this.allPods.get(ns)?.delete(uid);
      return before;
    }
    let entry = this.pods.get(uid);
    // Why the namespace's pods need no update when the entry has this very object: the last event
    // of the pod put it there, and only its deletion takes it out (with the entry).
    if (entry?.pod !== pod || entry.namespace !== ns) {
      let nsPods = this.allPods.get(ns);
      if (!nsPods) this.allPods.set(ns, (nsPods = new Map()));
      nsPods.set(uid, pod);
    }
    if (!entry) {
      entry = { pod, namespace: ns, inputs: endpointInputs(pod), services: new Set() };
      this.pods.set(uid, entry);
    } else {
      entry.pod = pod;
      entry.namespace = ns;
      if (sameEndpointInputs(entry.inputs, pod)) return NO_KEYS;
      entry.inputs = endpointInputs(pod, entry.inputs);
    }
    // Why no list of the Services that select it now: a Service of the namespace selects it now
    // exactly when `serviceSelects` says so, and a Service of another namespace never does, so each
    // earlier membership can be checked on its own, and the namespace's Services walked once for
    // the new ones; the common case (membership unchanged) then allocates only the answer.
    const byNs = this.services.get(ns);
    const membership = entry.services;
    // The Services it belonged to, then those it newly belongs to (in the namespace's order).
    const keys: string[] = [];
    for (const key of membership) keys.push(key);
    for (const key of keys) {
      const svc = byNs?.get(key);
      if (!svc || !serviceSelects(svc, pod)) {
        this.members.get(key)?.delete(uid);
        membership.delete(key);
      }
    }
    if (byNs) {
      for (const key of byNs.keys()) {
        if (!serviceSelects(byNs.get(key)!, pod)) continue;
        this.members.get(key)?.set(uid, pod);
        if (!membership.has(key)) {
          keys.push(key);
          membership.add(key);
        }
      }
    }
    return keys.length === 0 ? NO_KEYS : keys;
  }

  /** A pod the Service selects, by uid (undefined when it no longer does). */
  podOf(key: string, uid: string): ApiObject | undefined {
    return this.members.get(key)?.get(uid);
  }

  /** The pods a Service selects, in the order they were first seen. */
  podsOf(key: string): ApiObject[] {
    return [...(this.members.get(key)?.values() ?? [])];
  }
}
