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
  matchInOrder,
  type ProxyService,
  ServiceRules,
  type ServiceSnapshot,
  type SliceMatch,
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

type SnapshotEndpoint = SliceSnapshot["endpoints"][number];

/** An endpoint as the copy keeps it (conditions defaulted as the API defines them). */
function copyEndpoint(e: SliceEndpoint): SnapshotEndpoint {
  // Why (EndpointSlice API): an unset `ready` or `serving` means true; unset `terminating` false.
  const ready = e.conditions?.ready ?? true;
  const serving = e.conditions?.serving ?? ready;
  const terminating = e.conditions?.terminating ?? false;
  const ep: SnapshotEndpoint = { ip: e.addresses![0]!, ready, serving, terminating };
  if (e.targetRef?.kind === "Pod") {
    ep.podName = e.targetRef.name;
    ep.podUid = e.targetRef.uid;
  }
  return ep;
}

/** Whether `was` is what `copyEndpoint(e)` would make (every field, and the pod fields' presence). */
function sameAsCopy(was: SnapshotEndpoint, e: SliceEndpoint): boolean {
  const ready = e.conditions?.ready ?? true;
  const serving = e.conditions?.serving ?? ready;
  const terminating = e.conditions?.terminating ?? false;
  const pod = e.targetRef?.kind === "Pod";
  return (
    was.ip === e.addresses![0] &&
    was.ready === ready &&
    was.serving === serving &&
    was.terminating === terminating &&
    "podName" in was === pod &&
    was.podName === (pod ? e.targetRef?.name : undefined) &&
    was.podUid === (pod ? e.targetRef?.uid : undefined)
  );
}

/**
 * What kube-proxy's cache keeps of a slice as the watch delivered it, and how it matched `earlier`
 * (the last copy of this slice). An endpoint that reads the same as one of `earlier`, found in
 * order by `matchInOrder`, is that same object: a slice update copies only what changed, and
 * `ServiceRules` finds what did not change by identity (and is handed the matching, so as not to
 * do it again). Why sharing is safe: a copy is reused only when every field matches what the
 * slice says now, and nothing writes to a copy (the rules copy them into rule endpoints). Not
 * frozen: freezing made the copy and the comparison slower than copying every endpoint.
 */
function snapshotSlice(
  slice: ApiObject,
  earlier: SliceSnapshot | undefined,
): { snapshot: SliceSnapshot; match: SliceMatch | undefined } {
  const body = slice as unknown as { ports?: SlicePort[] | null; endpoints?: SliceEndpoint[] | null };
  const listed: SliceEndpoint[] = [];
  for (const e of body.endpoints ?? []) if (e.addresses?.[0]) listed.push(e);
  const old = earlier?.endpoints ?? [];
  const from = matchInOrder(old, listed.length, (was, k) => sameAsCopy(was, listed[k]!));
  const endpoints: SliceSnapshot["endpoints"] = [];
  for (let k = 0; k < listed.length; k++) {
    const j = from[k]!;
    endpoints.push(j >= 0 ? old[j]! : copyEndpoint(listed[k]!));
  }
  const snapshot = { ports: (body.ports ?? []).map((p) => ({ ...p })), endpoints };
  return { snapshot, match: earlier ? { basis: earlier, from } : undefined };
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
  | { kind: "slice"; name: string; snapshot?: SliceSnapshot; match?: SliceMatch };

/**
 * kube-proxy: Services and their endpoints as the data path sees them, a propagation delay late.
 * Each watch event is copied when it happens (what the informer delivered) and applied to the
 * cache one delay later; the rules are rebuilt from the cache when next asked for (see
 * `ServiceRules`).
 */
export class KubeProxy {
  private readonly entries = new Map<string, ServiceRules>();
  /**
   * The same entries by namespace, then name, for `lookup`. Why a second index: `lookup` runs for
   * every connection to a cluster IP, and the parts as given find their hashes cached in the
   * strings, where a `namespace/name` key is a new string to build and hash each time. The two
   * agree because entries are only ever added (in `entry`), and namespaces never contain "/".
   */
  private readonly byName = new Map<string, Map<string, ServiceRules>>();
  private readonly listeners: ((key: string) => void)[] = [];
  /** The last copy taken of each slice (by `namespace/name`), for `snapshotSlice` to share from. */
  private readonly lastCopies = new Map<string, SliceSnapshot>();
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
      const copyKey = `${ns}/${obj.metadata.name}`;
      if (event.type === "DELETED") {
        this.lastCopies.delete(copyKey);
        change = { kind: "slice", name: obj.metadata.name };
      } else {
        const { snapshot, match } = snapshotSlice(obj, this.lastCopies.get(copyKey));
        this.lastCopies.set(copyKey, snapshot);
        change = { kind: "slice", name: obj.metadata.name, snapshot, match };
      }
    } else return;
    if (!name) return;
    const key = `${ns}/${name}`;
    this.clock.setTimeout(() => this.apply(key, change), this.propagationMs);
  }

  private entry(key: string): ServiceRules {
    let e = this.entries.get(key);
    if (!e) {
      this.entries.set(key, (e = new ServiceRules()));
      const slash = key.indexOf("/");
      const namespace = key.slice(0, slash);
      let names = this.byName.get(namespace);
      if (!names) this.byName.set(namespace, (names = new Map()));
      names.set(key.slice(slash + 1), e);
    }
    return e;
  }

  private apply(key: string, change: Change): void {
    const entry = this.entry(key);
    if (change.kind === "service") {
      entry.setService(change.snapshot);
      if (!change.snapshot)
        for (const name of entry.sliceNames()) this.applySlice(key, entry, name, undefined);
    } else this.applySlice(key, entry, change.name, change.snapshot, change.match);
    for (const l of this.listeners) l(key);
  }

  /** Replaces one slice in the cache, recording the pods whose routing changed. */
  private applySlice(
    key: string,
    entry: ServiceRules,
    name: string,
    next: SliceSnapshot | undefined,
    match?: SliceMatch,
  ): void {
    const change = entry.setSlice(name, next, match);
    const prevList = change.prev?.endpoints ?? [];
    const nextList = next?.endpoints ?? [];
    // Why only the endpoints that changed when no pod is listed twice: an unchanged endpoint's pod
    // is then listed once before and once after, in the same state, and no changed endpoint names
    // it. Otherwise every endpoint, as `CategorizeEndpoints` would see the two versions.
    const narrow = change.uniqueBefore && change.uniqueAfter;
    const removed = narrow ? change.removed : undefined;
    const added = narrow ? change.added : undefined;
    const prevCount = removed ? removed.length : prevList.length;
    const nextCount = added ? added.length : nextList.length;
    const atMs = this.clock.now();
    const slash = key.indexOf("/");
    const namespace = key.slice(0, slash);
    const service = key.slice(slash + 1);
    const before = new Map<string, EndpointState>();
    for (let i = 0; i < prevCount; i++) {
      const e = prevList[removed ? removed[i]! : i]!;
      if (e.podUid) before.set(e.podUid, endpointState(e));
    }
    const after = new Set<string>();
    for (let i = 0; i < nextCount; i++) {
      const e = nextList[added ? added[i]! : i]!;
      if (!e.podUid) continue;
      after.add(e.podUid);
      const state = endpointState(e);
      if (before.get(e.podUid) !== state)
        this.history.push({ atMs, service, namespace, podUid: e.podUid, podName: e.podName ?? "", state });
    }
    for (let i = 0; i < prevCount; i++) {
      const e = prevList[removed ? removed[i]! : i]!;
      if (e.podUid && !after.has(e.podUid))
        this.history.push({ atMs, service, namespace, podUid: e.podUid, podName: e.podName ?? "" });
    }
  }

  /** The Service as kube-proxy has programmed it now, if it has. */
  lookup(namespace: string, name: string): ProxyService | undefined {
    return this.byName.get(namespace)?.get(name)?.programmed(namespace, name);
  }

  /** Calls `fn` with the service key each time kube-proxy reprograms a Service. */
  onProgrammed(fn: (key: string) => void): void {
    this.listeners.push(fn);
  }
}
