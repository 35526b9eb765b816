import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import { podsToDelete } from "./active-pods.ts";
import { parseApiTime } from "./meta.ts";
import { isPodActive, isPodReady, podNodeName, podReadySinceMs, podStatus } from "./pods.ts";

/**
 * `podsToDelete` as first written: `lessForDeletion` asked both ways, times bucketed on every
 * comparison. The order is not always transitive, so the sort's result depends on every answer
 * the comparison gives; the faster version must give the same ones.
 */
function referencePodsToDelete(
  pods: ApiObject[],
  related: ApiObject[],
  count: number,
  nowMs: number,
  startMs: number,
): ApiObject[] {
  if (count >= pods.length) return pods.slice(0, count);
  const phases: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const onNode = new Map<string, number>();
  for (const p of related)
    if (isPodActive(p)) onNode.set(podNodeName(p), (onNode.get(podNodeName(p)) ?? 0) + 1);
  const max = (list: { restartCount?: number }[] | undefined) =>
    Math.max(0, ...(list ?? []).map((c) => c.restartCount ?? 0));
  const keys = pods.map((pod) => {
    const node = podNodeName(pod);
    const cost = Number(pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0);
    return {
      pod,
      rank: onNode.get(node) ?? 0,
      unassigned: node === "",
      node,
      phase: phases[podStatus(pod).phase ?? ""] ?? -1,
      ready: isPodReady(pod),
      cost: Number.isFinite(cost) ? cost : 0,
      readyMs: podReadySinceMs(pod, startMs),
      regular: max(podStatus(pod).containerStatuses),
      sidecar: max(podStatus(pod).initContainerStatuses),
      createdMs: parseApiTime(pod.metadata.creationTimestamp, startMs),
      uid: pod.metadata.uid ?? "",
    };
  });
  type Key = (typeof keys)[number];
  const rankDiff = (t1: number, t2: number) => {
    const rank = (t: number) => {
      const d = (nowMs - t) * 1e6;
      return d <= 0 ? -1 : Math.floor(Math.log2(d));
    };
    return rank(t1) - rank(t2);
  };
  const afterOrZero = (t1: number | undefined, t2: number | undefined) =>
    t1 === undefined || t2 === undefined ? t1 === undefined : t1 > t2;
  const less = (i: Key, j: Key): boolean => {
    if (i.node !== j.node && (i.unassigned || j.unassigned)) return i.unassigned;
    if (i.phase !== j.phase) return i.phase < j.phase;
    if (i.ready !== j.ready) return !i.ready;
    if (i.cost !== j.cost) return i.cost < j.cost;
    if (i.rank !== j.rank) return i.rank > j.rank;
    if (i.ready && j.ready && i.readyMs !== j.readyMs) {
      if (i.readyMs === undefined || j.readyMs === undefined) return afterOrZero(i.readyMs, j.readyMs);
      const diff = rankDiff(i.readyMs, j.readyMs);
      return diff === 0 ? i.uid < j.uid : diff < 0;
    }
    if (i.regular !== j.regular) return i.regular > j.regular;
    if (i.sidecar !== j.sidecar) return i.sidecar > j.sidecar;
    if (i.createdMs !== j.createdMs) {
      if (i.createdMs === undefined || j.createdMs === undefined)
        return afterOrZero(i.createdMs, j.createdMs);
      const diff = rankDiff(i.createdMs, j.createdMs);
      return diff === 0 ? i.uid < j.uid : diff < 0;
    }
    return false;
  };
  keys.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  return keys.slice(0, count).map((k) => k.pod);
}

const START_MS = Date.parse("2025-01-01T00:00:00Z");
const at = (s: number) => new Date(START_MS + s * 1000).toISOString().replace(".000Z", "Z");

/** Whole seconds: often the same few, else spread over several power-of-two age buckets. */
const time = fc.oneof(fc.constantFrom(10, 20, 150), fc.integer({ min: 0, max: 300 }));

/** Pods that tie often: few nodes, whole-second times close together, a few uids. */
const pod = fc
  .record({
    node: fc.constantFrom("node-1", "node-1", "node-2", ""),
    phase: fc.constantFrom("Running", "Running", "Running", "Pending", "Unknown", "Failed", undefined),
    ready: fc.constantFrom("True", "True", "True", "False", undefined),
    readyAt: fc.option(time, { freq: 8 }),
    createdAt: fc.option(time, { freq: 8 }),
    restarts: fc.constantFrom(0, 0, 0, 1),
    sidecarRestarts: fc.constantFrom(null, 0, 2),
    cost: fc.option(fc.constantFrom("0", "5", "-1", "x"), { freq: 8 }),
    uid: fc.stringMatching(/^[ab][0-9]$/),
  })
  .map((p): ApiObject => {
    const status: Record<string, unknown> = { containerStatuses: [{ restartCount: p.restarts }] };
    if (p.phase) status.phase = p.phase;
    if (p.ready) {
      const condition: Record<string, unknown> = { type: "Ready", status: p.ready };
      if (p.readyAt !== null) condition.lastTransitionTime = at(p.readyAt);
      status.conditions = [condition];
    }
    if (p.sidecarRestarts !== null) status.initContainerStatuses = [{ restartCount: p.sidecarRestarts }];
    const metadata: ApiObject["metadata"] = { name: `p-${p.uid}`, uid: p.uid };
    if (p.createdAt !== null) metadata.creationTimestamp = at(p.createdAt);
    if (p.cost !== null) metadata.annotations = { "controller.kubernetes.io/pod-deletion-cost": p.cost };
    return { apiVersion: "v1", kind: "Pod", metadata, spec: { nodeName: p.node }, status };
  });

describe("podsToDelete", () => {
  it("picks the same pods, in the same order, as lessForDeletion asked both ways", () => {
    fc.assert(
      fc.property(
        // Past 64 pods the sort merges runs, where an answer of 0 and of 1 differ.
        fc.array(pod, { minLength: 1, maxLength: 200, size: "max" }),
        fc.array(pod, { maxLength: 20 }),
        fc.option(fc.nat(), { freq: 2 }),
        fc.integer({ min: 0, max: 400_000 }),
        (pods, others, n, nowMs) => {
          // Mostly all but one pod, so that the whole order is compared.
          const count = n === null ? pods.length - 1 : n % pods.length;
          const related = [...pods, ...others];
          const expected = referencePodsToDelete(pods, related, count, nowMs, START_MS);
          expect(podsToDelete(pods, related, count, nowMs, START_MS, isPodActive)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("deletes unscheduled, then pending, then not-ready pods first", () => {
    const make = (name: string, nodeName: string, phase: string, ready: string): ApiObject => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, uid: name, creationTimestamp: at(0) },
      spec: { nodeName },
      status: { phase, conditions: [{ type: "Ready", status: ready, lastTransitionTime: at(1) }] },
    });
    const pods = [
      make("ready", "node-1", "Running", "True"),
      make("not-ready", "node-1", "Running", "False"),
      make("pending", "node-1", "Pending", "False"),
      make("unscheduled", "", "Pending", "False"),
    ];
    const names = podsToDelete(pods, pods, 3, 60_000, START_MS, isPodActive).map((p) => p.metadata.name);
    expect(names).toEqual(["unscheduled", "pending", "not-ready"]);
  });
});
