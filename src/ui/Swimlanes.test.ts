import { describe, expect, it } from "vitest";
import { layoutCompare } from "../viz/compare.ts";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { layoutSwimlanes } from "../viz/layout.ts";
import { ROLLOUT_TIMELINE } from "../viz/workload-fixtures.ts";
import { contentEndMs, itemGrid, moveSelection } from "./Swimlanes.tsx";

describe("swimlanes view helpers", () => {
  it("fits to a little after the last pod is gone, or to the whole run", () => {
    expect(contentEndMs(SAMPLE_TIMELINE)).toBe(120_000);
    const pod = SAMPLE_TIMELINE.pods[0]!;
    expect(contentEndMs({ ...SAMPLE_TIMELINE, pods: [{ ...pod, deletedMs: 42_000 }] })).toBe(50_000);
    expect(contentEndMs({ ...SAMPLE_TIMELINE, pods: [{ ...pod, deletedMs: 42_000 }, { ...pod }] })).toBe(
      120_000,
    );
  });

  it("moves the selection along a lane and across lanes", () => {
    const l = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
    const first = moveSelection(l, undefined, "ArrowRight")!;
    expect(first).toBe("0.c0.s0");
    expect(moveSelection(l, first, "ArrowRight")).toBe("0.c0.s1");
    expect(moveSelection(l, first, "ArrowLeft")).toBe(first);
    expect(moveSelection(l, first, "ArrowDown")).toMatch(/^0\.c1\./);
    expect(moveSelection(l, first, "ArrowUp")).toBe(first);
  });

  it("Home and End go to the first and last item of the lane", () => {
    const l = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
    const second = moveSelection(l, "0.c0.s0", "ArrowRight")!;
    const last = moveSelection(l, second, "End")!;
    expect(last).not.toBe(second);
    expect(moveSelection(l, last, "ArrowRight")).toBe(last);
    expect(moveSelection(l, last, "Home")).toBe("0.c0.s0");
  });
});

describe("keyboard selection over workloads and compare variants", () => {
  it("walks the Deployment section and the traffic lane before the pods", () => {
    const l = layoutSwimlanes(ROLLOUT_TIMELINE, { width: 900 });
    const rows = itemGrid(l);
    const workloadIds = new Set<string>();
    for (const d of l.workloads!.deployments) {
      for (const m of d.steps.marks) workloadIds.add(m.id);
      for (const r of d.rows) for (const b of r.bars) workloadIds.add(b.id);
    }
    for (const t of l.workloads!.traffic)
      for (const i of [...t.bars.items, ...t.failures.items]) workloadIds.add(i.id);
    expect(workloadIds.size).toBeGreaterThan(0);
    expect(workloadIds.has(rows[0]![0]!.id)).toBe(true);
    // Every workload item can be reached.
    expect(rows.flat().filter((i) => workloadIds.has(i.id))).toHaveLength(workloadIds.size);
  });

  it("walks variant A then variant B in compare mode, with prefixed ids", () => {
    const l = layoutCompare(
      [
        { label: "A", title: "a", timeline: SAMPLE_TIMELINE },
        { label: "B", title: "b", timeline: SAMPLE_TIMELINE },
      ],
      { width: 900 },
    );
    const first = moveSelection(l, undefined, "ArrowRight")!;
    expect(first).toMatch(/^A:/);
    let id = first;
    for (let i = 0; i < 50 && !id.startsWith("B:"); i++) id = moveSelection(l, id, "ArrowDown")!;
    expect(id).toMatch(/^B:/);
    expect(moveSelection(l, id, "ArrowUp")).toMatch(/^A:/);
  });
});
