import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";
import { readEmbedParams, writeEmbedParams } from "./embed-params.ts";
import { languageOf, readViewParams, writeViewParams } from "./view-params.ts";

describe("durations in links", () => {
  it.each([
    ["90s", 90_000],
    ["1m30s", 90_000],
    ["1500ms", 1500],
    ["2h", 7_200_000],
    ["12", 12_000],
    ["1.5s", 1500],
  ])("%s is %d ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each([[""], ["-5s"], ["abc"], ["5x"], ["1e3"]])("%s is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    [0, "0s"],
    [90_000, "1m30s"],
    [1500, "1500ms"],
    [7_205_000, "2h5s"],
  ])("%d ms is written %s and reads back", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});

describe("view settings in the query", () => {
  it("leaves a plain link plain: defaults write nothing", () => {
    expect(writeViewParams("", {})).toBe("");
    expect(writeViewParams("", { speed: 10 })).toBe("");
    expect(readViewParams("")).toEqual({});
  });

  it("round-trips every setting", () => {
    const view = { playheadMs: 90_000, speed: 25, selectedId: "0.c1.s3", theme: "dark", lang: "zh" } as const;
    const q = writeViewParams("", view);
    expect(q).toBe("?t=1m30s&speed=25&sel=0.c1.s3&theme=dark&lang=zh");
    expect(readViewParams(q)).toEqual(view);
  });

  it("carries a selection inside a compare variant, and no other prefix", () => {
    const q = writeViewParams("", { selectedId: "B:0.c1.s3" });
    expect(q).toBe("?sel=B%3A0.c1.s3");
    expect(readViewParams(q)).toEqual({ selectedId: "B:0.c1.s3" });
    expect(readViewParams("?sel=C%3A0.c1")).toEqual({});
    expect(readViewParams("?sel=B%3A")).toEqual({});
  });

  it("keeps keys that are not its own, and replaces its own", () => {
    expect(writeViewParams("?embed=1&t=5s&speed=2", { speed: 50 })).toBe("?embed=1&speed=50");
  });

  it("ignores values that do not parse, never throwing", () => {
    expect(readViewParams("?t=soon&speed=3&sel=<img>&theme=pink&lang=fr")).toEqual({});
    expect(readViewParams("?speed=10")).toEqual({});
  });

  it.each([
    ["zh-CN", "zh"],
    ["zh-Hans-CN", "zh"],
    ["ZH", "zh"],
    ["en-GB", "en"],
    ["fr", undefined],
    [null, undefined],
  ])("language tag %s is %s", (tag, lang) => expect(languageOf(tag)).toBe(lang));
});

describe("embed parameters", () => {
  it.each([
    ["", false],
    ["?embed=1", true],
    ["?embed=true", true],
    ["?embed", true],
    ["?embed=0", false],
    ["?x=1&embed=1", true],
  ])("%s → embed %s", (search, embed) => {
    expect(readEmbedParams(search).embed).toBe(embed);
  });

  it("reads autoplay, loop, lanes and height", () => {
    expect(readEmbedParams("?embed=1&autoplay=1&loop=10s-1m&lanes=web,db/postgres&height=360")).toEqual({
      embed: true,
      autoplay: true,
      loop: { fromMs: 10_000, toMs: 60_000 },
      lanes: ["web", "db/postgres"],
      heightPx: 360,
    });
  });

  it("ignores a backwards loop, an absurd height and empty lanes", () => {
    expect(readEmbedParams("?embed=1&loop=1m-10s&height=5&lanes=,")).toEqual({
      embed: true,
      autoplay: false,
    });
    expect(readEmbedParams("?loop=abc&height=99999").loop).toBeUndefined();
  });

  it("round-trips through the writer, beside the view settings", () => {
    const p = {
      embed: true,
      autoplay: true,
      loop: { fromMs: 0, toMs: 30_000 },
      lanes: ["web/nginx"],
      heightPx: 400,
    };
    const q = writeEmbedParams(writeViewParams("", { playheadMs: 5000 }), p);
    expect(readEmbedParams(q)).toEqual(p);
    expect(readViewParams(q)).toEqual({ playheadMs: 5000 });
  });
});
