/**
 * The scenario in the URL's hash: `#v1/<base64url of the deflate-compressed UTF-8 text>`, or in
 * compare mode `#v2/<the same of a JSON object {"a": text, "b": {text, titles, tab}}>`. The
 * version tag comes first so later formats can be added while old links keep decoding; a single
 * scenario is still written as v1, so such links are the same as before v2 existed. This is the
 * one place that decodes a hash; it never throws.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { type CompareSession, readCompareSession, type ScenarioWork } from "./scenario-work.ts";

/** The format tag of a single scenario. */
const V1 = "v1/";
/** The format tag of a compare session (variants A and B). */
const V2 = "v2/";

/**
 * The largest scenario a link may hold, in bytes of UTF-8 after inflating. Real scenarios are a
 * few kilobytes; the limit stops a small "deflate bomb" in a link from hanging the page.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Compressed input is inflated this many bytes at a time, so no single step can blow up. */
const INFLATE_STEP_BYTES = 512;

/** Thrown (and caught below) when a payload inflates past {@link MAX_SCENARIO_BYTES}. */
class TooLargeError extends Error {}

/** The hash (with its `#`) that carries `text`, and variant B when `compare` is given. */
export function encodeScenarioHash(text: string, compare?: CompareSession): string {
  if (!compare) return `#${V1}${deflateToBase64Url(text)}`;
  const { text: b, titles, tab } = compare;
  return `#${V2}${deflateToBase64Url(JSON.stringify({ a: text, b: { text: b, titles, tab } }))}`;
}

/** The hash of a piece of work (v1 for a single scenario, v2 for a compare session). */
export function encodeWorkHash(work: ScenarioWork): string {
  return encodeScenarioHash(work.text, work.compare);
}

/**
 * What a hash held: nothing, a scenario (with variant B for a compare link), or an error saying
 * why it could not be read.
 */
export type DecodedHash =
  | { kind: "none" }
  | { kind: "scenario"; text: string; compare?: CompareSession }
  | { kind: "error"; message: string };

const DAMAGED = "The link's scenario is damaged and could not be read.";

/** Decodes a location hash (with or without its `#`). */
export function decodeScenarioHash(hash: string): DecodedHash {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h === "") return { kind: "none" };
  const version = h.startsWith(V1) ? V1 : h.startsWith(V2) ? V2 : undefined;
  if (!version)
    return { kind: "error", message: "The link's scenario is in a format this version does not know." };
  try {
    const payload = strFromU8(inflateBounded(fromBase64Url(h.slice(version.length))));
    if (version === V1) return { kind: "scenario", text: payload };
    const { a, b } = JSON.parse(payload) as { a?: unknown; b?: unknown };
    const compare = readCompareSession(b);
    if (typeof a !== "string" || !compare) return { kind: "error", message: DAMAGED };
    return { kind: "scenario", text: a, compare };
  } catch (e) {
    if (e instanceof TooLargeError)
      return {
        kind: "error",
        message: `The link's scenario is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MB and was not opened.`,
      };
    return { kind: "error", message: DAMAGED };
  }
}

/**
 * Inflates `data`, giving up as soon as the output passes {@link MAX_SCENARIO_BYTES}: the input is
 * fed in small steps, so at most one step's output (about a thousand times its size) is made
 * past the limit.
 */
function inflateBounded(data: Uint8Array): Uint8Array {
  if (data.length === 0) throw new Error("empty payload");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_SCENARIO_BYTES) throw new TooLargeError();
    chunks.push(chunk);
  });
  for (let i = 0; i < data.length; i += INFLATE_STEP_BYTES) {
    const end = Math.min(i + INFLATE_STEP_BYTES, data.length);
    inflate.push(data.subarray(i, end), end === data.length);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function deflateToBase64Url(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not base64url");
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
