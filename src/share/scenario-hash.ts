/**
 * The scenario in the URL's hash: `#v1/<base64url of the deflate-compressed UTF-8 text>`. The
 * version tag comes first so later formats can be added while old links keep decoding. This is
 * the one place that decodes a hash; it never throws.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/** The current format tag. */
const V1 = "v1/";

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
    return { kind: "scenario", text: strFromU8(inflateSync(fromBase64Url(h.slice(V1.length)))) };
  } catch {
    return { kind: "error", message: "The link's scenario is damaged and could not be read." };
  }
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
