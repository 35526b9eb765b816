import { describe, expect, it } from "vitest";
import { encodeScenarioHash } from "../share/scenario-hash.ts";
import { readLaunch } from "./launch.ts";

describe("readLaunch", () => {
  it("opens the playground with the default scenario", () => {
    expect(readLaunch({ search: "", hash: "" }, "default")).toEqual({
      mode: "playground",
      text: "default",
      source: "default",
      view: {},
      embed: { embed: false, autoplay: false },
    });
  });

  it("opens the embed view with the scenario from the hash", () => {
    const hash = encodeScenarioHash("kind: Pod\n");
    expect(readLaunch({ search: "?embed=1", hash }, "default")).toEqual({
      mode: "embed",
      text: "kind: Pod\n",
      source: "hash",
      view: {},
      embed: { embed: true, autoplay: false },
    });
  });

  it("falls back to the default and says why when the hash is damaged", () => {
    const l = readLaunch({ search: "", hash: "#v1/%%%" }, "default");
    expect(l.text).toBe("default");
    expect(l.hashError).toMatch(/damaged/);
  });

  it("reads the view settings and the embed parameters from the query", () => {
    const l = readLaunch({ search: "?embed=1&t=30s&autoplay=1&lang=zh", hash: "" }, "default");
    expect(l.view).toEqual({ playheadMs: 30_000, lang: "zh" });
    expect(l.embed.autoplay).toBe(true);
  });

  it("opens a compare link with both variants and the open tab", () => {
    const compare = {
      text: "kind: Pod # B\n",
      titles: ["one", "two"] as [string, string],
      tab: "B" as const,
    };
    const l = readLaunch({ search: "", hash: encodeScenarioHash("kind: Pod\n", compare) }, "default");
    expect(l.text).toBe("kind: Pod\n");
    expect(l.compare).toEqual(compare);
  });
});
