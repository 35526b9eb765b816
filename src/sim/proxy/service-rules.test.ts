import { describe, expect, it } from "vitest";
import { SeededRandom } from "../random.ts";
import {
  buildRules,
  matchEndpoints,
  ServiceRules,
  type ServiceSnapshot,
  type SliceSnapshot,
} from "./service-rules.ts";

const SERVICES: ServiceSnapshot[] = [
  { clusterIP: "10.96.0.10", ports: [{ name: "", port: 80, protocol: "TCP" }] },
  {
    clusterIP: "10.96.0.10",
    ports: [
      { name: "http", port: 80, protocol: "TCP" },
      { name: "dns", port: 53, protocol: "UDP" },
    ],
  },
];

function randomSlice(r: SeededRandom): SliceSnapshot {
  const ports = [
    [{ port: 8080 }],
    [
      { name: "http", port: 8080, protocol: "TCP" },
      { name: "dns", port: 5353, protocol: "UDP" },
    ],
    [{ name: "http" }],
    [],
  ][r.int(0, 3)]!;
  const endpoints: SliceSnapshot["endpoints"] = [];
  for (let i = r.int(0, 6); i > 0; i--) {
    const ready = r.int(0, 2) > 0;
    const terminating = r.int(0, 2) === 0;
    const e: SliceSnapshot["endpoints"][number] = {
      // Few distinct IPs, so that the same address in two slices (or twice in one) is common.
      ip: `10.244.0.${r.int(1, 8)}`,
      ready: ready && !terminating,
      serving: ready,
      terminating,
    };
    if (r.int(0, 4) > 0) {
      e.podName = `pod-${e.ip}`;
      e.podUid = `uid-${e.ip}`;
    }
    endpoints.push(e);
  }
  return { ports, endpoints };
}

/** A new version of a slice as the EndpointSlice controller writes one: an endpoint replaced, dropped or added. */
function editedSlice(r: SeededRandom, slice: SliceSnapshot): SliceSnapshot {
  const endpoints = [...slice.endpoints];
  const fresh = randomSlice(r).endpoints[0] ?? {
    ip: "10.244.0.9",
    ready: true,
    serving: true,
    terminating: false,
  };
  const at = r.int(0, endpoints.length);
  const op = r.int(0, 3);
  if (op === 0) endpoints.splice(at, 1);
  else if (op === 1) endpoints.push(fresh);
  else if (op === 2) endpoints.splice(at, 1, fresh);
  else endpoints.splice(at, 1, { ...endpoints[at]!, ready: !endpoints[at]?.ready });
  return { ports: r.int(0, 5) === 0 ? randomSlice(r).ports : slice.ports, endpoints };
}

describe("ServiceRules", () => {
  it("programs what buildRules builds from scratch after any sequence of changes", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = new SeededRandom(seed);
      const rules = new ServiceRules();
      let service: ServiceSnapshot | undefined;
      const slices = new Map<string, SliceSnapshot>();
      for (let step = 0; step < 200; step++) {
        const op = r.int(0, 9);
        if (op === 0) {
          service = r.int(0, 3) === 0 ? undefined : SERVICES[r.int(0, SERVICES.length - 1)];
          rules.setService(service);
        } else {
          const name = `s${r.int(0, 4)}`;
          const cur = slices.get(name);
          const next =
            r.int(0, 3) === 0 ? undefined : cur && r.int(0, 2) > 0 ? editedSlice(r, cur) : randomSlice(r);
          rules.setSlice(name, next);
          if (next) slices.set(name, next);
          else slices.delete(name);
        }
        expect(rules.sliceNames()).toEqual([...slices.keys()]);
        if (r.int(0, 2) === 0) continue; // not every change is looked at before the next
        const expected = buildRules("default", "web", service, [...slices.values()]);
        expect(JSON.stringify(rules.programmed("default", "web"))).toBe(JSON.stringify(expected));
      }
    }
  });

  it("keeps the rules until something changes", () => {
    const rules = new ServiceRules();
    rules.setService(SERVICES[0]);
    rules.setSlice("a", {
      ports: [{ port: 8080 }],
      endpoints: [{ ip: "10.244.0.1", ready: true, serving: true, terminating: false }],
    });
    const first = rules.programmed("default", "web");
    expect(rules.programmed("default", "web")).toBe(first);
    rules.setSlice("b", { ports: [{ port: 8080 }], endpoints: [] });
    expect(rules.programmed("default", "web")).not.toBe(first);
    expect(rules.programmed("default", "web")).toEqual(first);
  });

  it("takes a matching handed to it only when made against the version it holds", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = new SeededRandom(seed);
      const plain = new ServiceRules();
      const hinted = new ServiceRules();
      plain.setService(SERVICES[1]);
      hinted.setService(SERVICES[1]);
      let cur: SliceSnapshot | undefined;
      let stale: SliceSnapshot = randomSlice(r);
      for (let step = 0; step < 100; step++) {
        const next = cur && r.int(0, 3) > 0 ? editedSlice(r, cur) : randomSlice(r);
        // Mostly the matching against the version held; sometimes one made against another.
        const basis = cur && r.int(0, 4) > 0 ? cur : stale;
        const match = { basis, from: matchEndpoints(basis.endpoints, next.endpoints) };
        expect(hinted.setSlice("a", next, match)).toEqual(plain.setSlice("a", next));
        expect(hinted.programmed("default", "web")).toEqual(plain.programmed("default", "web"));
        stale = cur ?? stale;
        cur = next;
      }
    }
  });
});
