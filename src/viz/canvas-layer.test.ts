import { describe, expect, it } from "vitest";
import { canvasItemCount, itemAtPoint } from "./canvas-layer.ts";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { layoutSwimlanes } from "./layout.ts";

describe("the canvas layer's hit test and count", () => {
  const l = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
  const lanes = l.pods[0]!.lanes;
  const probe = lanes.find((x) => x.kind === "probe")!;

  it("counts the bars and ticks a layout draws", () => {
    const n = lanes.reduce((s, lane) => s + lane.bars.length + lane.ticks.length, 0);
    expect(canvasItemCount(l)).toBe(n);
    expect(probe.ticks.length).toBeGreaterThan(1);
  });

  it("finds the probe tick under a point, with a little slop, and nothing between ticks", () => {
    const mid = probe.y + probe.height / 2;
    for (const t of probe.ticks) {
      expect(itemAtPoint(l, t.x + t.width / 2, mid)).toBe(t.id);
      expect(itemAtPoint(l, t.x - 1, mid)).toBe(t.id);
    }
    const [a, b] = probe.ticks;
    expect(b!.x - (a!.x + a!.width)).toBeGreaterThan(8);
    expect(itemAtPoint(l, (a!.x + a!.width + b!.x) / 2, mid)).toBe(undefined);
    expect(itemAtPoint(l, 2, mid)).toBe(undefined);
  });

  it("finds bars, overlays before the state bars under them", () => {
    for (const lane of lanes)
      for (const bar of lane.bars) {
        const hit = itemAtPoint(l, bar.x + bar.width / 2, bar.y + bar.height / 2);
        if (bar.layer === "overlay") expect(hit).toBe(bar.id);
        else expect(hit).toBeDefined();
      }
    const state = lanes[1]!.bars.find((b) => b.layer === "state")!;
    expect(itemAtPoint(l, state.x + 1, state.y + state.height / 2)).toBe(state.id);
    expect(itemAtPoint(l, state.x + 1, l.plotTop - 10)).toBe(undefined);
  });
});
