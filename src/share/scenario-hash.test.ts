import { describe, expect, it } from "vitest";
import { decodeScenarioHash, encodeScenarioHash } from "./scenario-hash.ts";

describe("scenario hash", () => {
  it("round-trips text, including non-ASCII", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: café，pod\n".repeat(20);
    const hash = encodeScenarioHash(text);
    expect(hash).toMatch(/^#v1\/[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(text.length);
    expect(decodeScenarioHash(hash)).toEqual({ kind: "scenario", text });
    expect(decodeScenarioHash(hash.slice(1))).toEqual({ kind: "scenario", text });
  });

  it("reports an empty hash, an unknown version and damage without throwing", () => {
    expect(decodeScenarioHash("")).toEqual({ kind: "none" });
    expect(decodeScenarioHash("#")).toEqual({ kind: "none" });
    expect(decodeScenarioHash("#v9/abc").kind).toBe("error");
    expect(decodeScenarioHash("#v1/!!!").kind).toBe("error");
    expect(decodeScenarioHash("#v1/AAAA").kind).toBe("error");
  });
});
