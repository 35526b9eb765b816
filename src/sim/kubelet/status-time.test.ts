import { describe, expect, it } from "vitest";
import { apiTime } from "../cluster/time.ts";
import { statusTime } from "./status-time.ts";

describe("statusTime", () => {
  it("formats as apiTime does, for any epoch and time, asked in any order and more than it keeps", () => {
    const epochs = [Date.UTC(2025, 0, 1), Date.UTC(2024, 1, 29, 23, 59, 59), 1_700_000_000_123];
    for (let round = 0; round < 2; round++) {
      for (const epoch of epochs) {
        for (let ms = -1500; ms < 5_000_000; ms += 997) {
          expect(statusTime(epoch, ms)).toBe(apiTime(epoch, ms));
        }
      }
    }
  });
});
