import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyPlainTree, deepCopy, isPlainTree, samePlainData } from "./deep-copy.ts";

/**
 * Whether two copies have the same shape: prototypes, keys in order, primitives by `Object.is`,
 * and objects shared (or cyclic) in one exactly where they are in the other.
 */
function sameCopy(a: unknown, b: unknown, pairs = new Map<object, object>()): boolean {
  if (a === null || typeof a !== "object" || b === null || typeof b !== "object") return Object.is(a, b);
  const paired = pairs.get(a);
  if (paired !== undefined) return paired === b;
  if ([...pairs.values()].includes(b)) return false;
  pairs.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b))
    return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join("\u0000") !== kb.join("\u0000")) return false;
  return ka.every((k) =>
    sameCopy((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], pairs),
  );
}

const scalar = fc.constantFrom("a", "", "1", null, true, undefined, 0, -0, 1.5, Number.NaN, Infinity, 10n);
const key = fc.constantFrom("a", "b", "1", "0", "__proto__", "z");
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 3 }),
  object: fc
    .array(fc.tuple(key, tie("value")), { maxLength: 4 })
    .map((entries) => Object.fromEntries(entries)),
}));

describe("deepCopy", () => {
  it("makes the copy structuredClone makes", () => {
    fc.assert(
      fc.property(value, (v) => {
        const copy = deepCopy(v);
        expect(sameCopy(copy, structuredClone(v))).toBe(true);
        if (v !== null && typeof v === "object") expect(copy).not.toBe(v);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps shared parts shared and cycles cyclic", () => {
    const shared = { x: [1, 2] };
    const v: Record<string, unknown> = { a: shared, b: shared, list: [shared] };
    v.self = v;
    const copy = deepCopy(v);
    expect(sameCopy(copy, structuredClone(v))).toBe(true);
    expect(copy.a).toBe(copy.b);
    expect(copy.self).toBe(copy);
    expect(copy.a).not.toBe(shared);
  });

  it("leaves what is not plain data to structuredClone", () => {
    const when = new Date(0);
    const sparse = [1, 2, 3];
    delete sparse[1];
    const copy = deepCopy({ when, sparse, nothing: Object.create(null) as object });
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(when);
    expect(1 in copy.sparse).toBe(false);
    expect(Object.getPrototypeOf(copy.nothing)).toBe(Object.prototype);
    expect(() => deepCopy({ f: () => 1 })).toThrow();
  });

  it("copies an own __proto__ key as a key", () => {
    const v = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = deepCopy(v);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});

describe("copyPlainTree", () => {
  it("makes deepCopy's copy of every value isPlainTree accepts", () => {
    fc.assert(
      fc.property(value, (v) => {
        if (!isPlainTree(v)) return;
        const copy = copyPlainTree(v);
        expect(sameCopy(copy, deepCopy(v))).toBe(true);
        if (v !== null && typeof v === "object") expect(copy).not.toBe(v);
      }),
      { numRuns: 3000 },
    );
  });

  it("is not offered for shared parts, cycles or what is not plain data", () => {
    const shared = { x: 1 };
    expect(isPlainTree({ a: shared, b: { c: [shared] } })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isPlainTree(cyclic)).toBe(false);
    const sparse = [1, 2];
    delete sparse[0];
    expect(isPlainTree({ sparse })).toBe(false);
    expect(isPlainTree({ when: new Date(0) })).toBe(false);
    expect(isPlainTree({ f: () => 1 })).toBe(false);
    expect(isPlainTree({ a: { x: 1 }, b: { x: 1 }, n: null, u: undefined, list: [[1], "s"] })).toBe(true);
    const proto = JSON.parse('{"__proto__": {"p": true}}') as Record<string, unknown>;
    expect(Object.keys(copyPlainTree(proto))).toEqual(["__proto__"]);
  });
});

describe("samePlainData", () => {
  it("holds between a value and its copy, and fails where the copies' shapes differ", () => {
    fc.assert(
      fc.property(value, value, (v, w) => {
        expect(samePlainData(v, deepCopy(v))).toBe(true);
        expect(samePlainData(v, w)).toBe(sameCopy(treeCopy(v), treeCopy(w)));
        expect(samePlainData(v, treeCopy(v))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("tells key order, -0, holes and non-plain objects apart", () => {
    expect(samePlainData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(samePlainData({ a: 0 }, { a: -0 })).toBe(false);
    expect(samePlainData([Number.NaN], [Number.NaN])).toBe(true);
    expect(samePlainData([undefined], new Array(1))).toBe(false);
    expect(samePlainData({ a: undefined }, {})).toBe(false);
    expect(samePlainData(new Date(0), new Date(0))).toBe(false);
    expect(samePlainData([], {})).toBe(false);
  });
});

/** A copy with no part shared, so that `sameCopy` compares values only. */
function treeCopy(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(treeCopy);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = treeCopy((v as Record<string, unknown>)[k]);
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}
