/**
 * Semantic equality of API values without serialising them: `jsonEqual(a, b)` is
 * `canonicalJson(a) === canonicalJson(b)` (see `meta.ts`), computed by walking both values side by
 * side. The controllers compare statuses and pod templates on every sync; building, sorting and
 * stringifying copies of both sides for that was a measurable share of a large rollout.
 *
 * It follows `JSON.stringify` over `sortKeys` exactly for JSON data (what the YAML and JSON parsers
 * and the controllers produce): key order does not matter; an object key whose value is
 * `undefined` (or a function or symbol) is as good as absent; in an array such a value, like
 * `NaN` and `±Infinity` anywhere, is `null`; `-0` is `0`; an own `__proto__` key is dropped (the
 * copy `sortKeys` builds turns it into a prototype, which JSON does not print).
 */

/** Whether two values have the same canonical JSON (`canonicalJson(a) === canonicalJson(b)`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return valuesEqual(a, b, false);
}

/**
 * Whether two objects have the same canonical JSON once the key `skip` is left out of both (as
 * if deleted from copies). Both must be non-null, non-array objects.
 */
export function objectsEqualExcept(a: object, b: object, skip: string): boolean {
  return objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>, skip);
}

/** What a value prints as: absent, `null`, or itself. */
function normalise(v: unknown, inArray: boolean): unknown {
  switch (typeof v) {
    case "undefined":
    case "function":
    case "symbol":
      // Why (JSON.stringify): dropped from objects and at the top level, null inside arrays.
      return inArray ? null : undefined;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "bigint":
      // JSON.stringify throws on these; so does canonicalJson.
      throw new TypeError("Do not know how to serialize a BigInt");
    default:
      return v;
  }
}

function valuesEqual(x: unknown, y: unknown, inArray: boolean): boolean {
  const a = normalise(x, inArray);
  const b = normalise(y, inArray);
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const aArray = Array.isArray(a);
  if (aArray !== Array.isArray(b)) return false;
  if (aArray) return arraysEqual(a as unknown[], b as unknown[]);
  return objectsEqual(a as Record<string, unknown>, b as Record<string, unknown>, undefined);
}

function arraysEqual(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i], true)) return false;
  return true;
}

/** Whether an object key prints: a value that is not dropped, and not the `__proto__` key. */
function prints(obj: Record<string, unknown>, key: string): boolean {
  return key !== "__proto__" && normalise(obj[key], false) !== undefined;
}

function objectsEqual(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: string | undefined,
): boolean {
  let printed = 0;
  for (const key of Object.keys(a)) {
    if (key === skip || !prints(a, key)) continue;
    printed++;
    if (!Object.hasOwn(b, key) || !valuesEqual(a[key], b[key], false)) return false;
  }
  for (const key of Object.keys(b)) if (key !== skip && prints(b, key)) printed--;
  return printed === 0;
}
