import { describe, expect, it } from "vitest";
import { DENSE_LANE_BARS, mergeDenseBars } from "./dense-bars.ts";
import type { LaidOutBar } from "./layout.ts";

function bar(
  i: number,
  x: number,
  width: number,
  fill = "#2f9e5b",
  layer: LaidOutBar["layer"] = "state",
): LaidOutBar {
  return {
    key: `${i}`,
    id: `0.c0.s${i}`,
    layer,
    x,
    y: 0,
    width,
    height: 20,
    kind: "running",
    fill,
    textFill: "#fff",
    label: `bar ${i}`,
    showLabel: false,
    title: `bar ${i}: from here`,
  };
}

/** Wide bars enough to make a lane crowded (they come before the bars under test, at x < 0). */
function filler(): LaidOutBar[] {
  return Array.from({ length: DENSE_LANE_BARS }, (_, i) => bar(100 + i, -10_000 + i * 20, 10));
}

describe("mergeDenseBars", () => {
  it("leaves a lane of a few bars alone", () => {
    const bars = [bar(0, 0, 1), bar(1, 1, 1), bar(2, 2, 1)];
    expect(mergeDenseBars(bars)).toEqual(bars);
  });

  it("merges a run of narrow neighbours into one bar of the colour that covers most of it", () => {
    const bars = [
      ...filler(),
      bar(0, 0, 50),
      bar(1, 50, 2, "#aaa"),
      bar(2, 52, 1, "#bbb"),
      bar(3, 53, 2, "#aaa"),
      bar(4, 55, 40),
    ];
    const out = mergeDenseBars(bars).slice(DENSE_LANE_BARS);
    expect(out.map((b) => b.kind)).toEqual(["running", "dense", "running"]);
    const dense = out[1]!;
    expect(dense).toMatchObject({ x: 50, width: 5, fill: "#aaa", id: "0.c0.s1", label: "3 states" });
    expect(dense.title).toContain("bar 1: from here");
    expect(dense.title).toContain("bar 3: from here");
  });

  it("keeps a lone narrow bar, wide bars and overlays as they are", () => {
    const bars = [...filler(), bar(0, 0, 1), bar(1, 1, 40), bar(2, 41, 2), bar(3, 10, 1, "#f80", "overlay")];
    expect(mergeDenseBars(bars)).toEqual(bars);
  });

  it("does not merge narrow bars with a gap between them", () => {
    const bars = [...filler(), bar(0, 0, 1), bar(1, 10, 1)];
    expect(mergeDenseBars(bars)).toEqual(bars);
  });
});
