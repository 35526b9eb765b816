import { describe, expect, it } from "vitest";
import { formatVirtualTime, tickStepMs, ticks } from "./time-format.ts";

describe("virtual time format", () => {
  it.each([
    [0, "0s"],
    [500, "500ms"],
    [1000, "1s"],
    [1500, "1.5s"],
    [30_000, "30s"],
    [60_000, "1m"],
    [90_000, "1m30s"],
    [120_000, "2m"],
    [3_600_000, "1h"],
    [3_690_000, "1h1m30s"],
    [-30_000, "-30s"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatVirtualTime(ms)).toBe(text);
  });

  it("chooses a step that fits the ticks", () => {
    expect(tickStepMs(300_000, 10)).toBe(30_000);
    expect(tickStepMs(300_000, 5)).toBe(60_000);
    expect(tickStepMs(10_000, 10)).toBe(1000);
  });

  it("lists ticks at multiples of the step", () => {
    expect(ticks(0, 120_000, 30_000).map(formatVirtualTime)).toEqual(["0s", "30s", "1m", "1m30s", "2m"]);
    expect(ticks(1000, 3500, 1000)).toEqual([1000, 2000, 3000]);
  });
});
