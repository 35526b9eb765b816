import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { eventTimes, nextTime, parseTime, previousTime } from "./playback.ts";

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
