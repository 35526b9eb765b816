import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { describeItem } from "./items.ts";
import { itemTitles, layoutSwimlanes } from "./layout.ts";
import { renderSwimlanesToString } from "./render-string.ts";
import { ROLLOUT_TIMELINE } from "./workload-fixtures.ts";
import { stepWhy } from "./workload-items.ts";

const WIDTH = 1170; // 1000 px of plot for 120 s: 1 s = 8.33 px

describe("workload sections", () => {
  it("adds nothing for a timeline of bare pods", () => {
    const l = layoutSwimlanes(SAMPLE_TIMELINE, { width: WIDTH });
    expect(l.workloads).toBeUndefined();
    expect(l.pods[0]!.y).toBe(l.plotTop);
  });

  it("puts the Deployment and the traffic above the pods", () => {
    const l = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH });
    const w = l.workloads!;
    expect(w.deployments).toHaveLength(1);
    expect(w.traffic).toHaveLength(1);
    expect(w.deployments[0]!.y).toBeLessThan(w.traffic[0]!.y);
    expect(w.traffic[0]!.y + w.traffic[0]!.height).toBeLessThan(l.pods[0]!.y);
  });

  it("draws one row per ReplicaSet with ready pods solid and not-ready ones above", () => {
    const d = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH }).workloads!.deployments[0]!;
    expect(d.rows.map((r) => r.label)).toEqual(["rev 1 nginx:1.27", "rev 2 nginx:1.28"]);
    const [startUp, allReady] = d.rows[0]!.bars;
    expect(startUp).toMatchObject({ ready: 0, current: 2, readyHeight: 0, label: "0/2" });
    expect(startUp!.notReadyHeight).toBeGreaterThan(0);
    expect(allReady).toMatchObject({ ready: 2, current: 2, notReadyHeight: 0 });
    // 2 pods fill the row (the most any ReplicaSet had): 1 pod is half as tall.
    const half = d.rows[0]!.bars[2]!;
    expect(half.readyHeight).toBeCloseTo(allReady!.readyHeight / 2, 0);
    // Once scaled to 0 nothing is drawn, but the desired line stays.
    expect(d.rows[0]!.bars).toHaveLength(3);
    expect(d.rows[0]!.desiredPath).toMatch(/^M/);
  });

  it("marks each rollout step, up or down, and merges steps on the same pixels", () => {
    const d = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH }).workloads!.deployments[0]!;
    const marks = d.steps.marks;
    expect(marks.map((m) => [m.direction, m.count])).toEqual([
      ["up", 1],
      ["up", 1],
      ["down", 2],
      ["down", 1],
    ]);
    expect(marks[2]!.title).toContain("Scaled up replica set web-bbb from 1 to 2");
  });

  it("explains a step with the rule behind it", () => {
    const d = ROLLOUT_TIMELINE.deployments![0]!;
    expect(stepWhy(d, d.steps[0]!)).toMatch(/first ReplicaSet/);
    expect(stepWhy(d, d.steps[1]!)).toMatch(/new ReplicaSet, revision 2 \(nginx:1.28\).*maxSurge/);
    expect(stepWhy(d, d.steps[2]!)).toMatch(/old ReplicaSet.*maxUnavailable/);
  });

  it("draws requests per second with the failed ones on top, and one mark per failed request", () => {
    const t = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH }).workloads!.traffic[0]!;
    expect(t.summary).toBe("200 sent, 3 failed (1.5%)");
    const second35 = t.bars.items.find((b) => b.key === "35")!;
    expect(second35).toMatchObject({ ok: 0, failed: 3 });
    expect(second35.failedHeight).toBeGreaterThan(0);
    // Two failures 0.1 s apart are one mark; the one at 90 s is another.
    expect(t.failures.items.map((f) => f.count)).toEqual([2, 1]);
  });

  it("draws a bar per few seconds when zoomed out, keeping the worst second's failures", () => {
    const t = layoutSwimlanes(ROLLOUT_TIMELINE, { width: 400 }).workloads!.traffic[0]!;
    expect(t.bars.items.length).toBeLessThan(100);
    expect(Math.max(...t.bars.items.map((b) => b.failed))).toBe(3);
  });

  it("clips to the shown window", () => {
    const l = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH, startMs: 32_000, endMs: 38_000 });
    const w = l.workloads!;
    expect(w.deployments[0]!.steps.marks.every((m) => m.x >= l.plotLeft && m.x <= l.plotRight)).toBe(true);
    // Zoomed in, the two failures 0.1 s apart are two marks; the one at 90 s is out of view.
    expect(w.traffic[0]!.failures.items.map((f) => f.count)).toEqual([1, 1]);
    for (const row of w.deployments[0]!.rows)
      for (const b of row.bars) expect(b.x + b.width).toBeLessThanOrEqual(l.plotRight + 0.1);
  });

  it("describes each item: a step, replica counts, a second of traffic, a failed request and its pod", () => {
    const l = layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH });
    const titles = itemTitles(l);
    const ids = [...titles.keys()].filter((id) => /^[dt]/.test(id));
    for (const id of ids) expect(describeItem(ROLLOUT_TIMELINE, id), id).toBeDefined();
    expect(describeItem(ROLLOUT_TIMELINE, "d0.s1")).toMatchObject({
      kind: "step",
      where: "deployment/web",
      heading: "Scaled up replica set web-bbb from 0 to 1",
    });
    expect(describeItem(ROLLOUT_TIMELINE, "d0.r1.0")).toMatchObject({
      kind: "replicas",
      heading: "revision 2 (nginx:1.28): 0 of 1 ready",
      startMs: 30_000,
      endMs: 34_000,
    });
    expect(describeItem(ROLLOUT_TIMELINE, "t0.f0")).toMatchObject({
      kind: "failure",
      podName: "first-demo",
      podIndex: 0,
      why: expect.stringContaining("kube-proxy still routed"),
      facts: ["outcome: refused", "endpoint 10.244.0.5:80"],
    });
    expect(describeItem(ROLLOUT_TIMELINE, "t0.f9")).toBeUndefined();
    expect(describeItem(ROLLOUT_TIMELINE, "d3.s0")).toBeUndefined();
  });

  it("renders as standalone SVG with a legend and hover titles", () => {
    const svg = renderSwimlanesToString(layoutSwimlanes(ROLLOUT_TIMELINE, { width: WIDTH }));
    expect(svg).toContain('data-testid="deployment-web"');
    expect(svg).toContain('data-testid="traffic-web"');
    expect(svg).toContain(">requests ok<");
    expect(svg).toContain("<title>0s  Scaled up replica set web-aaa");
    expect(svg).toMatch(/<title>2 failed requests, 35.1s → 35.2s/);
  });
});
