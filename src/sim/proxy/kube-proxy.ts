/**
 * kube-proxy's view of Services: its EndpointSlice cache turned into forwarding rules. Every change
 * to a Service or its slices reaches the rules only after the Scenario's endpoint propagation delay
 * (watch delivery, kube-proxy's `minSyncPeriod`, and the iptables/nftables write together), which
 * is the window in which a deleted pod can still be sent new connections. One view stands for the
 * kube-proxy of every node: they all lag by the same delay here.
 *
 * Routing (`CategorizeEndpoints`, KEP-1669 ProxyTerminatingEndpoints): ready endpoints when there
 * are any; otherwise endpoints that are terminating but still serving; otherwise the Service has no
 * endpoints and connections are rejected.
 */
import type { VirtualClock } from "../clock.ts";
import {
  type EndpointChange,
  type EndpointState,
  endpointState,
  SERVICE_NAME_LABEL,
} from "../controllers/endpointslice-controller.ts";
import type { WatchEvent } from "../controllers/watch.ts";
import type { ApiObject } from "../kubectl/api.ts";
import {
  type ProxyService,
  ServiceRules,
  type ServiceSnapshot,
  type SlicePort,
  type SliceSnapshot,
} from "./service-rules.ts";

export type { ProxyEndpoint, ProxyPort, ProxyService } from "./service-rules.ts";

/** A change in whether kube-proxy routes to a pod of a Service (undefined `state`: not listed). */
export type ProxyChange = EndpointChange;

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; name?: string; uid?: string };
}

function snapshotSlice(slice: ApiObject): SliceSnapshot {
  const body = slice as unknown as { ports?: SlicePort[] | null; endpoints?: SliceEndpoint[] | null };
  const endpoints: SliceSnapshot["endpoints"] = [];
  for (const e of body.endpoints ?? []) {
    const ip = e.addresses?.[0];
    if (!ip) continue;
    // Why (EndpointSlice API): an unset `ready` or `serving` means true; unset `terminating` false.
    const ready = e.conditions?.ready ?? true;
    const ep: SliceSnapshot["endpoints"][number] = {
      ip,
      ready,
      serving: e.conditions?.serving ?? ready,
      terminating: e.conditions?.terminating ?? false,
    };
    if (e.targetRef?.kind === "Pod") {
      ep.podName = e.targetRef.name;
      ep.podUid = e.targetRef.uid;
    }
    endpoints.push(ep);
  }
  return { ports: (body.ports ?? []).map((p) => ({ ...p })), endpoints };
}

function snapshotService(service: ApiObject): ServiceSnapshot {
  const spec = (service.spec ?? {}) as {
    clusterIP?: string;
    ports?: { name?: string; port: number; protocol?: string }[];
  };
  return {
    clusterIP: spec.clusterIP ?? "",
    ports: (spec.ports ?? []).map((p) => ({
      name: p.name ?? "",
      port: p.port,
      protocol: p.protocol ?? "TCP",
    })),
  };
}

type Change =
  | { kind: "service"; snapshot?: ServiceSnapshot }
  | { kind: "slice"; name: string; snapshot?: SliceSnapshot };

/**
 * kube-proxy: Services and their endpoints as the data path sees them, a propagation delay late.
 * Each watch event is copied when it happens (what the informer delivered) and applied to the
 * cache one delay later; the rules are rebuilt from the cache when next asked for (see
 * `ServiceRules`).
 */
export class KubeProxy {
  private readonly entries = new Map<string, ServiceRules>();
  private readonly listeners: ((key: string) => void)[] = [];
  /** Every change in what kube-proxy routes to, in time order. */
  readonly history: ProxyChange[] = [];

  constructor(
    private readonly clock: VirtualClock,
    readonly propagationMs: number,
  ) {}

  /** Watch events for Services and EndpointSlices. */
  observe(event: WatchEvent): void {
    const obj = event.object;
    const ns = obj.metadata.namespace ?? "default";
    let change: Change;
    let name: string | undefined;
    if (obj.kind === "Service") {
      name = obj.metadata.name;
      change = { kind: "service", ...(event.type === "DELETED" ? {} : { snapshot: snapshotService(obj) }) };
    } else if (obj.kind === "EndpointSlice") {
      name = obj.metadata.labels?.[SERVICE_NAME_LABEL];
      change = {
        kind: "slice",
        name: obj.metadata.name,
        ...(event.type === "DELETED" ? {} : { snapshot: snapshotSlice(obj) }),
      };
    } else return;
    if (!name) return;
    const key = `${ns}/${name}`;
    this.clock.setTimeout(() => this.apply(key, change), this.propagationMs);
  }

  private entry(key: string): ServiceRules {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = new ServiceRules()));
    return e;
  }

  private apply(key: string, change: Change): void {
    const entry = this.entry(key);
    if (change.kind === "service") {
      entry.setService(change.snapshot);
      if (!change.snapshot)
        for (const name of entry.sliceNames()) this.applySlice(key, entry, name, undefined);
    } else this.applySlice(key, entry, change.name, change.snapshot);
    for (const l of this.listeners) l(key);
  }

  /** Replaces one slice in the cache, recording the pods whose routing changed. */
  private applySlice(key: string, entry: ServiceRules, name: string, next: SliceSnapshot | undefined): void {
    const prev = entry.slice(name);
    entry.setSlice(name, next);
    const atMs = this.clock.now();
    const slash = key.indexOf("/");
    const namespace = key.slice(0, slash);
    const service = key.slice(slash + 1);
    const before = new Map<string, EndpointState>();
    for (const e of prev?.endpoints ?? []) if (e.podUid) before.set(e.podUid, endpointState(e));
    const after = new Set<string>();
    for (const e of next?.endpoints ?? []) {
      if (!e.podUid) continue;
      after.add(e.podUid);
      const state = endpointState(e);
      if (before.get(e.podUid) !== state)
        this.history.push({ atMs, service, namespace, podUid: e.podUid, podName: e.podName ?? "", state });
    }
    for (const e of prev?.endpoints ?? []) {
      if (e.podUid && !after.has(e.podUid))
        this.history.push({ atMs, service, namespace, podUid: e.podUid, podName: e.podName ?? "" });
    }
  }

  /** The Service as kube-proxy has programmed it now, if it has. */
  lookup(namespace: string, name: string): ProxyService | undefined {
    const entry = this.entries.get(`${namespace}/${name}`);
    return entry?.programmed(namespace, name);
  }

  /** Calls `fn` with the service key each time kube-proxy reprograms a Service. */
  onProgrammed(fn: (key: string) => void): void {
    this.listeners.push(fn);
  }
}
