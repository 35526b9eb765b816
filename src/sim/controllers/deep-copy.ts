/**
 * `structuredClone` for API objects, several times faster: the controllers copy a Deployment or a
 * ReplicaSet on every sync (upstream's `DeepCopy` of the informer's object), and `structuredClone`
 * serialises and deserialises each one. The copy is the one `structuredClone` makes: the same
 * keys in the same order, an object reached twice copied once (so shared parts stay shared, and
 * cycles are kept). Anything that is not plain data (a class instance, a function, an array with
 * holes or extra properties, a symbol) is left to `structuredClone` itself.
 */

/** Marks a value `deepCopy` does not copy itself. */
const UNPLAIN: unique symbol = Symbol("unplain");

/** A deep copy, exactly as `structuredClone(value)` makes it. */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return structuredClone(value);
  const copy = copyValue(value, new Map());
  return copy === UNPLAIN ? structuredClone(value) : (copy as T);
}

function copyValue(v: unknown, copies: Map<object, unknown>): unknown {
  if (typeof v === "function" || typeof v === "symbol") return UNPLAIN;
  if (v === null || typeof v !== "object") return v;
  const seen = copies.get(v);
  if (seen !== undefined) return seen;
  if (Array.isArray(v)) {
    // Holes and non-index properties are kept by structuredClone; leave those arrays to it.
    if (Object.getPrototypeOf(v) !== Array.prototype || Object.keys(v).length !== v.length) return UNPLAIN;
    const out: unknown[] = new Array(v.length);
    copies.set(v, out);
    for (let i = 0; i < v.length; i++) {
      const x = copyValue(v[i], copies);
      if (x === UNPLAIN) return UNPLAIN;
      out[i] = x;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return UNPLAIN;
  const out: Record<string, unknown> = {};
  copies.set(v, out);
  for (const key of Object.keys(v)) {
    const x = copyValue((v as Record<string, unknown>)[key], copies);
    if (x === UNPLAIN) return UNPLAIN;
    // An own `__proto__` key stays a key (assigning it would set the prototype).
    if (key === "__proto__")
      Object.defineProperty(out, key, { value: x, writable: true, enumerable: true, configurable: true });
    else out[key] = x;
  }
  return out;
}

/**
 * Whether two values are the same plain data: arrays (without holes) and plain objects with the
 * same keys in the same order, primitives equal by `Object.is`. False for anything else (class
 * instances, holes), so that a caller may take a result made from one as made from the other.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== "object" || b === null || typeof b !== "object") return Object.is(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (Object.getPrototypeOf(a) !== Array.prototype || Object.getPrototypeOf(b) !== Array.prototype)
      return false;
    for (let i = 0; i < a.length; i++) {
      if (!(i in a) || !(i in b) || !samePlainData(a[i], b[i])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const pa = Object.getPrototypeOf(a);
  const pb = Object.getPrototypeOf(b);
  if ((pa !== Object.prototype && pa !== null) || pa !== pb) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i]) return false;
    if (!samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
