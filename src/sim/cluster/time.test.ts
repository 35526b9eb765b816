import { describe, expect, it } from "vitest";
import { apiMicroTime, apiTime } from "./time.ts";

/** The definitions, formatted from scratch every time. */
function apiTimeByDate(startTimeMs: number, virtualMs: number): string {
  return new Date(startTimeMs + Math.floor(virtualMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function apiMicroTimeByDate(startTimeMs: number, virtualMs: number): string {
  const whole = Math.floor(virtualMs);
  const micros = Math.round((virtualMs - whole) * 1000);
  const iso = new Date(startTimeMs + whole).toISOString();
  return `${iso.slice(0, 23)}${String(micros).padStart(3, "0")}Z`;
}

describe("API timestamps", () => {
  it("are what formatting each time from scratch gives, in any order of calls", () => {
    const starts = [
      0,
      Date.UTC(2025, 0, 1),
      Date.UTC(2025, 0, 1) + 123,
      -1,
      -1000,
      -1001,
      Date.UTC(-50, 0, 1),
      Date.UTC(12000, 0, 1) + 7,
    ];
    for (const start of starts) {
      for (let i = 0; i < 3000; i++) {
        const v = i % 3 === 0 ? i * 37.3 : i % 3 === 1 ? i * 1000 + 0.9996 : -i * 13.7;
        expect(apiTime(start, v)).toBe(apiTimeByDate(start, v));
        expect(apiMicroTime(start, v)).toBe(apiMicroTimeByDate(start, v));
      }
    }
    expect(apiTime(Date.UTC(2025, 0, 1), 5999)).toBe("2025-01-01T00:00:05Z");
    expect(apiMicroTime(Date.UTC(2025, 0, 1), 5123.25)).toBe("2025-01-01T00:00:05.123250Z");
    expect(() => apiTime(Number.NaN, 0)).toThrow(RangeError);
  });
});
