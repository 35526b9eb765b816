import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PodTemplateSpec } from "../api/types.ts";
import { equalIgnoreHash } from "./deployment-util.ts";
import { jsonEqual, objectsEqualExcept } from "./json-equal.ts";
import { canonicalJson } from "./meta.ts";
import { POD_TEMPLATE_HASH_LABEL } from "./pod-template-hash.ts";

/** Values with the cases JSON treats specially: undefined, NaN, ±Infinity, -0, `__proto__` keys. */
const scalar = fc.oneof(
  fc.constantFrom("a", "b", "", "1", null, true, false, undefined, 0, -0, 1, 1.5, Number.NaN, Infinity),
  fc.integer({ min: -3, max: 3 }),
);
const key = fc.constantFrom("a", "b", "c", "labels", "metadata", "__proto__", POD_TEMPLATE_HASH_LABEL);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 3 }),
  // Object.fromEntries makes `__proto__` an own key, as JSON.parse does.
  object: fc
    .array(fc.tuple(key, tie("value")), { maxLength: 4 })
    .map((entries) => Object.fromEntries(entries)),
}));

/** A copy with every object's keys in reverse order: the same canonical JSON. */
function reordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reordered);
  if (v === null || typeof v !== "object") return v;
  const entries = Object.keys(v)
    .reverse()
    .map((k) => [k, reordered((v as Record<string, unknown>)[k])] as const);
  return Object.fromEntries(entries);
}

/** `equalIgnoreHash` as it was defined before it compared in place: stripped copies, serialised. */
function equalIgnoreHashByCopy(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = structuredClone(t ?? {}) as PodTemplateSpec;
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return canonicalJson(copy);
  };
  return strip(a) === strip(b);
}

describe("jsonEqual", () => {
  it("agrees with comparing canonical JSON, for unrelated values", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with comparing canonical JSON, for reordered and slightly changed copies", () => {
    fc.assert(
      fc.property(value, fc.option(fc.tuple(key, value)), (a, change) => {
        const b = reordered(a);
        if (change && b !== null && typeof b === "object" && !Array.isArray(b)) {
          (b as Record<string, unknown>)[change[0]] = change[1];
        }
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("treats absent, undefined and dropped keys alike, and NaN as null", () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ x: Number.NaN }, { x: null })).toBe(true);
    expect(jsonEqual({ x: -0 }, { x: 0 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: "1" })).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
  });

  it("leaves out the key it is told to skip", () => {
    expect(objectsEqualExcept({ a: 1, h: "x" }, { a: 1, h: "y" }, "h")).toBe(true);
    expect(objectsEqualExcept({ a: 1, h: "x" }, { a: 2, h: "x" }, "h")).toBe(false);
  });
});

describe("equalIgnoreHash", () => {
  const labels = fc.oneof(
    fc.constant(undefined),
    fc
      .array(
        fc.tuple(
          fc.constantFrom("app", "tier", POD_TEMPLATE_HASH_LABEL),
          fc.constantFrom("web", "x", undefined),
        ),
        {
          maxLength: 3,
        },
      )
      .map((entries) => Object.fromEntries(entries)),
    value,
  );
  const metadata = fc.oneof(
    fc.constant(undefined),
    fc.record({ labels, name: fc.constantFrom(undefined, "a") }, { requiredKeys: [] }),
    value,
  );
  const template = fc.oneof(
    fc.constant(undefined),
    fc.record({ metadata, spec: fc.constantFrom(undefined, { c: 1 }, { c: 2 }) }, { requiredKeys: [] }),
  ) as fc.Arbitrary<PodTemplateSpec | undefined>;

  it("agrees with comparing stripped copies", () => {
    fc.assert(
      fc.property(template, template, (a, b) => {
        expect(equalIgnoreHash(a, b)).toBe(equalIgnoreHashByCopy(a, b));
        expect(equalIgnoreHash(a, reordered(a) as PodTemplateSpec)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
