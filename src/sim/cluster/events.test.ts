import { describe, expect, it } from "vitest";
import { EventRecorder, FewMap, type InvolvedObject } from "./events.ts";

const START = Date.UTC(2025, 0, 1);
const pod = (name: string, fieldPath?: string): InvolvedObject => ({
  kind: "Pod",
  name,
  namespace: "default",
  uid: `uid-${name}`,
  apiVersion: "v1",
  ...(fieldPath ? { fieldPath } : {}),
});
const kubelet = { component: "kubelet", host: "node-1" };

function recorder() {
  let now = 0;
  const r = new EventRecorder(START, () => now);
  return { r, at: (ms: number) => (now = ms) };
}

describe("EventRecorder", () => {
  it("merges identical events into one with a count and the last timestamp", () => {
    const { r, at } = recorder();
    r.record(pod("a"), "Normal", "Pulled", "pulled", kubelet);
    at(2500);
    r.record(pod("a"), "Normal", "Pulled", "pulled", kubelet);
    r.record(pod("b"), "Normal", "Pulled", "pulled", kubelet);
    const [a, b] = r.list();
    expect(r.list()).toHaveLength(2);
    expect(a).toMatchObject({
      count: 2,
      firstTimestamp: "2025-01-01T00:00:00Z",
      lastTimestamp: "2025-01-01T00:00:02Z",
    });
    expect(a?.source).toEqual({ component: "kubelet", host: "node-1" });
    expect(b).toMatchObject({ count: 1, eventTime: "2025-01-01T00:00:02.500000Z" });
    expect(r.occurrences).toHaveLength(3);
  });

  it("keeps events of different field paths apart, and the same message of another reason", () => {
    const { r } = recorder();
    r.record(pod("a", "spec.containers{x}"), "Normal", "Started", "m", kubelet);
    r.record(pod("a", "spec.containers{y}"), "Normal", "Started", "m", kubelet);
    r.record(pod("a", "spec.containers{y}"), "Normal", "Created", "m", kubelet);
    expect(r.list().map((e) => [e.involvedObject.fieldPath, e.reason, e.count])).toEqual([
      ["spec.containers{x}", "Started", 1],
      ["spec.containers{y}", "Started", 1],
      ["spec.containers{y}", "Created", 1],
    ]);
  });

  it("combines more than ten different messages of one reason within ten minutes", () => {
    const { r, at } = recorder();
    for (let i = 0; i < 12; i++) r.record(pod("a"), "Warning", "Failed", `m${i}`, kubelet);
    const events = r.list();
    expect(events).toHaveLength(11);
    expect(events.at(-1)).toMatchObject({ count: 2, message: "(combined from similar events): m11" });
    // After the window, the messages are counted afresh.
    at(700_000);
    r.record(pod("a"), "Warning", "Failed", "m0", kubelet);
    expect(r.list()[0]).toMatchObject({ count: 2, message: "m0" });
  });

  it("drops an identical event beyond the spam filter's burst of 25, one more per five minutes", () => {
    const { r, at } = recorder();
    for (let i = 0; i < 30; i++) r.record(pod("a"), "Warning", "BackOff", "back-off", kubelet);
    expect(r.occurrences).toHaveLength(25);
    at(300_000);
    r.record(pod("a"), "Warning", "BackOff", "back-off", kubelet);
    r.record(pod("a"), "Warning", "BackOff", "back-off", kubelet);
    expect(r.occurrences).toHaveLength(26);
    expect(r.list()[0]?.count).toBe(26);
    // Another host's identical event has a bucket of its own.
    r.record(pod("a"), "Warning", "BackOff", "back-off", { component: "kubelet", host: "node-2" });
    expect(r.occurrences).toHaveLength(27);
  });
});

describe("FewMap", () => {
  it("reads as a Map would after any sequence of sets", () => {
    const few = new FewMap<number>();
    const map = new Map<string, number>();
    expect(few.size).toBe(0);
    expect(few.get("")).toBeUndefined();
    const keys = ["", "a", "", "b", "a", "c", "b", ""];
    keys.forEach((k, i) => {
      few.set(k, i);
      map.set(k, i);
      expect(few.size).toBe(map.size);
      for (const key of ["", "a", "b", "c", "d"]) expect(few.get(key)).toBe(map.get(key));
    });
  });
});

describe("EventRecorder keys", () => {
  it("keeps events of one object apart by source, and of one reason apart by type", () => {
    const { r } = recorder();
    r.record(pod("a"), "Normal", "Killing", "stop", kubelet);
    r.record(pod("a"), "Warning", "Killing", "stop", kubelet);
    r.record(pod("a"), "Normal", "Killing", "stop", { component: "kubelet", host: "node-2" });
    r.record({ ...pod("a"), name: "other" }, "Normal", "Killing", "stop", kubelet);
    r.record(pod("a"), "Normal", "Killing", "stop", kubelet);
    expect(r.list().map((e) => e.count)).toEqual([2, 1, 1, 1]);
  });
});
