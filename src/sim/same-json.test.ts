import { describe, expect, it } from "vitest";
import { SeededRandom } from "./random.ts";
import { sameJson } from "./same-json.ts";

const agree = (a: unknown, b: unknown) =>
  expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));

describe("sameJson", () => {
  it("compares key order, as the JSON text does", () => {
    expect(sameJson({ a: 1, b: 2 }, { a: 1, b: 2 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });

  it("leaves out undefined properties and writes them as null in arrays", () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ x: undefined, a: 1 }, { a: 1, y: () => 0 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson([undefined], [])).toBe(false);
    expect(sameJson(undefined, undefined)).toBe(true);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson(undefined, {})).toBe(false);
  });

  it("treats non-finite numbers as null and -0 as 0", () => {
    expect(sameJson({ n: Number.NaN }, { n: null })).toBe(true);
    expect(sameJson([Number.POSITIVE_INFINITY], [null])).toBe(true);
    expect(sameJson(-0, 0)).toBe(true);
    expect(sameJson(1, "1")).toBe(false);
  });

  it("tells arrays from objects and falls back to the text for other objects", () => {
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(new Date(5), "1970-01-01T00:00:00.005Z")).toBe(true);
    expect(sameJson({ j: { toJSON: () => undefined } }, {})).toBe(true);
    expect(sameJson({ t: new Date(5) }, { t: new Date(5) })).toBe(true);
    expect(sameJson({ m: new Map([[1, 2]]) }, { m: {} })).toBe(true);
    expect(sameJson({ j: { toJSON: () => 1 } }, { j: 1 })).toBe(true);
  });

  it("agrees with JSON.stringify on random pod-status-like values", () => {
    const random = new SeededRandom(42);
    const leaves = [null, undefined, 0, -0, 1, 2, "", "a", "Running", true, false, Number.NaN];
    const keys = ["a", "b", "c", "1", "0"];
    const gen = (depth: number): unknown => {
      const r = random.int(0, 9);
      if (depth > 3 || r < 5) return leaves[random.int(0, leaves.length - 1)];
      if (r < 7) return Array.from({ length: random.int(0, 3) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = random.int(0, 3); i > 0; i--) o[keys[random.int(0, keys.length - 1)]!] = gen(depth + 1);
      return o;
    };
    const mutate = (v: unknown): unknown => {
      // A near copy: usually equal, sometimes one leaf or key changed.
      if (typeof v !== "object" || v === null) return random.int(0, 9) === 0 ? gen(3) : v;
      if (Array.isArray(v)) return v.map(mutate);
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (random.int(0, 19) !== 0) o[k] = mutate(x);
      return o;
    };
    for (let i = 0; i < 3000; i++) {
      const a = gen(0);
      agree(a, mutate(a));
      agree(a, gen(0));
    }
  });
});
