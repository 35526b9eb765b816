/**
 * The scenario in the URL's hash: `#v1/<base64url of the deflate-compressed UTF-8 text>`. The
 * version tag comes first so later formats can be added while old links keep decoding. This is
 * the one place that decodes a hash; it never throws.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";

/** The current format tag. */
const V1 = "v1/";

/**
 * The largest scenario a link may hold, in bytes of UTF-8 after inflating. Real scenarios are a
 * few kilobytes; the limit stops a small "deflate bomb" in a link from hanging the page.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Compressed input is inflated this many bytes at a time, so no single step can blow up. */
const INFLATE_STEP_BYTES = 512;

/** Thrown (and caught below) when a payload inflates past {@link MAX_SCENARIO_BYTES}. */
class TooLargeError extends Error {}

/** The hash (with its `#`) that carries `text`. */
export function encodeScenarioHash(text: string): string {
  return `#${V1}${toBase64Url(deflateSync(strToU8(text), { level: 9 }))}`;
}

/** What a hash held: nothing, a scenario text, or an error saying why it could not be read. */
export type DecodedHash =
  | { kind: "none" }
  | { kind: "scenario"; text: string }
  | { kind: "error"; message: string };

/** Decodes a location hash (with or without its `#`). */
export function decodeScenarioHash(hash: string): DecodedHash {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h === "") return { kind: "none" };
  if (!h.startsWith(V1))
    return { kind: "error", message: "The link's scenario is in a format this version does not know." };
  try {
    return { kind: "scenario", text: strFromU8(inflateBounded(fromBase64Url(h.slice(V1.length)))) };
  } catch (e) {
    if (e instanceof TooLargeError)
      return {
        kind: "error",
        message: `The link's scenario is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MB and was not opened.`,
      };
    return { kind: "error", message: "The link's scenario is damaged and could not be read." };
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
