import { describe, expect, it } from "vitest";
import { SeededRandom } from "../random.ts";
import { buildSubsets, type EndpointSubset, EndpointSubsetsIndex, subsetsKey } from "./endpoint-subsets.ts";
import type { DesiredEndpoint, EndpointPort } from "./service-endpoints.ts";

const PORTS: EndpointPort[][] = [
  [{ name: "", port: 80, protocol: "TCP" }],
  [{ name: "http", port: 8080, protocol: "TCP", appProtocol: "kubernetes.io/h2c" }],
  [],
];

function endpoint(r: SeededRandom, uid: string, opts: { exotic?: boolean } = {}): DesiredEndpoint {
  const ports = PORTS[r.int(0, PORTS.length - 1)]!;
  // Few distinct IPs, so that equal IPs (reused addresses) are common.
  const ip =
    opts.exotic && r.int(0, 3) === 0 ? `10.0.0.${r.int(0, 3)},x` : `10.0.${r.int(0, 1)}.${r.int(0, 5)}`;
  return {
    ip,
    podName: `pod-${uid}`,
    podUid: uid,
    namespace: "default",
    nodeName: r.int(0, 3) === 0 ? "" : `node-${r.int(1, 3)}`,
    ready: r.int(0, 1) === 1,
    serving: true,
    terminating: false,
    ports,
    portKey: ports.map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ""}`).join(","),
  };
}

/** Drives the index and a plain Map (the controller's old cache) through the same random changes. */
function run(seed: number, exotic: boolean): void {
  const r = new SeededRandom(seed);
  const index = new EndpointSubsetsIndex();
  const reference = new Map<string, DesiredEndpoint>();
  let prev: EndpointSubset[] | undefined;
  for (let step = 0; step < 400; step++) {
    const uid = `u${r.int(0, 20)}`;
    const op = r.int(0, 9);
    if (op === 0) {
      index.clear();
      reference.clear();
    } else if (op < 4) {
      expect(index.delete(uid)).toBe(reference.delete(uid));
    } else {
      const d = endpoint(r, uid, { exotic });
      index.set(d);
      reference.set(uid, d);
    }
    const expected = buildSubsets([...reference.values()]);
    expect([...index.values()]).toEqual([...reference.values()]);
    expect(index.sameAs(prev)).toBe(subsetsKey(prev) === subsetsKey(expected));
    const got = index.subsets();
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    if (r.int(0, 1) === 0) prev = got;
  }
}

describe("EndpointSubsetsIndex", () => {
  it("gives what buildSubsets gives after any sequence of pod changes", () => {
    for (let seed = 1; seed <= 30; seed++) run(seed, false);
  });

  it("stays exact when fields hold the key's separators", () => {
    for (let seed = 1; seed <= 10; seed++) run(seed, true);
  });

  it("reuses the address object of a pod that did not change", () => {
    const r = new SeededRandom(3);
    const index = new EndpointSubsetsIndex();
    const a = { ...endpoint(r, "a"), ports: PORTS[0]!, portKey: "/80/TCP/", ready: true };
    const b = { ...a, podUid: "b", podName: "pod-b", ip: "10.0.0.9" };
    index.set(a);
    const before = index.subsets();
    index.set(b);
    const after = index.subsets();
    expect(after[0]!.addresses![0]).toBe(before[0]!.addresses![0]);
    expect(after[0]!.addresses).not.toBe(before[0]!.addresses);
    expect(index.sameAs(before)).toBe(false);
    expect(index.sameAs(after)).toBe(true);
  });
});
