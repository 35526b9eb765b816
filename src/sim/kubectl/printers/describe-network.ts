/**
 * `kubectl describe` for Services and their endpoints (DSC `describeService`,
 * `describeEndpoints`, `describeEndpointSliceV1`, `formatEndpointSlices`), as kubectl v1.34
 * prints them.
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import { printAnnotationsMultiline, printLabelsMultiline } from "./describe-common.ts";
import { PrefixWriter } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";
import { formatLabels } from "./table.ts";

interface EndpointSliceView {
  addressType?: string;
  ports?: { name?: string | null; port?: number | null; protocol?: string }[] | null;
  endpoints?:
    | {
        addresses?: string[];
        conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
        hostname?: string | null;
        targetRef?: { kind?: string; name?: string } | null;
        nodeName?: string | null;
        zone?: string | null;
      }[]
    | null;
}

/** `net.JoinHostPort`: IPv6 addresses go in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * `formatEndpointSlices`: the ready endpoints of the slices' ports named `portName` as `ip:port`,
 * three at most, then `+ N more...`; `<none>` without slices, empty when none is ready.
 */
export function formatEndpointSlices(slices: ApiObject[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  // Why (describe.go): `more` is set when the list is full before the ready check, so a not-ready
  // endpoint after three ready ones still yields `+ 0 more...`; a nil `ready` counts as ready.
  const visit = (endpoints: NonNullable<EndpointSliceView["endpoints"]>, port: number | undefined) => {
    for (const e of endpoints) {
      if (list.length === max) more = true;
      const addr = e.addresses?.[0];
      if (addr === undefined || e.conditions?.ready === false) continue;
      if (!more) list.push(port === undefined ? addr : joinHostPort(addr, port));
      count++;
    }
  };
  for (const raw of slices) {
    const s = raw as unknown as EndpointSliceView;
    const ports = s.ports ?? [];
    // It's possible to have headless services with no ports.
    if (ports.length === 0) visit(s.endpoints ?? [], undefined);
    for (const p of ports) {
      if ((p.name ?? "") === portName) visit(s.endpoints ?? [], p.port ?? 0);
    }
  }
  const text = list.join(",");
  return more ? `${text} + ${count - max} more...` : text;
}

interface ServiceView {
  spec?: {
    selector?: Record<string, string>;
    type?: string;
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    loadBalancerIP?: string;
    externalName?: string;
    ports?: {
      name?: string;
      port?: number;
      protocol?: string;
      targetPort?: number | string;
      nodePort?: number;
    }[];
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerSourceRanges?: string[];
    trafficDistribution?: string;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } };
}

/** `buildIngressString`: `IP (ipMode)` or the hostname, comma-and-space separated. */
function ingressString(ingress: { ip?: string; hostname?: string; ipMode?: string }[]): string {
  return ingress
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? "")))
    .join(", ");
}

/**
 * Renders `kubectl describe service`; `slices` are the EndpointSlices labelled with its name.
 * Why no `AppProtocol:` line: describe.go prints it only from v1.36 (kubernetes#135744).
 */
export function describeService(
  svc: ApiObject,
  slices: ApiObject[],
  events: ApiEvent[] | undefined,
  nowEpochMs: number,
): string {
  const spec = (svc as ServiceView).spec ?? {};
  const ingress = (svc as ServiceView).status?.loadBalancer?.ingress ?? [];
  const w = new PrefixWriter();
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = spec.ipFamilies ?? [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(",") : "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  const ips = spec.clusterIPs ?? [];
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(",") : "<none>"}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs?.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    const proto = p.protocol ?? "TCP";
    w.write(0, `Port:\t${name}\t${p.port ?? 0}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port ?? 0}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? "")}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges?.join(",")}\n`);
  }
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}

interface EndpointsView {
  subsets?: {
    addresses?: { ip: string }[];
    notReadyAddresses?: { ip: string }[];
    ports?: { name?: string; port?: number; protocol?: string }[];
  }[];
}

/** Renders `kubectl describe endpoints`: each subset's addresses and ports, then a blank line. */
export function describeEndpoints(ep: ApiObject, events: ApiEvent[] | undefined, nowEpochMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ep.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const subset of (ep as unknown as EndpointsView).subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(",");
    w.write(1, `Addresses:\t${ready || "<none>"}\n`);
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(",");
    w.write(1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of subset.ports ?? []) {
        w.write(2, `${p.name || "<unset>"}\t${p.port ?? 0}\t${p.protocol ?? "TCP"}\n`);
      }
    }
    w.write(0, "\n");
  }
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}

/**
 * Renders `kubectl describe endpointslice`. Why only `Ready:` under `Conditions:`:
 * describeEndpointSliceV1 prints neither `serving` nor `terminating`.
 */
export function describeEndpointSlice(
  eps: ApiObject,
  events: ApiEvent[] | undefined,
  nowEpochMs: number,
): string {
  const s = eps as unknown as EndpointSliceView;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", eps.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", eps.metadata.annotations);
  w.write(0, `AddressType:\t${s.addressType ?? ""}\n`);
  const ports = s.ports ?? [];
  if (ports.length === 0) {
    w.write(0, "Ports: <unset>\n");
  } else {
    w.write(0, "Ports:\n");
    w.write(1, "Name\tPort\tProtocol\n");
    w.write(1, "----\t----\t--------\n");
    for (const p of ports) {
      const port = p.port === undefined || p.port === null ? "<unset>" : String(p.port);
      w.write(1, `${p.name || "<unset>"}\t${port}\t${p.protocol ?? "TCP"}\n`);
    }
  }
  const endpoints = s.endpoints ?? [];
  if (endpoints.length === 0) {
    w.write(0, "Endpoints: <none>\n");
  } else {
    w.write(0, "Endpoints:\n");
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
      w.write(2, "Conditions:\n");
      const ready = e.conditions?.ready;
      w.write(3, `Ready:\t${ready === undefined || ready === null ? "<unset>" : String(ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}
