/**
 * Links that survive: every published link in `fixtures/links.json` must keep decoding to exactly
 * the text it was made from, and bad links must get a clear message rather than an exception.
 */
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import published from "./fixtures/links.json" with { type: "json" };
import {
  type DecodedHash,
  decodeScenarioHash,
  encodeScenarioHash,
  MAX_SCENARIO_BYTES,
} from "./scenario-hash.ts";
import type { CompareSession } from "./scenario-work.ts";

const DAMAGED = "The link's scenario is damaged and could not be read.";
const UNKNOWN_VERSION = "The link's scenario is in a format this version does not know.";
const TOO_LARGE = /larger than 1 MB/;

/** A published link; compare links (v2) also carry variant B. */
interface PublishedLink {
  id: string;
  hash: string;
  text: string;
  compare?: CompareSession;
}
const links = published.links as PublishedLink[];

function expected(link: PublishedLink): DecodedHash {
  return link.compare
    ? { kind: "scenario", text: link.text, compare: link.compare }
    : { kind: "scenario", text: link.text };
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

describe("published links", () => {
  it("has every format and text beyond ASCII", () => {
    expect(published.links.some((l) => l.hash.startsWith("#v1/"))).toBe(true);
    expect(published.links.some((l) => l.hash.startsWith("#v2/"))).toBe(true);
    expect(published.links.some((l) => l.text.includes("，") && /[\u4e00-\u9fff]/.test(l.text))).toBe(true);
  });

  it.each(links.map((l) => [l.id, l] as const))("%s decodes to exactly its text", (_id, link) => {
    // `toStrictEqual`: a v1 link must not grow a `compare` key, not even an undefined one.
    expect(decodeScenarioHash(link.hash)).toStrictEqual(expected(link));
  });

  it.each(links.map((l) => [l.id, l] as const))("%s round-trips through today's encoder", (_id, link) => {
    expect(decodeScenarioHash(encodeScenarioHash(link.text, link.compare))).toStrictEqual(expected(link));
  });

  it.each(links.filter((l) => !l.compare).map((l) => [l.id, l] as const))(
    "%s is still written as a v1 link",
    (_id, link) => {
      expect(encodeScenarioHash(link.text)).toBe(link.hash);
    },
  );
});

describe("bad links", () => {
  const good = published.links[1]!.hash;

  it.each([["#v0/abc"], [`#v3/${good.slice(4)}`], [`#V1/${good.slice(4)}`], ["#scenario=abc"]])(
    "an unknown version (%s) says so",
    (hash) => {
      expect(decodeScenarioHash(hash)).toEqual({ kind: "error", message: UNKNOWN_VERSION });
    },
  );

  it.each([
    ["truncated by half", good.slice(0, Math.floor(good.length / 2))],
    ["truncated by one character", good.slice(0, -1)],
    ["empty payload", "#v1/"],
    ["not base64url", `${good.slice(0, 20)}%20${good.slice(20)}`],
    [
      "a changed character",
      `${good.slice(0, 10)}${good[10] === "A" ? "B" : "A"}${good.slice(11)}`.slice(0, -3),
    ],
    ["not deflate at all", `#v1/${base64Url(strToU8("kind: Pod"))}`],
  ])("%s is reported as damaged", (_what, hash) => {
    expect(decodeScenarioHash(hash)).toEqual({ kind: "error", message: DAMAGED });
  });

  it.each([
    ["a v1 payload under the v2 tag", `#v2/${good.slice(4)}`],
    ["v2 JSON without variant B", `#v2/${base64Url(deflateSync(strToU8(JSON.stringify({ a: "x" }))))}`],
    [
      "v2 JSON with one title",
      `#v2/${base64Url(deflateSync(strToU8(JSON.stringify({ a: "x", b: { text: "y", titles: ["t"] } }))))}`,
    ],
    ["v2 JSON null", `#v2/${base64Url(deflateSync(strToU8("null")))}`],
  ])("%s is reported as damaged", (_what, hash) => {
    expect(decodeScenarioHash(hash)).toEqual({ kind: "error", message: DAMAGED });
  });

  it("a payload that inflates past the limit is rejected with a clear message", () => {
    // About 8 kB of link that would inflate to 8 MB; decoding stops soon after the first 1 MB.
    const bomb = `#v1/${base64Url(deflateSync(new Uint8Array(8 * 1024 * 1024).fill(97), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(16 * 1024);
    const decoded = decodeScenarioHash(bomb);
    expect(decoded.kind).toBe("error");
    expect(decoded.kind === "error" && decoded.message).toMatch(TOO_LARGE);
  });

  it("a scenario just under the limit still opens", () => {
    const text = "a".repeat(MAX_SCENARIO_BYTES);
    expect(decodeScenarioHash(encodeScenarioHash(text))).toEqual({ kind: "scenario", text });
    expect(decodeScenarioHash(encodeScenarioHash(`${text}b`)).kind).toBe("error");
  });
});
