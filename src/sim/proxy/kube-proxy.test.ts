import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock.ts";
import { endpointState, SERVICE_NAME_LABEL } from "../controllers/endpointslice-controller.ts";
import type { ApiObject } from "../kubectl/api.ts";
import { SeededRandom } from "../random.ts";
import { KubeProxy, type ProxyChange } from "./kube-proxy.ts";

interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  targetRef?: { kind: string; name: string; uid: string };
}

function randomEndpoint(r: SeededRandom): Endpoint {
  // Few pods, so that a pod listed twice (in one slice or two) is common.
  const n = r.int(1, 6);
  const ready = r.int(0, 2) > 0;
  const terminating = r.int(0, 3) === 0;
  const e: Endpoint = {
    addresses: [`10.244.0.${n}`],
    conditions: { ready: ready && !terminating, serving: ready, terminating },
  };
  if (r.int(0, 5) > 0) e.targetRef = { kind: "Pod", name: `pod-${n}`, uid: `uid-${n}` };
  return e;
}

/** The routing changes between two versions of a slice, worked out from scratch. */
function expectedChanges(atMs: number, prev: readonly Endpoint[], next: readonly Endpoint[]): ProxyChange[] {
  const out: ProxyChange[] = [];
  const before = new Map<string, string>();
  for (const e of prev) if (e.targetRef) before.set(e.targetRef.uid, endpointState(e.conditions));
  const after = new Set<string>();
  for (const e of next) {
    if (!e.targetRef) continue;
    after.add(e.targetRef.uid);
    const state = endpointState(e.conditions);
    if (before.get(e.targetRef.uid) !== state)
      out.push({
        atMs,
        service: "web",
        namespace: "default",
        podUid: e.targetRef.uid,
        podName: e.targetRef.name,
        state,
      });
  }
  for (const e of prev)
    if (e.targetRef && !after.has(e.targetRef.uid))
      out.push({
        atMs,
        service: "web",
        namespace: "default",
        podUid: e.targetRef.uid,
        podName: e.targetRef.name,
      });
  return out;
}

describe("KubeProxy", () => {
  it("records the routing changes a from-scratch comparison of each slice version finds", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = new SeededRandom(seed);
      const clock = new VirtualClock();
      const proxy = new KubeProxy(clock, 1000);
      proxy.observe({
        type: "ADDED",
        object: {
          apiVersion: "v1",
          kind: "Service",
          metadata: { name: "web", namespace: "default" },
          spec: { clusterIP: "10.96.0.10", ports: [{ port: 80 }] },
        },
      });
      const slices = new Map<string, ApiObject>();
      /** What each slice listed when last sent, as kube-proxy should have copied it. */
      const sent = new Map<string, Endpoint[]>();
      const expected: ProxyChange[] = [];
      for (let step = 0; step < 150; step++) {
        const name = `web-${r.int(0, 2)}`;
        let slice = slices.get(name);
        const op = r.int(0, 9);
        let type: "ADDED" | "MODIFIED" | "DELETED" = "MODIFIED";
        if (!slice) {
          type = "ADDED";
          const endpoints: Endpoint[] = [];
          for (let i = r.int(0, 5); i > 0; i--) endpoints.push(randomEndpoint(r));
          slice = {
            apiVersion: "discovery.k8s.io/v1",
            kind: "EndpointSlice",
            metadata: { name, namespace: "default", labels: { [SERVICE_NAME_LABEL]: "web" } },
            addressType: "IPv4",
            ports: [{ name: "", port: 8080, protocol: "TCP" }],
            endpoints,
          };
          slices.set(name, slice);
        } else if (op === 0) {
          type = "DELETED";
          slices.delete(name);
        } else {
          const endpoints = slice.endpoints as Endpoint[];
          const at = r.int(0, endpoints.length);
          const edit = r.int(0, 4);
          if (edit === 0) endpoints.splice(at, 1);
          else if (edit === 1) endpoints.push(randomEndpoint(r));
          else if (edit === 2) endpoints.splice(at, 1, randomEndpoint(r));
          else if (edit === 3 && endpoints[at]) {
            // Changed in place: a copy kube-proxy took earlier must not follow.
            endpoints[at]!.conditions.ready = !endpoints[at]!.conditions.ready;
          } else if (endpoints[at]) endpoints[at] = { ...endpoints[at]!, addresses: ["10.244.0.9"] };
        }
        const body = type === "DELETED" ? [] : structuredClone(slice.endpoints as Endpoint[]);
        expected.push(...expectedChanges(clock.now() + 1000, sent.get(name) ?? [], body));
        if (type === "DELETED") sent.delete(name);
        else sent.set(name, body);
        proxy.observe({ type, object: slice });
        clock.advanceTo(clock.now() + r.int(1, 3) * 1000);
      }
      clock.advanceTo(clock.now() + 2000);
      expect(proxy.history).toEqual(expected);
    }
  });
});
