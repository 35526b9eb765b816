/**
 * The legacy Endpoints controller (pkg/controller/endpoint, `syncService`): one `v1` Endpoints
 * object per Service with a selector, named as the Service, with ready pods under `addresses` and
 * not-ready ones under `notReadyAddresses`. Unlike EndpointSlices it leaves terminating pods out
 * (`ShouldPodBeInEndpoints(pod, includeTerminating=false)`). The API is deprecated since v1.33 but
 * the controller still runs.
 */
import { apiTime } from "../cluster/time.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { DirtyPods } from "./dirty-pods.ts";
import type { ControllerHost } from "./host.ts";
import { INFORMER_LATENCY_MS, latencyMs } from "./latency.ts";
import { canonicalJson } from "./meta.ts";
import {
  type DesiredEndpoint,
  desiredEndpoint,
  type EndpointPort,
  hasSelector,
} from "./service-endpoints.ts";
import { ServicePodIndex } from "./service-pod-index.ts";
import type { WatchEvent } from "./watch.ts";
import { splitKey, WorkQueue } from "./workqueue.ts";

const TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";

interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: "Pod"; name: string; namespace: string; uid: string };
}

interface EndpointSubset {
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

/** A cheap key of what the subsets say (addresses, readiness, pods, ports). */
function subsetsKey(subsets: EndpointSubset[] | undefined): string {
  let key = "";
  for (const ss of subsets ?? []) {
    for (const a of ss.addresses ?? []) key += `${a.ip}/${a.targetRef.uid}/${a.nodeName ?? ""},`;
    key += "|";
    for (const a of ss.notReadyAddresses ?? []) key += `${a.ip}/${a.targetRef.uid}/${a.nodeName ?? ""},`;
    key += "|";
    for (const p of ss.ports ?? []) key += `${p.name ?? ""}/${p.port}/${p.protocol}/${p.appProtocol ?? ""},`;
    key += ";";
  }
  return key;
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

/** What an Endpoints address shows of a pod. */
function endpointKey(d: DesiredEndpoint): string {
  return `${d.ip}/${d.ready ? 1 : 0}/${d.nodeName}/${d.portKey}`;
}

/** Builds the subsets: endpoints grouped by ports, addresses sorted by IP (`RepackSubsets`). */
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

/** The Endpoints controller: informer handlers, a work queue, and `syncService`. */
export class EndpointsController {
  private readonly queue: WorkQueue;
  private readonly delays: SeededRandom;
  private readonly index = new ServicePodIndex();
  /** Per service key: each pod's endpoint as last computed (terminating pods left out). */
  private readonly endpoints = new Map<string, Map<string, DesiredEndpoint>>();
  private readonly dirty = new DirtyPods();

  constructor(
    private readonly host: ControllerHost,
    random: SeededRandom,
  ) {
    this.delays = random.fork("latency");
    this.queue = new WorkQueue(host.clock, (key) => this.sync(key));
  }

  /** Informer handlers for Services and Pods. */
  observe(event: WatchEvent): void {
    for (const key of this.dirty.observe(event, this.index)) this.enqueue(key);
  }

  private enqueue(key: string): void {
    this.queue.add(key, latencyMs(this.delays, INFORMER_LATENCY_MS));
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.host.store.get("Service", namespace, name);
    const existing = this.host.store.get("Endpoints", namespace, name);
    if (!service) {
      // Why (syncService): the Service is gone, so are its Endpoints.
      if (existing) this.host.delete("Endpoints", namespace, name, {});
      return;
    }
    if (!hasSelector(service)) return;
    const dirty = this.dirty.take(key);
    let current = this.endpoints.get(key);
    if (dirty === "all" || !current) {
      current = new Map();
      for (const pod of this.index.podsOf(key)) {
        const d = desiredEndpoint(service, pod, false);
        if (d) current.set(d.podUid, d);
      }
      this.endpoints.set(key, current);
    } else {
      let changed = false;
      for (const uid of dirty) {
        const pod = this.index.podOf(key, uid);
        const d = pod ? desiredEndpoint(service, pod, false) : undefined;
        const was = current.get(uid);
        if (!d) {
          if (was) {
            current.delete(uid);
            changed = true;
          }
        } else if (!was || endpointKey(was) !== endpointKey(d)) {
          current.set(uid, d);
          changed = true;
        }
      }
      if (!changed && existing) return;
    }
    const subsets = buildSubsets([...current.values()]);
    const labels = { ...(service.metadata.labels ?? {}) };
    if (existing) {
      const body = existing as unknown as { subsets?: EndpointSubset[] };
      if (
        subsetsKey(body.subsets) === subsetsKey(subsets) &&
        canonicalJson(existing.metadata.labels ?? {}) === canonicalJson(labels)
      )
        return;
      if (subsets.length) body.subsets = subsets;
      else delete body.subsets;
      existing.metadata.labels = labels;
      existing.metadata.annotations = {
        ...(existing.metadata.annotations ?? {}),
        [TRIGGER_TIME_ANNOTATION]: apiTime(this.host.startTimeMs(), this.host.clock.now()),
      };
      this.host.store.touch(existing);
      return;
    }
    const obj: ApiObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        name,
        namespace,
        labels,
        annotations: {
          [TRIGGER_TIME_ANNOTATION]: apiTime(this.host.startTimeMs(), this.host.clock.now()),
        },
      },
    };
    if (subsets.length) obj.subsets = subsets;
    this.host.create(obj);
  }
}
