/**
 * The `subsets` of a legacy Endpoints object (pkg/api/v1/endpoints `RepackSubsets`): endpoints
 * grouped by the ports they resolve to, ready ones under `addresses` and the others under
 * `notReadyAddresses`, each list sorted by IP. `buildSubsets` computes them from scratch;
 * `EndpointSubsetsIndex` keeps them sorted as single pods change, so that a sync during a rollout
 * costs what changed rather than the size of the Service (and allocates nothing for the pods that
 * did not change).
 */
import type { DesiredEndpoint, EndpointPort } from "./service-endpoints.ts";

/** A `v1.EndpointAddress` as this controller writes it. */
export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: "Pod"; name: string; namespace: string; uid: string };
}

/** A `v1.EndpointSubset`. */
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: { name?: string; port: number; protocol: string; appProtocol?: string }[];
}

/** An IPv4 address as a number, for sorting as `RepackSubsets` does. */
function ipValue(ip: string): number {
  let v = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      v = v * 256 + part;
      part = 0;
    } else part = part * 10 + (c - 48);
  }
  return v * 256 + part;
}

function sortByIP(list: EndpointAddress[]): EndpointAddress[] {
  return list
    .map((a) => ({ a, v: ipValue(a.ip) }))
    .sort((x, y) => x.v - y.v)
    .map((x) => x.a);
}

function address(d: DesiredEndpoint): EndpointAddress {
  const a: EndpointAddress = {
    ip: d.ip,
    targetRef: { kind: "Pod", name: d.podName, namespace: d.namespace, uid: d.podUid },
  };
  if (d.nodeName) a.nodeName = d.nodeName;
  return a;
}

function subsetPorts(ports: EndpointPort[]): EndpointSubset["ports"] {
  return ports.map((p) => {
    const out: { name?: string; port: number; protocol: string; appProtocol?: string } = {
      port: p.port,
      protocol: p.protocol,
    };
    if (p.name) out.name = p.name;
    if (p.appProtocol) out.appProtocol = p.appProtocol;
    return out;
  });
}

/** A subset's ports as one string, the same way `subsetsKey` writes them. */
function portsKey(ports: EndpointSubset["ports"]): string {
  let key = "";
  for (const p of ports ?? []) key += `${p.name ?? ""}/${p.port}/${p.protocol}/${p.appProtocol ?? ""},`;
  return key;
}

/** A cheap key of what the subsets say (addresses, readiness, pods, ports). */
export function subsetsKey(subsets: EndpointSubset[] | undefined): string {
  let key = "";
  for (const ss of subsets ?? []) {
    for (const a of ss.addresses ?? []) key += `${a.ip}/${a.targetRef.uid}/${a.nodeName ?? ""},`;
    key += "|";
    for (const a of ss.notReadyAddresses ?? []) key += `${a.ip}/${a.targetRef.uid}/${a.nodeName ?? ""},`;
    key += "|";
    key += portsKey(ss.ports);
    key += ";";
  }
  return key;
}

/**
 * Builds the subsets from scratch: endpoints grouped by ports in the order each group's first
 * endpoint comes, addresses sorted by IP (stable, so equal IPs keep the endpoints' order). The
 * definition `EndpointSubsetsIndex` must agree with.
 */
export function buildSubsets(endpoints: DesiredEndpoint[]): EndpointSubset[] {
  const groups = new Map<string, DesiredEndpoint[]>();
  for (const d of endpoints) {
    if (d.ports.length === 0) continue;
    let g = groups.get(d.portKey);
    if (!g) groups.set(d.portKey, (g = []));
    g.push(d);
  }
  const subsets: EndpointSubset[] = [];
  for (const group of groups.values()) {
    const subset: EndpointSubset = {};
    const ready = sortByIP(group.filter((d) => d.ready).map(address));
    const notReady = sortByIP(group.filter((d) => !d.ready).map(address));
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    subset.ports = subsetPorts(group[0]!.ports);
    subsets.push(subset);
  }
  return subsets;
}

/** One endpoint in the index: its address object (reused while it is unchanged) and sort key. */
interface Member {
  d: DesiredEndpoint;
  addr: EndpointAddress;
  ipValue: number;
  /** Position in insertion order: ties between equal IPs keep it, as the stable sort does. */
  seq: number;
  group: Group | undefined;
}

/** One sorted list: the members by (IP, seq), and their address objects alongside for copying. */
interface SortedList {
  members: Member[];
  addresses: EndpointAddress[];
}

/** The endpoints that share one set of ports, ready and not ready. */
interface Group {
  portKey: string;
  ports: EndpointPort[];
  ready: SortedList;
  notReady: SortedList;
}

/** Characters `subsetsKey` uses as separators; fields containing them take the slow path. */
const KEY_SEPARATORS = /[/,|;]/;

function samePorts(a: EndpointPort[], b: EndpointPort[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.name !== y.name ||
      x.port !== y.port ||
      x.protocol !== y.protocol ||
      x.appProtocol !== y.appProtocol
    )
      return false;
  }
  return true;
}

function emptyList(): SortedList {
  return { members: [], addresses: [] };
}

function lowerBound(list: Member[], ipValue: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid]!;
    if (m.ipValue < ipValue || (m.ipValue === ipValue && m.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameAddresses(list: EndpointAddress[] | undefined, sorted: SortedList): boolean {
  const n = list?.length ?? 0;
  if (n !== sorted.addresses.length) return false;
  for (let i = 0; i < n; i++) {
    const a = list![i]!;
    const b = sorted.addresses[i]!;
    if (a === b) continue;
    if (a.ip !== b.ip || a.targetRef.uid !== b.targetRef.uid || (a.nodeName ?? "") !== (b.nodeName ?? ""))
      return false;
  }
  return true;
}

/**
 * A Service's endpoints by pod uid (a Map in insertion order, as the controller's cache was) with
 * their subsets kept up to date: `set` and `delete` re-place one pod in its sorted list, and
 * `subsets()` only copies the lists. Gives exactly what `buildSubsets` gives for the endpoints in
 * insertion order. Unusual inputs (IP, uid or node names holding `subsetsKey`'s separators, ports
 * that share a key but differ) switch the index to the from-scratch path for good.
 */
export class EndpointSubsetsIndex {
  private readonly members = new Map<string, Member>();
  private readonly groups = new Map<string, Group>();
  private nextSeq = 0;
  /** False once an input was seen that the fast paths cannot handle exactly. */
  private plain = true;

  /** The endpoint of a pod, by uid. */
  get(uid: string): DesiredEndpoint | undefined {
    return this.members.get(uid)?.d;
  }

  /** The endpoints in insertion order. */
  *values(): IterableIterator<DesiredEndpoint> {
    for (const m of this.members.values()) yield m.d;
  }

  /** Forgets every endpoint. */
  clear(): void {
    this.members.clear();
    this.groups.clear();
  }

  /** Adds or replaces a pod's endpoint (a replaced one keeps its place in insertion order). */
  set(d: DesiredEndpoint): void {
    const was = this.members.get(d.podUid);
    if (was) this.unplace(was);
    const m: Member = {
      d,
      addr: address(d),
      ipValue: ipValue(d.ip),
      seq: was ? was.seq : this.nextSeq++,
      group: undefined,
    };
    if (
      !Number.isFinite(m.ipValue) ||
      KEY_SEPARATORS.test(d.ip) ||
      KEY_SEPARATORS.test(d.podUid) ||
      KEY_SEPARATORS.test(d.nodeName) ||
      d.portKey.includes("|") ||
      d.portKey.includes(";")
    )
      this.plain = false;
    this.members.set(d.podUid, m);
    this.place(m);
  }

  /** Removes a pod's endpoint; false when it had none. */
  delete(uid: string): boolean {
    const m = this.members.get(uid);
    if (!m) return false;
    this.unplace(m);
    this.members.delete(uid);
    return true;
  }

  private place(m: Member): void {
    if (m.d.ports.length === 0) return;
    let g = this.groups.get(m.d.portKey);
    if (!g) {
      g = { portKey: m.d.portKey, ports: m.d.ports, ready: emptyList(), notReady: emptyList() };
      this.groups.set(m.d.portKey, g);
    } else if (!samePorts(g.ports, m.d.ports)) this.plain = false;
    const list = m.d.ready ? g.ready : g.notReady;
    const i = lowerBound(list.members, m.ipValue, m.seq);
    list.members.splice(i, 0, m);
    list.addresses.splice(i, 0, m.addr);
    m.group = g;
  }

  private unplace(m: Member): void {
    const g = m.group;
    if (!g) return;
    const list = m.d.ready ? g.ready : g.notReady;
    const i = lowerBound(list.members, m.ipValue, m.seq);
    if (list.members[i] !== m) throw new Error(`endpoint ${m.d.podUid} is not where its sort key places it`);
    list.members.splice(i, 1);
    list.addresses.splice(i, 1);
    if (g.ready.members.length === 0 && g.notReady.members.length === 0) this.groups.delete(g.portKey);
    m.group = undefined;
  }

  /** The groups in the order `buildSubsets` puts them: by their earliest-inserted endpoint. */
  private orderedGroups(): Group[] {
    const groups = [...this.groups.values()];
    if (groups.length < 2) return groups;
    const first = new Map<Group, number>();
    for (const g of groups) {
      let min = Number.POSITIVE_INFINITY;
      for (const m of g.ready.members) if (m.seq < min) min = m.seq;
      for (const m of g.notReady.members) if (m.seq < min) min = m.seq;
      first.set(g, min);
    }
    return groups.sort((a, b) => first.get(a)! - first.get(b)!);
  }

  /** The subsets, as fresh arrays (the address objects are shared while a pod is unchanged). */
  subsets(): EndpointSubset[] {
    if (!this.plain) return buildSubsets([...this.values()]);
    const out: EndpointSubset[] = [];
    for (const g of this.orderedGroups()) {
      const subset: EndpointSubset = {};
      if (g.ready.addresses.length) subset.addresses = g.ready.addresses.slice();
      if (g.notReady.addresses.length) subset.notReadyAddresses = g.notReady.addresses.slice();
      subset.ports = subsetPorts(g.ports);
      out.push(subset);
    }
    return out;
  }

  /**
   * Whether `prev` — subsets this index returned earlier — says what the index says now, by
   * `subsetsKey`. With plain inputs the key is a one-to-one encoding, so the fields are compared
   * directly (by reference first) instead of building both keys.
   */
  sameAs(prev: EndpointSubset[] | undefined): boolean {
    if (!this.plain) return subsetsKey(prev) === subsetsKey(this.subsets());
    const groups = this.orderedGroups();
    const p = prev ?? [];
    if (p.length !== groups.length) return false;
    for (let i = 0; i < groups.length; i++) {
      const s = p[i]!;
      const g = groups[i]!;
      if (!sameAddresses(s.addresses, g.ready) || !sameAddresses(s.notReadyAddresses, g.notReady))
        return false;
      if (portsKey(s.ports) !== `${g.portKey},`) return false;
    }
    return true;
  }
}
