import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { advancePlayhead, eventTimes, nextTime, parseTime, previousTime } from "./playback.ts";

describe("playback helpers", () => {
  it("collects distinct event and mark times in order", () => {
    const t = {
      ...SAMPLE_TIMELINE,
      events: [
        {
          atMs: 8,
          type: "Normal" as const,
          reason: "Scheduled",
          message: "",
          object: { kind: "Pod", name: "a", namespace: "default" },
          source: "default-scheduler",
        },
        {
          atMs: 5000,
          type: "Normal" as const,
          reason: "Started",
          message: "",
          object: { kind: "Pod", name: "a", namespace: "default" },
          source: "kubelet",
        },
      ],
    };
    expect(eventTimes(t)).toEqual([8, 5000, 100_000]);
  });

  it("steps to the next and previous time", () => {
    const times = [8, 5000, 100_000];
    expect(nextTime(times, 0)).toBe(8);
    expect(nextTime(times, 8)).toBe(5000);
    expect(nextTime(times, 100_000)).toBeUndefined();
    expect(previousTime(times, 5000)).toBe(8);
    expect(previousTime(times, 8)).toBeUndefined();
  });

  it.each([
    ["90s", 90_000],
    ["1m30s", 90_000],
    ["1500ms", 1500],
    ["2h", 7_200_000],
    ["1.5s", 1500],
    ["12", 12_000],
    [" 45s ", 45_000],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseTime(text)).toBe(ms);
  });

  it.each(["", "soon", "1x", "-5s", "s"])("rejects %j", (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe("advancing the playhead", () => {
  it("stops at the end of the run", () => {
    expect(advancePlayhead(900, 50, 1000)).toEqual({ ms: 950, playing: true });
    expect(advancePlayhead(990, 50, 1000)).toEqual({ ms: 1000, playing: false });
  });

  it("wraps inside a loop range, and enters it from outside", () => {
    const loop = { fromMs: 100, toMs: 200 };
    expect(advancePlayhead(150, 20, 1000, loop)).toEqual({ ms: 170, playing: true });
    expect(advancePlayhead(190, 30, 1000, loop)).toEqual({ ms: 120, playing: true });
    expect(advancePlayhead(0, 10, 1000, loop)).toEqual({ ms: 100, playing: true });
    expect(advancePlayhead(500, 10, 1000, loop).ms).toBeGreaterThanOrEqual(100);
  });

  it("clips a loop to the run", () => {
    expect(advancePlayhead(140, 20, 150, { fromMs: 100, toMs: 200 })).toEqual({ ms: 110, playing: true });
    expect(advancePlayhead(0, 10, 50, { fromMs: 100, toMs: 200 })).toEqual({ ms: 50, playing: false });
  });
});
