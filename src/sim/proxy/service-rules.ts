/**
 * kube-proxy's cached state for one Service: its spec and EndpointSlices as the informer delivered
 * them, and the forwarding rules built from them (`CategorizeEndpoints` per Service port). Each
 * slice's endpoints are turned into rule endpoints once, when the slice arrives, and a count of
 * every `ip:port` across slices is kept, so rebuilding the rules after one slice changed only
 * concatenates the slices' lists — unless some address is listed twice, when the first listing
 * wins as in `buildRules`, the from-scratch definition.
 */

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

/** A port of a slice as cached. */
export interface SlicePort {
  name?: string;
  port?: number;
  protocol?: string;
}

/** What kube-proxy's EndpointSlice cache keeps of one slice. */
export interface SliceSnapshot {
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
export interface ServiceSnapshot {
  clusterIP: string;
  ports: { name: string; port: number; protocol: string }[];
}

type ServicePort = ServiceSnapshot["ports"][number];

/** The slice's port serving a Service port (same name and protocol), if it has one with a number. */
function slicePortFor(slice: SliceSnapshot, sp: ServicePort): number | undefined {
  const p = slice.ports.find((x) => (x.name ?? "") === sp.name && (x.protocol ?? "TCP") === sp.protocol);
  return p?.port;
}

/** `CategorizeEndpoints`: ready endpoints, else the serving-terminating ones. */
function portRules(sp: ServicePort, all: ProxyEndpoint[]): ProxyPort {
  let usable = all.filter((e) => e.ready);
  if (usable.length === 0) usable = all.filter((e) => e.serving && e.terminating);
  return { name: sp.name, port: sp.port, protocol: sp.protocol, usable, all };
}

/**
 * The rules for a Service from scratch: per Service port, the endpoints of every slice with a
 * matching port, in slice order, an `ip:port` listed twice kept once (its first listing).
 */
export function buildRules(
  namespace: string,
  name: string,
  svc: ServiceSnapshot | undefined,
  slices: readonly SliceSnapshot[],
): ProxyService | undefined {
  if (!svc) return undefined;
  const ports: ProxyPort[] = [];
  for (const sp of svc.ports) {
    const all: ProxyEndpoint[] = [];
    const seen = new Set<string>();
    for (const slice of slices) {
      const port = slicePortFor(slice, sp);
      if (port === undefined) continue;
      for (const e of slice.endpoints) {
        const id = `${e.ip}:${port}`;
        if (seen.has(id)) continue;
        seen.add(id);
        all.push({ ...e, port });
      }
    }
    ports.push(portRules(sp, all));
  }
  return { namespace, name, clusterIP: svc.clusterIP, ports };
}

/** One slice's rule endpoints for one Service port, with their `ip:port` ids. */
interface SlicePortRules {
  endpoints: ProxyEndpoint[];
  ids: string[];
}

/** A cached slice and, while the Service is known, its rule endpoints per Service port. */
interface CachedSlice {
  snapshot: SliceSnapshot;
  perPort: (SlicePortRules | undefined)[];
}

/** A Service's cached spec and slices, and its rules built from them when asked for. */
export class ServiceRules {
  private svc: ServiceSnapshot | undefined;
  private readonly slices = new Map<string, CachedSlice>();
  /** Per Service port: how many times each `ip:port` is listed across the slices. */
  private counts: Map<string, number>[] = [];
  /** Per Service port: how many `ip:port`s are listed more than once. */
  private duplicates: number[] = [];
  private rules: ProxyService | undefined;
  private built = false;

  /** The Service's spec as cached (undefined: not known or deleted). */
  get service(): ServiceSnapshot | undefined {
    return this.svc;
  }

  /** The names of the cached slices, in cache order. */
  sliceNames(): string[] {
    return [...this.slices.keys()];
  }

  /** A cached slice. */
  slice(name: string): SliceSnapshot | undefined {
    return this.slices.get(name)?.snapshot;
  }

  /** Caches the Service's spec (undefined: deleted); every slice's rule endpoints are redone. */
  setService(snapshot: ServiceSnapshot | undefined): void {
    this.svc = snapshot;
    this.counts = (snapshot?.ports ?? []).map(() => new Map());
    this.duplicates = this.counts.map(() => 0);
    for (const cached of this.slices.values()) {
      cached.perPort = this.slicePorts(cached.snapshot);
      this.count(cached, 1);
    }
    this.built = false;
  }

  /** Caches a slice (undefined: deleted), in place of any earlier version of it. */
  setSlice(name: string, snapshot: SliceSnapshot | undefined): void {
    const prev = this.slices.get(name);
    if (prev) this.count(prev, -1);
    if (snapshot) {
      const cached: CachedSlice = { snapshot, perPort: this.slicePorts(snapshot) };
      this.count(cached, 1);
      this.slices.set(name, cached);
    } else this.slices.delete(name);
    this.built = false;
  }

  /** The rules, rebuilt when something changed since they were last asked for. */
  programmed(namespace: string, name: string): ProxyService | undefined {
    if (!this.built) {
      this.rules = this.build(namespace, name);
      this.built = true;
    }
    return this.rules;
  }

  private slicePorts(snapshot: SliceSnapshot): (SlicePortRules | undefined)[] {
    return (this.svc?.ports ?? []).map((sp) => {
      const port = slicePortFor(snapshot, sp);
      if (port === undefined) return undefined;
      const endpoints: ProxyEndpoint[] = [];
      const ids: string[] = [];
      for (const e of snapshot.endpoints) {
        endpoints.push({ ...e, port });
        ids.push(`${e.ip}:${port}`);
      }
      return { endpoints, ids };
    });
  }

  /** Adds (+1) or takes away (-1) a slice's ids from the per-port counts. */
  private count(cached: CachedSlice, delta: 1 | -1): void {
    cached.perPort.forEach((rules, i) => {
      if (!rules) return;
      const counts = this.counts[i]!;
      for (const id of rules.ids) {
        const was = counts.get(id) ?? 0;
        const now = was + delta;
        if (now === 0) counts.delete(id);
        else counts.set(id, now);
        if (was === 1 && now === 2) this.duplicates[i]!++;
        else if (was === 2 && now === 1) this.duplicates[i]!--;
      }
    });
  }

  private build(namespace: string, name: string): ProxyService | undefined {
    const svc = this.svc;
    if (!svc) return undefined;
    const ports: ProxyPort[] = [];
    svc.ports.forEach((sp, i) => {
      const all: ProxyEndpoint[] = [];
      const dedupe = this.duplicates[i]! > 0;
      const seen = new Set<string>();
      for (const cached of this.slices.values()) {
        const rules = cached.perPort[i];
        if (!rules) continue;
        if (!dedupe) {
          for (const e of rules.endpoints) all.push(e);
          continue;
        }
        rules.endpoints.forEach((e, j) => {
          const id = rules.ids[j]!;
          if (seen.has(id)) return;
          seen.add(id);
          all.push(e);
        });
      }
      ports.push(portRules(sp, all));
    });
    return { namespace, name, clusterIP: svc.clusterIP, ports };
  }
}
