import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { describeItem, itemId, podIndexOf } from "./items.ts";
import { itemTitles, layoutSwimlanes, timeToX, xToTime } from "./layout.ts";

describe("swimlane items", () => {
  it("describes a span with its why, time range and facts", () => {
    const d = describeItem(SAMPLE_TIMELINE, itemId.span(0, 1, 3))!;
    expect(d).toMatchObject({
      kind: "span",
      podName: "first-demo",
      containerName: "nginx",
      heading: "Running (ready)",
      startMs: 20_000,
      endMs: 120_000,
      why: "readiness <probe> & passed",
      facts: ["ready: true"],
    });
  });

  it("gives a probe attempt its own sentence, counted against the probe's threshold", async () => {
    const { readFileSync } = await import("node:fs");
    const { simulate } = await import("../sim/index.ts");
    const r = simulate(readFileSync(new URL("../ui/examples/liveness-exec.yaml", import.meta.url), "utf8"));
    if (!r.ok) throw new Error("liveness-exec does not load");
    const c = r.timeline.pods[0]!.containers[0]!;
    const liveness = c.probes.findIndex((p) => p.type === "liveness");
    const third = c.probes[liveness]!.attempts.findIndex((a) => a.result === "failure") + 2;
    const d = describeItem(r.timeline, itemId.probe(0, 0, liveness, third))!;
    expect(d.heading).toBe("liveness probe failure");
    expect(d.why).toMatch(
      /^Liveness probe: 3rd failure in a row \(failureThreshold 3\): the kubelet kills the container/,
    );
  });

  it("describes marks, probe attempts and pod-lane values, with a sentence even without a why", () => {
    expect(describeItem(SAMPLE_TIMELINE, itemId.mark(0, 1, 0))).toMatchObject({
      heading: "SIGTERM",
      startMs: 100_000,
    });
    const probe = describeItem(SAMPLE_TIMELINE, itemId.probe(0, 1, 0, 0))!;
    expect(probe.heading).toBe("readiness probe failure");
    expect(probe.why).toMatch(/endpoints/);
    expect(probe.facts).toContain("output: connection refused");
    const phase = describeItem(SAMPLE_TIMELINE, itemId.podLane(0, 0, 1))!;
    expect(phase).toMatchObject({ kind: "pod-lane", heading: "phase: Running", startMs: 12_000 });
  });

  it("returns undefined for ids that point at nothing", () => {
    expect(describeItem(SAMPLE_TIMELINE, "9.c0.s0")).toBeUndefined();
    expect(describeItem(SAMPLE_TIMELINE, "0.c0.s99")).toBeUndefined();
    expect(describeItem(SAMPLE_TIMELINE, "nonsense")).toBeUndefined();
    expect(podIndexOf("0.l1.2")).toBe(0);
    expect(podIndexOf("x")).toBeUndefined();
  });

  it("gives every drawn item an id that describeItem resolves, and a hover text", () => {
    const laid = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
    const titles = itemTitles(laid);
    expect(titles.size).toBe(3 + 1 + 4 + 1 + 2 + 2);
    for (const id of titles.keys()) expect(describeItem(SAMPLE_TIMELINE, id)).toBeDefined();
  });

  it("maps time to x and back", () => {
    const laid = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900, startMs: 10_000, endMs: 70_000 });
    expect(xToTime(laid, timeToX(laid, 40_000))).toBeCloseTo(40_000);
    expect(xToTime(laid, -50)).toBe(10_000);
    expect(xToTime(laid, 5000)).toBe(70_000);
  });
});

describe("layout of overlapping spans and dense marks", () => {
  const base = SAMPLE_TIMELINE.pods[0]!.containers[1]!;
  const timeline = {
    ...SAMPLE_TIMELINE,
    pods: [
      {
        ...SAMPLE_TIMELINE.pods[0]!,
        containers: [
          {
            ...base,
            spans: [
              { kind: "running" as const, startMs: 0, endMs: 100_000, label: "Running (ready)", ready: true },
              { kind: "preStop" as const, startMs: 60_000, endMs: 100_000, label: "preStop" },
              { kind: "grace" as const, startMs: 60_000, endMs: 90_000, label: "grace 30s" },
            ],
            marks: [
              { kind: "exit" as const, atMs: 90_000, label: "exit 137" },
              { kind: "SIGKILL" as const, atMs: 90_000, label: "SIGKILL" },
            ],
            probes: [
              {
                type: "liveness" as const,
                attempts: Array.from({ length: 10_000 }, (_, i) => ({
                  atMs: i * 10,
                  durationMs: 1,
                  result: i < 5000 ? ("success" as const) : ("failure" as const),
                  output: "",
                })),
              },
            ],
          },
        ],
      },
    ],
  };
  const laid = layoutSwimlanes(timeline, { width: 900 });
  const [lane, probes] = laid.pods[0]!.lanes;

  it("draws hooks along the top and the grace countdown along the bottom, over the state bar", () => {
    const [running, preStop, grace] = ["running", "preStop", "grace"].map(
      (k) => lane!.bars.find((b) => b.kind === k)!,
    );
    expect(running!.layer).toBe("state");
    expect(preStop!.layer).toBe("overlay");
    expect(grace!.layer).toBe("overlay");
    expect(preStop!.y).toBeLessThan(grace!.y);
    expect(grace!.y + grace!.height).toBeLessThanOrEqual(lane!.y + lane!.height);
    expect(lane!.bars.at(-1)!.layer).toBe("overlay");
  });

  it("puts SIGKILL on top of the exit it causes", () => {
    expect(lane!.marks.map((m) => m.kind)).toEqual(["exit", "SIGKILL"]);
  });

  it("merges probe attempts that share pixels, keeping results apart", () => {
    const ticks = probes!.ticks;
    expect(ticks.length).toBeLessThan(50);
    expect(ticks.reduce((n, t) => n + t.count, 0)).toBe(10_000);
    expect(new Set(ticks.map((t) => t.result))).toEqual(new Set(["success", "failure"]));
  });
});
