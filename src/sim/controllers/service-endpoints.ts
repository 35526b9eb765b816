/**
 * What both endpoint controllers compute from a Service and the pods it selects
 * (pkg/controller/endpointslice, `podToEndpoint`, `getEndpointPorts`; pkg/api/v1/pod `FindPort`):
 * one endpoint per selected pod that has an IP and is not terminal, with its `ready`, `serving`
 * and `terminating` conditions, grouped by the ports it resolves to.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { sameJson } from "../same-json.ts";
import { deepCopy } from "./deep-copy.ts";
import { isPodReady, podNodeName, podStatus } from "./pods.ts";

/** A Service port as the controllers read it. */
export interface ServicePortView {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

/** A Service's spec fields the endpoint controllers read. */
export interface ServiceSpecView {
  selector?: Record<string, string>;
  ports?: ServicePortView[];
  publishNotReadyAddresses?: boolean;
  clusterIP?: string;
  type?: string;
}

/** A discovery `EndpointPort`. */
export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** One pod as an endpoint. */
export interface DesiredEndpoint {
  ip: string;
  podName: string;
  podUid: string;
  namespace: string;
  nodeName: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  ports: EndpointPort[];
  /** The ports as one comparable key (pods with the same key share slices). */
  portKey: string;
}

/** The Service's spec. */
export function serviceSpec(service: ApiObject): ServiceSpecView {
  return (service.spec ?? {}) as ServiceSpecView;
}

/** Whether the Service selects pods (a Service without a selector has endpoints managed by hand). */
export function hasSelector(service: ApiObject): boolean {
  const sel = serviceSpec(service).selector;
  return sel !== undefined && sel !== null && Object.keys(sel).length > 0;
}

/** `labels.SelectorFromSet(service.Spec.Selector).Matches(pod.Labels)`. */
export function serviceSelects(service: ApiObject, pod: ApiObject): boolean {
  const sel = serviceSpec(service).selector;
  if (!sel) return false;
  if ((pod.metadata.namespace ?? "default") !== (service.metadata.namespace ?? "default")) return false;
  const labels = pod.metadata.labels ?? {};
  // Why `for…in` with `hasOwn` rather than `Object.entries`: the same own keys, without building
  // two arrays for every Service a changed pod is matched against. An empty selector selects none.
  let any = false;
  for (const k in sel) {
    if (!Object.hasOwn(sel, k)) continue;
    if (labels[k] !== sel[k]) return false;
    any = true;
  }
  return any;
}

interface ContainerPortView {
  name?: string;
  containerPort: number;
  protocol?: string;
}

/**
 * `podutil.FindPort`: a numeric target port as is; a named one looked up among the pod's
 * containers' ports with the same protocol (sidecars included). Undefined when the name is unknown.
 */
export function findPort(pod: ApiObject, sp: ServicePortView): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  const asNumber = Number(target);
  if (target !== "" && Number.isInteger(asNumber)) return asNumber;
  const spec = (pod.spec ?? {}) as {
    containers?: { ports?: ContainerPortView[] }[];
    initContainers?: { ports?: ContainerPortView[]; restartPolicy?: string }[];
  };
  const protocol = sp.protocol ?? "TCP";
  const containers = [
    ...(spec.containers ?? []),
    ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always"),
  ];
  for (const c of containers) {
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  }
  return undefined;
}

/** `getEndpointPorts`: the pod's resolved ports for each Service port (unresolvable ones left out). */
export function endpointPorts(service: ApiObject, pod: ApiObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of serviceSpec(service).ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** The pod's IP, if it has one. */
export function podIP(pod: ApiObject): string | undefined {
  const s = podStatus(pod) as { podIP?: string };
  return s.podIP || undefined;
}

/**
 * `podToEndpoint` for a selected pod, or undefined when it is not an endpoint (no IP yet, or
 * Succeeded/Failed). `includeTerminating` is false for the legacy Endpoints controller.
 */
export function desiredEndpoint(
  service: ApiObject,
  pod: ApiObject,
  includeTerminating = true,
): DesiredEndpoint | undefined {
  const ip = podIP(pod);
  const phase = podStatus(pod).phase;
  if (!ip || phase === "Succeeded" || phase === "Failed") return undefined;
  const terminating = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (terminating && !includeTerminating) return undefined;
  const serving = isPodReady(pod);
  const ready = serviceSpec(service).publishNotReadyAddresses === true || (serving && !terminating);
  const ports = endpointPorts(service, pod);
  return {
    ip,
    podName: pod.metadata.name,
    podUid: pod.metadata.uid ?? "",
    namespace: pod.metadata.namespace ?? "default",
    nodeName: podNodeName(pod),
    ready,
    serving,
    terminating,
    ports,
    portKey: ports.map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ""}`).join(","),
  };
}

/**
 * What a pod change can alter in its endpoint: IP, phase, readiness, deletion, node, labels (the
 * labels as a copy, since the stored pod is changed in place). Status updates that change none of
 * these do not wake the endpoint controllers.
 */
export interface EndpointInputs {
  podIP: string;
  phase: string;
  ready: boolean;
  deleting: boolean;
  nodeName: string;
  labels: Record<string, string>;
}

/** The pod's `EndpointInputs` now, keeping `earlier`'s copy of the labels when they read the same. */
export function endpointInputs(pod: ApiObject, earlier?: EndpointInputs): EndpointInputs {
  const labels = pod.metadata.labels ?? {};
  const s = podStatus(pod) as { phase?: string; podIP?: string };
  return {
    podIP: s.podIP ?? "",
    phase: s.phase ?? "",
    ready: isPodReady(pod),
    deleting: !!pod.metadata.deletionTimestamp,
    nodeName: podNodeName(pod),
    // Why a copy: the stored pod's labels may be changed in place later.
    labels: earlier && sameJson(earlier.labels, labels) ? earlier.labels : deepCopy(labels),
  };
}

/**
 * Whether the pod still shows `seen`. Why field by field: building a fingerprint text per pod
 * event (the labels as JSON among it) was a measurable share of a large rollout; the labels are
 * compared as their JSON texts would be (`sameJson`: key order counts), as the text did.
 */
export function sameEndpointInputs(seen: EndpointInputs, pod: ApiObject): boolean {
  const s = podStatus(pod) as { phase?: string; podIP?: string };
  return (
    seen.podIP === (s.podIP ?? "") &&
    seen.phase === (s.phase ?? "") &&
    seen.ready === isPodReady(pod) &&
    seen.deleting === !!pod.metadata.deletionTimestamp &&
    seen.nodeName === podNodeName(pod) &&
    sameJson(seen.labels, pod.metadata.labels ?? {})
  );
}
