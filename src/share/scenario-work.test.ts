import { describe, expect, it } from "vitest";
import { readCompareSession, sameWork } from "./scenario-work.ts";

describe("a piece of work", () => {
  const b = { text: "b", titles: ["x", "y"] as [string, string], tab: "A" as const };

  it("is the same when both texts are, whatever tab is open", () => {
    expect(sameWork({ text: "a" }, { text: "a" })).toBe(true);
    expect(sameWork({ text: "a", compare: b }, { text: "a", compare: { ...b, tab: "B" } })).toBe(true);
    expect(sameWork({ text: "a", compare: b }, { text: "a" })).toBe(false);
    expect(sameWork({ text: "a", compare: b }, { text: "a", compare: { ...b, text: "c" } })).toBe(false);
  });

  it("reads a compare session from untrusted data, or nothing", () => {
    expect(readCompareSession({ text: "b", titles: ["x", "y"], tab: "B" })).toEqual({ ...b, tab: "B" });
    expect(readCompareSession({ text: "b", titles: ["x", "y"], tab: "C" })?.tab).toBe("A");
    expect(readCompareSession({ text: "b", titles: ["x".repeat(500), "y"] })?.titles[0]).toHaveLength(80);
    for (const bad of [
      null,
      "b",
      { text: 1, titles: ["x", "y"] },
      { text: "b", titles: ["x"] },
      { text: "b" },
    ])
      expect(readCompareSession(bad)).toBeUndefined();
  });
});
