import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { layoutSwimlanes } from "../viz/layout.ts";
import { contentEndMs, moveSelection } from "./Swimlanes.tsx";

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
