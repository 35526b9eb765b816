/**
 * kubectl's `-o json`: Go's `json.MarshalIndent(obj, "", "    ")` of an unstructured object, so
 * map keys are sorted (byte order), `<`, `>`, `&`, U+2028 and U+2029 are escaped as `\u003c` …,
 * and the output ends with a newline.
 */
import type { ApiObject } from "../api.ts";

/** Deep copy with object keys in Go's sorted order. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Marshals like Go's encoding/json with 4-space indentation, plus a final newline. */
export function toKubectlJson(v: unknown): string {
  return toGoStructJson(sortKeys(v));
}

/**
 * `json.MarshalIndent` of a typed Go object (what kubectl's generators build): keys in the
 * struct's field order, which is the order the caller built `v` in.
 */
export function toGoStructJson(v: unknown): string {
  const text = JSON.stringify(v, null, 4)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `${text}\n`;
}

/** The `v1` `List` kubectl prints for several objects. */
export function asList(items: unknown[]): ApiObject {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } } as unknown as ApiObject;
}
