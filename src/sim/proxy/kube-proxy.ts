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
export interface ProxyChange {
  atMs: number;
  service: string;
  namespace: string;
  podUid: string;
  podName: string;
  state?: EndpointState;
}

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

/** The rules for a Service, from the Service and its slices as they are now. */
function program(service: ApiObject, slices: ApiObject[]): ProxyService {
  const spec = (service.spec ?? {}) as {
    clusterIP?: string;
    ports?: { name?: string; port: number; protocol?: string }[];
  };
  const ports: ProxyPort[] = [];
  for (const sp of spec.ports ?? []) {
    const name = sp.name ?? "";
    const protocol = sp.protocol ?? "TCP";
    const all: ProxyEndpoint[] = [];
    const seen = new Set<string>();
    for (const slice of slices) {
      const body = slice as unknown as { ports?: SlicePort[] | null; endpoints?: SliceEndpoint[] | null };
      const p = (body.ports ?? []).find((x) => (x.name ?? "") === name && (x.protocol ?? "TCP") === protocol);
      if (!p || p.port === undefined) continue;
      for (const e of body.endpoints ?? []) {
        const ip = e.addresses?.[0];
        if (!ip || seen.has(`${ip}:${p.port}`)) continue;
        seen.add(`${ip}:${p.port}`);
        // Why (EndpointSlice API): an unset `ready` or `serving` means true; unset `terminating` false.
        const ready = e.conditions?.ready ?? true;
        const serving = e.conditions?.serving ?? ready;
        const terminating = e.conditions?.terminating ?? false;
        const ep: ProxyEndpoint = { ip, port: p.port, ready, serving, terminating };
        if (e.targetRef?.kind === "Pod") {
          ep.podName = e.targetRef.name;
          ep.podUid = e.targetRef.uid;
        }
        all.push(ep);
      }
    }
    let usable = all.filter((e) => e.ready);
    if (usable.length === 0) usable = all.filter((e) => e.serving && e.terminating);
    ports.push({ name, port: sp.port, protocol, usable, all });
  }
  return {
    namespace: service.metadata.namespace ?? "default",
    name: service.metadata.name,
    clusterIP: spec.clusterIP ?? "",
    ports,
  };
}

/** kube-proxy: Services and their endpoints as the data path sees them, a propagation delay late. */
export class KubeProxy {
  private readonly services = new Map<string, ProxyService>();
  /** Snapshots waiting for their delay, by service key (only the latest per instant is kept). */
  private readonly pending = new Map<string, { atMs: number; snapshot: ProxyService | undefined }>();
  private readonly listeners: ((key: string) => void)[] = [];
  /** Per service key and pod uid: the state kube-proxy last programmed. */
  private readonly programmed = new Map<string, Map<string, { state: EndpointState; podName: string }>>();
  /** Every change in what kube-proxy routes to, in time order. */
  readonly history: ProxyChange[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly store: {
      get(kind: string, ns: string | undefined, name: string): ApiObject | undefined;
      list(kind: string, ns?: string): ApiObject[];
    },
    readonly propagationMs: number,
  ) {}

  /** Watch events for Services and EndpointSlices. */
  observe(event: WatchEvent): void {
    const obj = event.object;
    const ns = obj.metadata.namespace ?? "default";
    let name: string | undefined;
    if (obj.kind === "Service") name = obj.metadata.name;
    else if (obj.kind === "EndpointSlice") name = obj.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!name) return;
    const key = `${ns}/${name}`;
    const now = this.clock.now();
    const waiting = this.pending.get(key);
    const snapshot = this.snapshot(ns, name);
    if (waiting && waiting.atMs === now) {
      waiting.snapshot = snapshot;
      return;
    }
    const entry = { atMs: now, snapshot };
    this.pending.set(key, entry);
    this.clock.setTimeout(() => {
      if (this.pending.get(key) === entry) this.pending.delete(key);
      this.apply(key, entry.snapshot);
    }, this.propagationMs);
  }

  private snapshot(ns: string, name: string): ProxyService | undefined {
    const service = this.store.get("Service", ns, name);
    if (!service) return undefined;
    const slices = this.store
      .list("EndpointSlice", ns)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name);
    return program(service, slices);
  }

  private apply(key: string, snapshot: ProxyService | undefined): void {
    if (snapshot) this.services.set(key, snapshot);
    else this.services.delete(key);
    this.recordChanges(key, snapshot);
    for (const l of this.listeners) l(key);
  }

  private recordChanges(key: string, snapshot: ProxyService | undefined): void {
    const next = new Map<string, { state: EndpointState; podName: string }>();
    for (const p of snapshot?.ports ?? []) {
      for (const e of p.all) {
        if (e.podUid && !next.has(e.podUid))
          next.set(e.podUid, { state: endpointState(e), podName: e.podName ?? "" });
      }
    }
    const prev = this.programmed.get(key) ?? new Map<string, { state: EndpointState; podName: string }>();
    const atMs = this.clock.now();
    const [namespace, service] = [key.slice(0, key.indexOf("/")), key.slice(key.indexOf("/") + 1)];
    for (const [podUid, was] of prev) {
      if (!next.has(podUid)) this.history.push({ atMs, service, namespace, podUid, podName: was.podName });
    }
    for (const [podUid, now] of next) {
      if (prev.get(podUid)?.state !== now.state)
        this.history.push({ atMs, service, namespace, podUid, podName: now.podName, state: now.state });
    }
    this.programmed.set(key, next);
  }

  /** The Service as kube-proxy has programmed it now, if it has. */
  lookup(namespace: string, name: string): ProxyService | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  /** Calls `fn` with the service key each time kube-proxy reprograms a Service. */
  onProgrammed(fn: (key: string) => void): void {
    this.listeners.push(fn);
  }
}
