import { describe, expect, it } from "vitest";
import { DEFAULT_START_TIME_MS } from "../../scenario/types.ts";
import type { ProcessContext } from "../kernel.ts";
import { wallTimeMs } from "./wallclock.ts";

/** Just what `wallTimeMs` reads of a process. */
function process(env: Record<string, string>, nowMs: number, kernelEpochMs?: number): ProcessContext {
  const kernel = kernelEpochMs === undefined ? {} : { epochMs: kernelEpochMs };
  return { env: new Map(Object.entries(env)), now: () => nowMs, ns: { kernel } } as unknown as ProcessContext;
}

describe("wallTimeMs", () => {
  it("follows each process's PODLIFE_EPOCH_MS, however often it changes between calls", () => {
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "1000" }, 5))).toBe(1005);
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "1000" }, 6))).toBe(1006);
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "2000" }, 5))).toBe(2005);
    expect(wallTimeMs(process({}, 5))).toBe(DEFAULT_START_TIME_MS + 5);
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "soon" }, 5))).toBe(DEFAULT_START_TIME_MS + 5);
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "-1" }, 5))).toBe(DEFAULT_START_TIME_MS + 5);
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "1000" }, 7))).toBe(1007);
  });

  it("prefers the kernel's epoch when it publishes one", () => {
    expect(wallTimeMs(process({ PODLIFE_EPOCH_MS: "1000" }, 5, 50))).toBe(55);
  });
});
