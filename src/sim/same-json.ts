/**
 * Whether two values serialize to the same JSON text, without building the texts. The pod
 * worker asks this of the old and the new pod status after every regeneration; two
 * `JSON.stringify` calls there were a large share of a rollout's time and garbage.
 */

/**
 * True exactly when `JSON.stringify(a) === JSON.stringify(b)`. Key order matters, as it does in
 * the text; `undefined`, functions and symbols are left out of objects and are `null` in arrays;
 * `NaN` and infinities are `null`. Anything that is not a plain object or array (a `Date`, a
 * `Map`, an object with `toJSON`) is compared by what its JSON text says.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return same(normal(a), normal(b));
}

/** A property JSON leaves out of an object (and writes as `null` in an array). */
const SKIPPED = Symbol("skipped");

/**
 * The value as JSON sees it: `null` for non-finite numbers, `SKIPPED` for what it drops, and for
 * an object that is not plain, the plain value its JSON text stands for.
 */
function normal(v: unknown): unknown {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : null;
    case "undefined":
    case "function":
    case "symbol":
      return SKIPPED;
    case "object": {
      if (v === null || plain(v)) return v;
      const text = JSON.stringify(v);
      return text === undefined ? SKIPPED : JSON.parse(text);
    }
    default:
      return v;
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (!same(inArray(normal(x[i])), inArray(normal(y[i])))) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    // Skip the properties JSON leaves out, on both sides, then compare the next written pair.
    let vx: unknown = SKIPPED;
    while (i < kx.length && (vx = normal(x[kx[i]!])) === SKIPPED) i++;
    let vy: unknown = SKIPPED;
    while (j < ky.length && (vy = normal(y[ky[j]!])) === SKIPPED) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    if (kx[i] !== ky[j] || !same(vx, vy)) return false;
    i++;
    j++;
  }
}

const inArray = (v: unknown): unknown => (v === SKIPPED ? null : v);

/** A plain object or array without `toJSON`: its JSON text is made of its own properties. */
function plain(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return typeof (o as { toJSON?: unknown }).toJSON !== "function";
}
