import { describe, expect, it } from "vitest";
import { layoutCompare, playbackTimeline, splitVariantId } from "./compare.ts";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { itemTitles } from "./layout.ts";
import { renderSwimlanesToString } from "./render-string.ts";
import { ROLLOUT_TIMELINE } from "./workload-fixtures.ts";

const variants = [
  { label: "A", title: "no preStop", timeline: ROLLOUT_TIMELINE },
  { label: "B", title: "bare pod", timeline: { ...SAMPLE_TIMELINE, endMs: 60_000 } },
];

describe("compare layout", () => {
  it("stacks the variants on one time axis, the longest run's, each under a header with its failures", () => {
    const l = layoutCompare(variants, { width: 900 });
    expect(l.endMs).toBe(120_000);
    const [a, b] = l.variants!;
    expect(a!.header).toBe("A: no preStop — 3 failed requests");
    expect(b!.header).toBe("B: bare pod");
    expect(a!.layout.plotLeft).toBe(b!.layout.plotLeft);
    expect(a!.layout.endMs).toBe(b!.layout.endMs);
    // B starts below the bottom of A.
    expect(b!.dy + b!.layout.plotTop).toBeGreaterThan(a!.dy + a!.layout.plotBottom);
    expect(l.plotBottom).toBe(b!.dy + b!.layout.plotBottom);
    expect(l.height).toBeGreaterThan(l.plotBottom);
  });

  it("prefixes item ids with the variant's label", () => {
    const l = layoutCompare(variants, { width: 900 });
    const ids = [...itemTitles(l).keys()];
    expect(ids).toContain("A:t0.f0");
    expect(ids).toContain("B:0.c0.s0");
    expect(splitVariantId("B:0.c0.s0")).toEqual({ label: "B", id: "0.c0.s0" });
    expect(splitVariantId("0.c0.s0")).toEqual({ id: "0.c0.s0" });
    const svg = renderSwimlanesToString(l);
    expect(svg).toContain('data-testid="variant-A"');
    expect(svg).toContain('transform="translate(0,');
    expect(svg.match(/data-testid="time-axis"/g)).toHaveLength(1);
  });
});

describe("compare export", () => {
  it("draws both variants, headers included, into one standalone SVG the same way every time", async () => {
    const { standaloneCompareSvg, standaloneSvg, STANDALONE_WIDTH_PX } = await import("./standalone-svg.ts");
    const svg = standaloneCompareSvg(variants);
    expect(svg).toBe(standaloneCompareSvg(variants));
    expect(svg).toContain(`width="${STANDALONE_WIDTH_PX}"`);
    expect(svg).toContain("A: no preStop — 3 failed requests");
    expect(svg).toContain("B: bare pod");
    // Taller than either run drawn alone.
    const height = (s: string) => Number(/height="(\d+)"/.exec(s)?.[1]);
    expect(height(svg)).toBeGreaterThan(height(standaloneSvg(ROLLOUT_TIMELINE)));
  });
});

describe("compare playback", () => {
  it("moves over the longest variant's run, or the single run outside compare mode", () => {
    expect(playbackTimeline(SAMPLE_TIMELINE, undefined)).toBe(SAMPLE_TIMELINE);
    // variants: A is the 120 s rollout, B a 60 s run.
    expect(playbackTimeline(SAMPLE_TIMELINE, variants)).toBe(ROLLOUT_TIMELINE);
    const swapped = [variants[1]!, variants[0]!];
    expect(playbackTimeline(variants[1]!.timeline, swapped)).toBe(ROLLOUT_TIMELINE);
  });
});
