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
  let usable = all.filter(isReady);
  if (usable.length === 0) usable = all.filter(isServingTerminating);
  return { name: sp.name, port: sp.port, protocol: sp.protocol, usable, all };
}

function isReady(e: ProxyEndpoint): boolean {
  return e.ready;
}

function isServingTerminating(e: ProxyEndpoint): boolean {
  return e.serving && e.terminating;
}

/** The lists one after another (one allocation, no per-element push). */
function concatAll(lists: ProxyEndpoint[][]): ProxyEndpoint[] {
  let n = 0;
  for (const l of lists) n += l.length;
  const out = new Array<ProxyEndpoint>(n);
  let k = 0;
  for (const l of lists) for (let j = 0; j < l.length; j++) out[k++] = l[j]!;
  return out;
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

/** One slice's rule endpoints for one Service port (the slice's port number), with their ids. */
interface SlicePortRules {
  port: number;
  endpoints: ProxyEndpoint[];
  /** `ip:port` of each endpoint. */
  ids: string[];
  /** The ready endpoints, and the serving-terminating ones (`CategorizeEndpoints`' two lists). */
  ready: ProxyEndpoint[];
  servingTerminating: ProxyEndpoint[];
}

/** The slices' endpoints in order, each `ip:port` kept at its first listing. */
function dedupe(lists: SlicePortRules[]): ProxyEndpoint[] {
  const all: ProxyEndpoint[] = [];
  const seen = new Set<string>();
  for (const rules of lists) {
    rules.endpoints.forEach((e, j) => {
      const id = rules.ids[j]!;
      if (seen.has(id)) return;
      seen.add(id);
      all.push(e);
    });
  }
  return all;
}

/** A cached slice and, while the Service is known, its rule endpoints per Service port. */
interface CachedSlice {
  snapshot: SliceSnapshot;
  perPort: (SlicePortRules | undefined)[];
  /** How many times each pod uid is listed in the slice. */
  uidCounts: Map<string, number>;
  /** How many pod uids are listed more than once. */
  duplicateUids: number;
}

/**
 * What replacing a cached slice changed: the slice before, how many endpoints at its start and end
 * are the same before and after (see `unchangedEnds`), and whether each version lists every pod
 * uid at most once. kube-proxy works out whose routing changed from it.
 */
export interface SliceChange {
  prev: SliceSnapshot | undefined;
  head: number;
  tail: number;
  uniqueBefore: boolean;
  uniqueAfter: boolean;
}

/** Adds (+1) or takes away (-1) the pod uids of `endpoints[from..to)`; returns the new duplicate count. */
function countUids(
  counts: Map<string, number>,
  endpoints: readonly SliceEndpoint[],
  from: number,
  to: number,
  delta: 1 | -1,
  duplicates: number,
): number {
  for (let j = from; j < to; j++) {
    const uid = endpoints[j]!.podUid;
    if (uid === undefined) continue;
    const was = counts.get(uid) ?? 0;
    const now = was + delta;
    if (now === 0) counts.delete(uid);
    else counts.set(uid, now);
    if (was === 1 && now === 2) duplicates++;
    else if (was === 2 && now === 1) duplicates--;
  }
  return duplicates;
}

type SliceEndpoint = SliceSnapshot["endpoints"][number];

function sameEndpoint(a: SliceEndpoint, b: SliceEndpoint): boolean {
  if (a === b) return true;
  return (
    a.ip === b.ip &&
    a.ready === b.ready &&
    a.serving === b.serving &&
    a.terminating === b.terminating &&
    a.podName === b.podName &&
    a.podUid === b.podUid &&
    "podName" in a === "podName" in b &&
    "podUid" in a === "podUid" in b
  );
}

/**
 * How many endpoints at the start and at the end of a slice did not change (they never overlap).
 * The EndpointSlice controller changes an endpoint in place, drops one, or appends: what lies
 * between is all that needs new rule endpoints.
 */
function unchangedEnds(prev: SliceEndpoint[], next: SliceEndpoint[]): { head: number; tail: number } {
  const n = Math.min(prev.length, next.length);
  let head = 0;
  while (head < n && sameEndpoint(prev[head]!, next[head]!)) head++;
  let tail = 0;
  while (tail < n - head && sameEndpoint(prev[prev.length - 1 - tail]!, next[next.length - 1 - tail]!))
    tail++;
  return { head, tail };
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
      cached.perPort = (snapshot?.ports ?? []).map((sp, i) => this.portEndpoints(cached.snapshot, sp, i));
    }
    this.built = false;
  }

  /**
   * Caches a slice (undefined: deleted), in place of any earlier version of it; says what changed.
   * Only the endpoints between the unchanged ends get new rule endpoints and new uid counts.
   */
  setSlice(name: string, snapshot: SliceSnapshot | undefined): SliceChange {
    const prev = this.slices.get(name);
    const uniqueBefore = prev === undefined || prev.duplicateUids === 0;
    if (snapshot) {
      const same = prev ? unchangedEnds(prev.snapshot.endpoints, snapshot.endpoints) : { head: 0, tail: 0 };
      const perPort = (this.svc?.ports ?? []).map((sp, i) =>
        this.portEndpoints(snapshot, sp, i, prev && { rules: prev.perPort[i], ...same }),
      );
      // Why in place: the earlier version's counts are not kept, it is replaced here.
      const uidCounts = prev?.uidCounts ?? new Map<string, number>();
      let duplicateUids = prev?.duplicateUids ?? 0;
      if (prev) {
        const end = prev.snapshot.endpoints.length - same.tail;
        duplicateUids = countUids(uidCounts, prev.snapshot.endpoints, same.head, end, -1, duplicateUids);
      }
      const end = snapshot.endpoints.length - same.tail;
      duplicateUids = countUids(uidCounts, snapshot.endpoints, same.head, end, 1, duplicateUids);
      this.slices.set(name, { snapshot, perPort, uidCounts, duplicateUids });
      this.built = false;
      return { prev: prev?.snapshot, ...same, uniqueBefore, uniqueAfter: duplicateUids === 0 };
    }
    if (prev) {
      prev.perPort.forEach((rules, i) => {
        if (rules) this.count(i, rules.ids, 0, rules.ids.length, -1);
      });
      this.slices.delete(name);
    }
    this.built = false;
    return { prev: prev?.snapshot, head: 0, tail: 0, uniqueBefore, uniqueAfter: true };
  }

  /** The rules, rebuilt when something changed since they were last asked for. */
  programmed(namespace: string, name: string): ProxyService | undefined {
    if (!this.built) {
      this.rules = this.build(namespace, name);
      this.built = true;
    }
    return this.rules;
  }

  /**
   * A slice's rule endpoints for Service port `i`, counted in place of the slice's earlier ones
   * (`prev`), whose unchanged `head` and `tail` are kept when the slice's port number is the same.
   */
  private portEndpoints(
    snapshot: SliceSnapshot,
    sp: ServicePort,
    i: number,
    prev?: { rules: SlicePortRules | undefined; head: number; tail: number },
  ): SlicePortRules | undefined {
    const port = slicePortFor(snapshot, sp);
    const was = prev?.rules;
    const keep = was !== undefined && was.port === port;
    const head = keep ? prev!.head : 0;
    const tail = keep ? prev!.tail : 0;
    if (was) this.count(i, was.ids, head, was.ids.length - tail, -1);
    if (port === undefined) return undefined;
    const endpoints = keep ? was.endpoints.slice(0, head) : [];
    const ids = keep ? was.ids.slice(0, head) : [];
    const end = snapshot.endpoints.length - tail;
    for (let j = head; j < end; j++) {
      const e = snapshot.endpoints[j]!;
      endpoints.push({ ...e, port });
      ids.push(`${e.ip}:${port}`);
    }
    this.count(i, ids, head, end, 1);
    if (keep) {
      for (let j = was.ids.length - tail; j < was.ids.length; j++) {
        endpoints.push(was.endpoints[j]!);
        ids.push(was.ids[j]!);
      }
    }
    // `CategorizeEndpoints`' two lists, in one pass.
    const ready: ProxyEndpoint[] = [];
    const servingTerminating: ProxyEndpoint[] = [];
    for (const e of endpoints) {
      if (e.ready) ready.push(e);
      if (e.serving && e.terminating) servingTerminating.push(e);
    }
    return { port, endpoints, ids, ready, servingTerminating };
  }

  /** Adds (+1) or takes away (-1) `ids[from..to)` from Service port `i`'s counts. */
  private count(i: number, ids: string[], from: number, to: number, delta: 1 | -1): void {
    const counts = this.counts[i]!;
    for (let j = from; j < to; j++) {
      const id = ids[j]!;
      const was = counts.get(id) ?? 0;
      const now = was + delta;
      if (now === 0) counts.delete(id);
      else counts.set(id, now);
      if (was === 1 && now === 2) this.duplicates[i]!++;
      else if (was === 2 && now === 1) this.duplicates[i]!--;
    }
  }

  private build(namespace: string, name: string): ProxyService | undefined {
    const svc = this.svc;
    if (!svc) return undefined;
    const ports: ProxyPort[] = [];
    svc.ports.forEach((sp, i) => {
      const lists: SlicePortRules[] = [];
      for (const cached of this.slices.values()) {
        const rules = cached.perPort[i];
        if (rules) lists.push(rules);
      }
      if (this.duplicates[i]! > 0) {
        ports.push(portRules(sp, dedupe(lists)));
        return;
      }
      // No address is listed twice: the port's lists are the slices' lists one after another.
      const all = concatAll(lists.map((r) => r.endpoints));
      let usable = concatAll(lists.map((r) => r.ready));
      if (usable.length === 0) usable = concatAll(lists.map((r) => r.servingTerminating));
      ports.push({ name: sp.name, port: sp.port, protocol: sp.protocol, usable, all });
    });
    return { namespace, name, clusterIP: svc.clusterIP, ports };
  }
}
