import { describe, expect, it } from "vitest";
import { localHoverText } from "./hover-text.ts";

describe("localHoverText", () => {
  const details = {
    id: "0.c0.m1",
    kind: "mark" as const,
    podIndex: 0,
    podName: "web",
    heading: "已启动",
    startMs: 90_000,
    why: "web 的第 1 次重启。",
    facts: [],
  };
  it("gives the heading, time and why of the item", () => {
    expect(localHoverText("Started at 1m30s\nRestart #1 of web.", details)).toBe(
      "已启动\n1m30s\nweb 的第 1 次重启。",
    );
  });
  it("keeps how many items a merged mark stands for, and the English when there are no details", () => {
    expect(localHoverText("3 × Started, the last at 2m", details).split("\n")[0]).toBe("3 × 已启动");
    expect(localHoverText("Started at 1m30s", undefined)).toBe("Started at 1m30s");
  });
});
