import { describe, expect, it } from "vitest";
import type { Timeline, TimelineEvent } from "../sim/index.ts";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { describeEvents, humanDuration } from "./describe-events.ts";

const pod = (fieldPath?: string): TimelineEvent["object"] => ({
  kind: "Pod",
  name: "liveness-exec",
  namespace: "default",
  ...(fieldPath ? { fieldPath } : {}),
});

const unhealthy = (atMs: number): TimelineEvent => ({
  atMs,
  type: "Warning",
  reason: "Unhealthy",
  message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
  object: pod("spec.containers{liveness}"),
  source: "kubelet",
});

const timeline: Timeline = {
  ...SAMPLE_TIMELINE,
  events: [
    {
      atMs: 8,
      type: "Normal",
      reason: "Scheduled",
      message: "Successfully assigned",
      object: pod(),
      source: "default-scheduler",
    },
    unhealthy(35_000),
    unhealthy(40_000),
    unhealthy(45_000),
    {
      atMs: 45_000,
      type: "Normal",
      reason: "Killing",
      message: "Container liveness failed liveness probe, will be restarted",
      object: pod("spec.containers{liveness}"),
      source: "kubelet",
    },
    {
      atMs: 9_000,
      type: "Normal",
      reason: "Scheduled",
      message: "x",
      object: { kind: "Pod", name: "other", namespace: "default" },
      source: "default-scheduler",
    },
  ],
};

describe("describeEvents", () => {
  it("aggregates identical events with kubectl describe's age column", () => {
    const rows = describeEvents(timeline, 113_000, { podName: "liveness-exec" });
    expect(rows.map((r) => [r.type, r.reason, r.age, r.from])).toEqual([
      ["Normal", "Scheduled", "112s", "default-scheduler"],
      ["Warning", "Unhealthy", "68s (x3 over 78s)", "kubelet"],
      ["Normal", "Killing", "68s", "kubelet"],
    ]);
  });

  it("shows only what has happened by the playhead", () => {
    const rows = describeEvents(timeline, 40_000, { podName: "liveness-exec" });
    expect(rows.map((r) => r.age)).toEqual(["39s", "0s (x2 over 5s)"]);
  });

  it("filters to a container", () => {
    const rows = describeEvents(timeline, 60_000, { podName: "liveness-exec", containerName: "liveness" });
    expect(rows.map((r) => r.reason)).toEqual(["Unhealthy", "Killing"]);
    expect(describeEvents(timeline, 60_000, { podName: "liveness-exec", containerName: "nope" })).toEqual([]);
    expect(describeEvents(timeline, 60_000).length).toBe(4);
  });
});

describe("humanDuration (kubectl's ages)", () => {
  it.each([
    [0, "0s"],
    [119_999, "119s"],
    [120_000, "2m"],
    [125_000, "2m5s"],
    [600_000, "10m"],
    [3 * 3_600_000, "3h"],
    [3 * 3_600_000 + 60_000, "3h1m"],
    [10 * 3_600_000, "10h"],
    [50 * 3_600_000, "2d2h"],
  ])("%d ms is %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
