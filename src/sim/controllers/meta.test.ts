import { describe, expect, it } from "vitest";
import { parseApiTime, parseTimestamp } from "./meta.ts";

describe("parseTimestamp", () => {
  it("gives Date.parse's answer, the first time and from memory", () => {
    for (const text of ["2025-01-01T00:02:03Z", "not a time", "", "2025-01-01T00:02:03Z", "not a time"]) {
      expect(parseTimestamp(text)).toEqual(Date.parse(text));
    }
  });

  it("still answers right after its memory is cleared for growing too large", () => {
    const base = Date.parse("2025-01-01T00:00:00Z");
    for (let i = 0; i < 12_000; i++) {
      const text = new Date(base + i * 1000).toISOString();
      expect(parseTimestamp(text)).toBe(base + i * 1000);
    }
    expect(parseTimestamp("2025-01-01T00:00:00Z")).toBe(base);
  });
});

describe("parseApiTime", () => {
  it("is virtual milliseconds since the start, undefined when absent or unreadable", () => {
    const start = Date.parse("2025-01-01T00:00:00Z");
    expect(parseApiTime("2025-01-01T00:00:05Z", start)).toBe(5000);
    expect(parseApiTime(undefined, start)).toBeUndefined();
    expect(parseApiTime("soon", start)).toBeUndefined();
  });
});
