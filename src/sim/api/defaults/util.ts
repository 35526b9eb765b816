/** Small helpers for defaulting plain JSON objects in place. */

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** Whether `v` is a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Sets `obj[key] = value` when the field is absent (or null). */
export function setDefault(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** Sets `obj[key] = value` when the field is absent, null or Go's zero value (0, ""). */
export function setDefaultIfZero(obj: Obj, key: string, value: unknown): void {
  const v = obj[key];
  if (v === undefined || v === null || v === 0 || v === "") obj[key] = value;
}

/** The object at `obj[key]`, created empty when absent. */
export function child(obj: Obj, key: string): Obj {
  const v = obj[key];
  if (isObj(v)) return v;
  const created: Obj = {};
  obj[key] = created;
  return created;
}

/** The objects of the list at `obj[key]` (non-objects skipped). */
export function items(obj: Obj, key: string): Obj[] {
  const v = obj[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** A deep copy of JSON data without null-valued fields (null means "unset" in the Kubernetes API). */
export function cloneWithoutNulls<T>(value: T, key?: string): T {
  if (Array.isArray(value)) {
    // Why (Go JSON decoding): a null list item becomes the item type's zero value — "" in a
    // []string, an empty object in a list of structs — which validation then reports.
    const strings =
      (key !== undefined && STRING_LIST_FIELDS.has(key)) || value.some((v) => typeof v === "string");
    return value.map((v) =>
      v === null || v === undefined ? (strings ? "" : {}) : cloneWithoutNulls(v),
    ) as T;
  }
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value))
      if (v !== null && v !== undefined) out[k] = cloneWithoutNulls(v, k);
    return out as T;
  }
  return value;
}

/** API fields that are lists of strings (the rest of the lists Podlife reads hold objects). */
const STRING_LIST_FIELDS = new Set([
  "command",
  "args",
  "finalizers",
  "add",
  "drop",
  "nameservers",
  "searches",
  "hostnames",
  "values",
  "accessModes",
  "externalIPs",
  "ipFamilies",
  "loadBalancerSourceRanges",
  "topologyKeys",
]);

/**
 * A deep copy with object keys in alphabetical order, as the API server's JSON (and so
 * `kubectl get -o yaml|json`) shows them; list order is kept.
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v)) as T;
  if (isObj(value)) {
    const out: Obj = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeysDeep(value[k]);
    return out as T;
  }
  return value;
}
