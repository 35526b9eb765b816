/**
 * kube-proxy's cached state for one Service: its spec and EndpointSlices as the informer delivered
 * them, and the forwarding rules built from them (`CategorizeEndpoints` per Service port). Each
 * slice endpoint is turned into a rule endpoint once, when it first arrives (a new version of a
 * slice keeps the rule endpoints of what did not change in it), and a count of every `ip:port`
 * across slices is kept, so rebuilding the rules after one slice changed only concatenates the
 * slices' lists — unless some address is listed twice, when the first listing wins as in
 * `buildRules`, the from-scratch definition.
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
  /** Per endpoint, `READY` and `SERVING_TERMINATING` as they apply (`CategorizeEndpoints`' tests). */
  kinds: number[];
  perPort: (SlicePortRules | undefined)[];
  /** How many times each pod uid is listed in the slice. */
  uidCounts: Map<string, number>;
  /** How many pod uids are listed more than once. */
  duplicateUids: number;
}

const READY = 1;
const SERVING_TERMINATING = 2;

function kindOf(e: SliceEndpoint): number {
  return (e.ready ? READY : 0) | (e.serving && e.terminating ? SERVING_TERMINATING : 0);
}

/**
 * What replacing a cached slice changed: the slice before, the endpoints no longer listed as they
 * were (positions in `prev`) and those newly listed (positions in the new version), both
 * ascending, and whether each version lists every pod uid at most once. An endpoint in neither
 * list is listed the same before and after. kube-proxy works out whose routing changed from it.
 */
export interface SliceChange {
  prev: SliceSnapshot | undefined;
  removed: number[];
  added: number[];
  uniqueBefore: boolean;
  uniqueAfter: boolean;
}

/** Adds (+1) or takes away (-1) one listing of a pod uid; returns the new duplicate count. */
function countUid(
  counts: Map<string, number>,
  uid: string | undefined,
  delta: 1 | -1,
  duplicates: number,
): number {
  if (uid === undefined) return duplicates;
  const was = counts.get(uid) ?? 0;
  const now = was + delta;
  if (now === 0) counts.delete(uid);
  else counts.set(uid, now);
  if (was === 1 && now === 2) return duplicates + 1;
  if (was === 2 && now === 1) return duplicates - 1;
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

/** How far past the last item matched `matchInOrder` looks for the next one. */
const MATCH_WINDOW = 8;

/**
 * For each of the `count` items of a new list, the position in `prev` of the same item (as `same`
 * says, given an earlier item and a position in the new list), or -1: matched in order (the
 * positions matched increase), each looked for among the `MATCH_WINDOW` items after the last one
 * matched. The EndpointSlice controller changes endpoints in place, drops a few, or appends, so
 * all that did not change is matched; anything missed only costs a new copy. Both of kube-proxy's
 * matchings use it: its copy of a slice against the last copy (`snapshotSlice`), and the rules'
 * endpoints against a slice's earlier version (`matchEndpoints`).
 */
export function matchInOrder<T>(
  prev: readonly T[],
  count: number,
  same: (was: T, k: number) => boolean,
): number[] {
  // Why plain arrays here and below: typed arrays of this size live outside the heap, and
  // allocating one per slice event cost more in garbage collection than it saved.
  const from = new Array<number>(count).fill(-1);
  let j = 0;
  for (let k = 0; k < count; k++) {
    const end = Math.min(prev.length, j + MATCH_WINDOW);
    for (let i = j; i < end; i++) {
      if (same(prev[i]!, k)) {
        from[k] = i;
        j = i + 1;
        break;
      }
    }
  }
  return from;
}

/**
 * For each endpoint of `next`, the position in `prev` of the same endpoint, or -1 (see
 * `matchInOrder`; kube-proxy's copies share their unchanged endpoints, so mostly by identity).
 */
export function matchEndpoints(prev: readonly SliceEndpoint[], next: readonly SliceEndpoint[]): number[] {
  return matchInOrder(prev, next.length, (was, k) => sameEndpoint(was, next[k]!));
}

/**
 * What kube-proxy already matched when it copied a slice: `from` (as `matchEndpoints` gives it)
 * of the new copy's endpoints against `basis`, the copy before it.
 */
export interface SliceMatch {
  basis: SliceSnapshot;
  from: number[];
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
      cached.perPort = (snapshot?.ports ?? []).map((sp, i) =>
        this.portEndpoints(cached.snapshot, cached.kinds, sp, i),
      );
    }
    this.built = false;
  }

  /**
   * Caches a slice (undefined: deleted), in place of any earlier version of it; says what changed.
   * Only the endpoints that changed get new rule endpoints and new counts (see `matchEndpoints`;
   * `match`, when given, is that matching already done against the version it was made from).
   * The snapshot must not be changed afterwards (kube-proxy's copies never are).
   */
  setSlice(name: string, snapshot: SliceSnapshot | undefined, match?: SliceMatch): SliceChange {
    const prev = this.slices.get(name);
    const uniqueBefore = prev === undefined || prev.duplicateUids === 0;
    const before = prev?.snapshot.endpoints ?? [];
    if (snapshot) {
      const list = snapshot.endpoints;
      // Why `match` can stand for `matchEndpoints` when made against the cached version: the copy
      // reused an earlier endpoint exactly where `sameEndpoint` is first true in the same window.
      const from = !prev
        ? new Array<number>(list.length).fill(-1)
        : match && match.basis === prev.snapshot && match.from.length === list.length
          ? match.from
          : matchEndpoints(before, list);
      const kinds = new Array<number>(list.length);
      const added: number[] = [];
      const removed: number[] = [];
      let next = 0;
      for (let k = 0; k < list.length; k++) {
        const j = from[k]!;
        if (j >= 0) {
          // The earlier endpoints skipped since the last one matched are gone.
          while (next < j) removed.push(next++);
          next = j + 1;
          kinds[k] = prev!.kinds[j]!;
        } else {
          kinds[k] = kindOf(list[k]!);
          added.push(k);
        }
      }
      while (next < before.length) removed.push(next++);
      const perPort = (this.svc?.ports ?? []).map((sp, i) =>
        this.portEndpoints(snapshot, kinds, sp, i, prev && { rules: prev.perPort[i], from, removed }),
      );
      // Why in place: the earlier version's counts are not kept, it is replaced here.
      const uidCounts = prev?.uidCounts ?? new Map<string, number>();
      let duplicateUids = prev?.duplicateUids ?? 0;
      for (const j of removed) duplicateUids = countUid(uidCounts, before[j]!.podUid, -1, duplicateUids);
      for (const k of added) duplicateUids = countUid(uidCounts, list[k]!.podUid, 1, duplicateUids);
      this.slices.set(name, { snapshot, kinds, perPort, uidCounts, duplicateUids });
      this.built = false;
      return { prev: prev?.snapshot, removed, added, uniqueBefore, uniqueAfter: duplicateUids === 0 };
    }
    if (prev) {
      prev.perPort.forEach((rules, i) => {
        if (rules) for (const id of rules.ids) this.count(i, id, -1);
      });
      this.slices.delete(name);
    }
    this.built = false;
    const removed = before.map((_, j) => j);
    return { prev: prev?.snapshot, removed, added: [], uniqueBefore, uniqueAfter: true };
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
   * (`prev`), which are kept for the endpoints `from` matches when the slice's port number is the
   * same.
   */
  private portEndpoints(
    snapshot: SliceSnapshot,
    kinds: number[],
    sp: ServicePort,
    i: number,
    prev?: { rules: SlicePortRules | undefined; from: number[]; removed: number[] },
  ): SlicePortRules | undefined {
    const port = slicePortFor(snapshot, sp);
    const was = prev?.rules;
    const keep = was !== undefined && was.port === port;
    if (was) {
      if (keep) for (const j of prev!.removed) this.count(i, was.ids[j]!, -1);
      else for (const id of was.ids) this.count(i, id, -1);
    }
    if (port === undefined) return undefined;
    const list = snapshot.endpoints;
    const endpoints = new Array<ProxyEndpoint>(list.length);
    const ids = new Array<string>(list.length);
    let readyCount = 0;
    let servingTerminatingCount = 0;
    for (let k = 0; k < list.length; k++) {
      const j = keep ? prev!.from[k]! : -1;
      if (j >= 0) {
        endpoints[k] = was!.endpoints[j]!;
        ids[k] = was!.ids[j]!;
      } else {
        const e = list[k]!;
        const id = `${e.ip}:${port}`;
        endpoints[k] = { ...e, port };
        ids[k] = id;
        this.count(i, id, 1);
      }
      const kind = kinds[k]!;
      if (kind & READY) readyCount++;
      if (kind & SERVING_TERMINATING) servingTerminatingCount++;
    }
    // `CategorizeEndpoints`' two lists, from the kinds (no endpoint needs to be read).
    const ready = new Array<ProxyEndpoint>(readyCount);
    const servingTerminating = new Array<ProxyEndpoint>(servingTerminatingCount);
    let r = 0;
    let t = 0;
    for (let k = 0; k < list.length; k++) {
      const kind = kinds[k]!;
      if (kind & READY) ready[r++] = endpoints[k]!;
      if (kind & SERVING_TERMINATING) servingTerminating[t++] = endpoints[k]!;
    }
    return { port, endpoints, ids, ready, servingTerminating };
  }

  /** Adds (+1) or takes away (-1) one listing of `id` from Service port `i`'s counts. */
  private count(i: number, id: string, delta: 1 | -1): void {
    const counts = this.counts[i]!;
    const was = counts.get(id) ?? 0;
    const now = was + delta;
    if (now === 0) counts.delete(id);
    else counts.set(id, now);
    if (was === 1 && now === 2) this.duplicates[i]!++;
    else if (was === 2 && now === 1) this.duplicates[i]!--;
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
