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

/** An endpoint in kube-proxy's rules. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  podName?: string;
  podUid?: string;
}

/** One Service port's rules. */
export interface ProxyPort {
  name: string;
  port: number;
  protocol: string;
  /** The endpoints new connections go to (ready, or the serving-terminating fallback). */
  usable: ProxyEndpoint[];
  all: ProxyEndpoint[];
}

/** A Service as kube-proxy has programmed it. */
export interface ProxyService {
  namespace: string;
  name: string;
  clusterIP: string;
  ports: ProxyPort[];
}

/** A change in whether kube-proxy routes to a pod of a Service (undefined `state`: not listed). */
export type ProxyChange = EndpointChange;

interface SlicePort {
  name?: string;
  port?: number;
  protocol?: string;
}

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; name?: string; uid?: string };
}

/** What kube-proxy's EndpointSlice cache keeps of one slice. */
interface SliceSnapshot {
  ports: SlicePort[];
  endpoints: {
    ip: string;
    ready: boolean;
    serving: boolean;
    terminating: boolean;
    podName?: string;
    podUid?: string;
  }[];
}

/** What it keeps of a Service. */
interface ServiceSnapshot {
  clusterIP: string;
  ports: { name: string; port: number; protocol: string }[];
}

/** A Service's cached state: its spec, its slices, and the rules built from them (lazily). */
interface ServiceEntry {
  service?: ServiceSnapshot;
  slices: Map<string, SliceSnapshot>;
  rules?: ProxyService;
}

function snapshotSlice(slice: ApiObject): SliceSnapshot {
  const body = slice as unknown as { ports?: SlicePort[] | null; endpoints?: SliceEndpoint[] | null };
  return {
    ports: (body.ports ?? []).map((p) => ({ ...p })),
    endpoints: (body.endpoints ?? []).flatMap((e) => {
      const ip = e.addresses?.[0];
      if (!ip) return [];
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
      return [ep];
    }),
  };
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

/** The rules for a Service (`CategorizeEndpoints` per port). */
function buildRules(namespace: string, name: string, entry: ServiceEntry): ProxyService | undefined {
  const svc = entry.service;
  if (!svc) return undefined;
  const ports: ProxyPort[] = [];
  for (const sp of svc.ports) {
    const all: ProxyEndpoint[] = [];
    const seen = new Set<string>();
    for (const slice of entry.slices.values()) {
      const p = slice.ports.find((x) => (x.name ?? "") === sp.name && (x.protocol ?? "TCP") === sp.protocol);
      if (!p || p.port === undefined) continue;
      for (const e of slice.endpoints) {
        const id = `${e.ip}:${p.port}`;
        if (seen.has(id)) continue;
        seen.add(id);
        all.push({ ...e, port: p.port });
      }
    }
    let usable = all.filter((e) => e.ready);
    if (usable.length === 0) usable = all.filter((e) => e.serving && e.terminating);
    ports.push({ name: sp.name, port: sp.port, protocol: sp.protocol, usable, all });
  }
  return { namespace, name, clusterIP: svc.clusterIP, ports };
}

type Change =
  | { kind: "service"; snapshot?: ServiceSnapshot }
  | { kind: "slice"; name: string; snapshot?: SliceSnapshot };

/**
 * kube-proxy: Services and their endpoints as the data path sees them, a propagation delay late.
 * Each watch event is copied when it happens (what the informer delivered) and applied to the
 * cache one delay later; the rules are rebuilt from the cache when next asked for.
 */
export class KubeProxy {
  private readonly entries = new Map<string, ServiceEntry>();
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

  private entry(key: string): ServiceEntry {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { slices: new Map() }));
    return e;
  }

  private apply(key: string, change: Change): void {
    const entry = this.entry(key);
    entry.rules = undefined;
    if (change.kind === "service") {
      if (change.snapshot) entry.service = change.snapshot;
      else {
        delete entry.service;
        for (const name of [...entry.slices.keys()]) this.applySlice(key, entry, name, undefined);
      }
    } else this.applySlice(key, entry, change.name, change.snapshot);
    for (const l of this.listeners) l(key);
  }

  /** Replaces one slice in the cache, recording the pods whose routing changed. */
  private applySlice(key: string, entry: ServiceEntry, name: string, next: SliceSnapshot | undefined): void {
    const prev = entry.slices.get(name);
    if (next) entry.slices.set(name, next);
    else entry.slices.delete(name);
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
    if (!entry) return undefined;
    entry.rules ??= buildRules(namespace, name, entry);
    return entry.rules;
  }

  /** Calls `fn` with the service key each time kube-proxy reprograms a Service. */
  onProgrammed(fn: (key: string) => void): void {
    this.listeners.push(fn);
  }
}
