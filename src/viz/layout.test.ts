import { describe, expect, it } from "vitest";
import type { Timeline } from "../sim/timeline/types.ts";
import { layoutCompare } from "./compare.ts";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { laneOfItem, layoutSwimlanes } from "./layout.ts";

describe("layoutSwimlanes", () => {
  const laid = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });

  it("makes one group per pod and one lane per container, probe and pod property, top to bottom", () => {
    expect(laid.pods.map((p) => p.testId)).toEqual(["pod-first-demo"]);
    const lanes = laid.pods[0]!.lanes;
    expect(lanes.map((l) => l.testId)).toEqual([
      "lane-first-demo-install",
      "lane-first-demo-nginx",
      "probe-lane-first-demo-nginx-readiness",
      "pod-lane-first-demo-phase",
    ]);
    expect(lanes.map((l) => l.tag)).toEqual(["init", undefined, undefined, undefined]);
    for (let i = 1; i < lanes.length; i++)
      expect(lanes[i]!.y).toBeGreaterThanOrEqual(lanes[i - 1]!.y + lanes[i - 1]!.height);
    expect(laid.height).toBeGreaterThan(lanes.at(-1)!.y + lanes.at(-1)!.height);
  });

  it("maps virtual time linearly onto the plot", () => {
    const nginx = laid.pods[0]!.lanes[1]!;
    const plotWidth = laid.plotRight - laid.plotLeft;
    const running = nginx.bars.find((b) => b.label === "Running (ready)")!;
    expect(running.x).toBeCloseTo(laid.plotLeft + (20_000 / 120_000) * plotWidth, 0);
    expect(running.x + running.width).toBeCloseTo(laid.plotRight, 0);
    expect(nginx.marks[0]).toMatchObject({ kind: "SIGTERM" });
    expect(nginx.marks[0]!.x).toBeCloseTo(laid.plotLeft + (100_000 / 120_000) * plotWidth, 0);
  });

  it("colours bars by kind and readiness, and says why on hover", () => {
    const bars = laid.pods[0]!.lanes[1]!.bars;
    const notReady = bars.find((b) => b.label === "Running")!;
    const ready = bars.find((b) => b.label === "Running (ready)")!;
    expect(new Set(bars.map((b) => b.kind))).toEqual(new Set(["waiting", "pulling", "running"]));
    expect(notReady.fill).not.toBe(ready.fill);
    expect(ready.title).toContain("readiness <probe> & passed");
    expect(ready.title).toContain("20s → 2m");
  });

  it("labels the time axis in virtual time", () => {
    expect(laid.axis.ticks.map((t) => t.label)).toEqual([
      "0s",
      "15s",
      "30s",
      "45s",
      "1m",
      "1m15s",
      "1m30s",
      "1m45s",
      "2m",
    ]);
    expect(laid.axis.ticks[0]!.x).toBe(laid.plotLeft);
    expect(laid.axis.ticks.at(-1)!.x).toBe(laid.plotRight);
  });

  it("shows a label inside a bar only when it fits", () => {
    const narrow = layoutSwimlanes(SAMPLE_TIMELINE, { width: 300 });
    const ready = (l: typeof laid) => l.pods[0]!.lanes[1]!.bars.find((b) => b.label === "Running (ready)")!;
    expect(ready(narrow).showLabel).toBe(false);
    expect(ready(laid).showLabel).toBe(true);
  });

  it("clips to a time window and drops what falls outside it", () => {
    const w = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900, startMs: 10_000, endMs: 30_000 });
    const nginx = w.pods[0]!.lanes[1]!;
    expect(nginx.bars.map((b) => b.label)).toEqual(["Pulling nginx", "Running", "Running (ready)"]);
    expect(nginx.bars[0]!.x).toBe(w.plotLeft);
    expect(nginx.marks).toEqual([]);
    expect(w.axis.ticks[0]!.label).toBe("10s");
  });

  it("is pure: same input, same output", () => {
    expect(layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 })).toEqual(laid);
  });

  it("says so when there are no pods", () => {
    const empty: Timeline = { ...SAMPLE_TIMELINE, pods: [] };
    const l = layoutSwimlanes(empty, { width: 600 });
    expect(l.pods).toEqual([]);
    expect(l.emptyMessage).toMatch(/No pods/);
  });
});

describe("laneOfItem", () => {
  it("finds the lane of a bar, a mark and a probe tick, and of an item inside a compare variant", () => {
    const laid = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
    for (const lane of laid.pods[0]!.lanes)
      for (const item of [...lane.bars, ...lane.marks, ...lane.ticks])
        expect(laneOfItem(laid, item.id)).toEqual({ laneTestId: lane.testId });
    expect(laneOfItem(laid, "no-such-item")).toBeUndefined();

    const compared = layoutCompare(
      [
        { label: "A", title: "a", timeline: SAMPLE_TIMELINE },
        { label: "B", title: "b", timeline: SAMPLE_TIMELINE },
      ],
      { width: 900 },
    );
    const nginx = laid.pods[0]!.lanes.find((l) => l.testId === "lane-first-demo-nginx")!;
    expect(laneOfItem(compared, `B:${nginx.bars[0]!.id}`)).toEqual({
      laneTestId: "lane-first-demo-nginx",
      variant: "B",
    });
    expect(laneOfItem(compared, nginx.bars[0]!.id)).toBeUndefined();
  });
});
