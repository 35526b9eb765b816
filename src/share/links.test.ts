import { describe, expect, it } from "vitest";
import { readEmbedParams } from "./embed-params.ts";
import {
  embedHeightPx,
  embedLink,
  embedSnippet,
  fileStem,
  markdownSnippet,
  pageBase,
  playgroundLink,
} from "./links.ts";
import { decodeScenarioHash, encodeScenarioHash } from "./scenario-hash.ts";
import { readViewParams } from "./view-params.ts";

const TEXT = "kind: Pod\nmetadata: {name: web}\n";
const HASH = encodeScenarioHash(TEXT);

describe("links", () => {
  it("keep the host and base path of the page", () => {
    expect(pageBase("https://example.org/tools/podlife/?t=5s#v1/abc")).toBe(
      "https://example.org/tools/podlife/",
    );
    expect(pageBase("http://127.0.0.1:4173/index.html")).toBe("http://127.0.0.1:4173/index.html");
  });

  it("carry the scenario and the view in a playground link", () => {
    const url = new URL(playgroundLink("https://h/base/", HASH, { playheadMs: 30_000, speed: 25 }));
    expect(url.pathname).toBe("/base/");
    expect(readViewParams(url.search)).toEqual({ playheadMs: 30_000, speed: 25 });
    expect(decodeScenarioHash(url.hash)).toEqual({ kind: "scenario", text: TEXT });
    expect(playgroundLink("https://h/", HASH, {})).toMatch(/^https:\/\/h\/#v1\//);
  });

  it("carry the embed parameters in an embed link", () => {
    const url = new URL(embedLink("https://h/", HASH, { lang: "zh" }, { autoplay: true, heightPx: 400 }));
    expect(readEmbedParams(url.search)).toEqual({ embed: true, autoplay: true, heightPx: 400 });
    expect(readViewParams(url.search)).toEqual({ lang: "zh" });
  });
});

describe("snippets", () => {
  it("escape what comes from the scenario in the iframe code", () => {
    const s = embedSnippet('https://h/?embed=1&a="b"', {
      title: '<img src=x onerror="alert(1)">',
      heightPx: 400,
    });
    expect(s).not.toContain("<img");
    expect(s).toContain('src="https://h/?embed=1&#38;a=&#34;b&#34;"');
    expect(s).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    expect(s).toContain('height="400"');
  });

  it("write a Markdown image that links to the scenario", () => {
    expect(
      markdownSnippet({
        title: "Podlife: web [demo]",
        imageFile: "podlife-web.svg",
        link: "https://h/#v1/x",
      }),
    ).toBe("[![Podlife: web \\[demo\\]](podlife-web.svg)](https://h/#v1/x)");
  });

  it("size an embed to its lanes, within bounds", () => {
    expect(embedHeightPx(1, 1)).toBe(360);
    expect(embedHeightPx(2, 4)).toBeGreaterThan(embedHeightPx(1, 2));
    expect(embedHeightPx(50, 200)).toBe(720);
  });

  it("name files after the first pod, safely", () => {
    expect(fileStem("web-7d9f")).toBe("podlife-web-7d9f");
    expect(fileStem("<img src=x>")).toBe("podlife-img-src-x");
    expect(fileStem(undefined)).toBe("podlife");
  });
});
