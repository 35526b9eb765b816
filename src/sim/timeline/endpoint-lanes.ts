/**
 * Pod lanes for Service membership: `endpoints/<service>` shows the pod's endpoint as the
 * EndpointSlice controller wrote it, `kube-proxy/<service>` the same a propagation delay later, as
 * the data path saw it. The gap between the two is where requests can still reach a pod that is
 * shutting down.
 */
import type { EndpointChange, EndpointState } from "../controllers/endpointslice-controller.ts";
import { whyOf } from "./reasons.ts";
import type { PodLane, Why } from "./types.ts";

const SLICE_WHY: Record<EndpointState, Why> = {
  ready: whyOf("endpoint.ready"),
  "not ready": whyOf("endpoint.notReady"),
  "serving, terminating": whyOf("endpoint.servingTerminating"),
  terminating: whyOf("endpoint.terminating"),
};

/** Endpoint changes grouped by pod uid, in time order. */
export function byPod<T extends { podUid: string }>(changes: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const c of changes) {
    let list = out.get(c.podUid);
    if (!list) out.set(c.podUid, (list = []));
    list.push(c);
  }
  return out;
}

/** The membership lanes of one pod, one pair per Service that listed it. */
export function endpointLanes(
  slices: EndpointChange[] | undefined,
  proxy: EndpointChange[] | undefined,
  endMs: number,
  propagationMs: number,
): PodLane[] {
  const services = [...new Set([...(slices ?? []), ...(proxy ?? [])].map((c) => c.service))];
  const lanes: PodLane[] = [];
  for (const svc of services) {
    lanes.push(
      lane(
        `endpoints/${svc}`,
        (slices ?? []).filter((c) => c.service === svc),
        endMs,
        (s) => SLICE_WHY[s],
      ),
    );
    lanes.push(
      lane(
        `kube-proxy/${svc}`,
        (proxy ?? []).filter((c) => c.service === svc),
        endMs,
        (s) => whyOf("proxy.programmed", { state: s, delaySeconds: propagationMs / 1000 }),
      ),
    );
  }
  return lanes.filter((l) => l.spans.length > 0);
}

function lane(
  name: string,
  changes: EndpointChange[],
  endMs: number,
  why: (s: EndpointState) => Why,
): PodLane {
  const spans: PodLane["spans"] = [];
  changes.forEach((c, i) => {
    if (c.atMs > endMs || !c.state) return;
    const next = Math.min(changes[i + 1]?.atMs ?? endMs, endMs);
    spans.push({ startMs: c.atMs, endMs: next, value: c.state, ...why(c.state) });
  });
  return { name, spans };
}
