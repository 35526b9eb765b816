import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  MARK_COLOR,
  PROBE_COLOR,
  podValueFill,
  SPAN_FILL,
  textOn,
  WORKLOAD_COLOR,
} from "./palette.ts";

describe("bar label colours", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });

  it("gives every fill of the palette a label colour with at least 4.5:1 contrast (WCAG AA)", () => {
    const fills = new Set([
      ...Object.values(SPAN_FILL),
      ...Object.values(MARK_COLOR),
      ...Object.values(PROBE_COLOR),
      ...Object.values(WORKLOAD_COLOR),
      ...["Running", "Pending", "True", "False", "terminating", "serving, terminating", "?"].map(
        podValueFill,
      ),
    ]);
    for (const fill of fills) expect(contrastRatio(fill, textOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
  });

  it("puts dark text on the running green, which white text read at only 3.4:1", () => {
    expect(contrastRatio(SPAN_FILL.running, "#ffffff")).toBeLessThan(3.5);
    expect(textOn(SPAN_FILL.running)).toBe("#111827");
    expect(textOn("#111827")).toBe("#ffffff");
  });
});
