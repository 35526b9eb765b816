import { describe, expect, it } from "vitest";
import { encodeScenarioHash } from "../share/scenario-hash.ts";
import { readLaunch } from "./launch.ts";

describe("readLaunch", () => {
  it("opens the playground with the default scenario", () => {
    expect(readLaunch({ search: "", hash: "" }, "default")).toEqual({
      mode: "playground",
      text: "default",
      source: "default",
    });
  });

  it("opens the embed view with the scenario from the hash", () => {
    const hash = encodeScenarioHash("kind: Pod\n");
    expect(readLaunch({ search: "?embed=1", hash }, "default")).toEqual({
      mode: "embed",
      text: "kind: Pod\n",
      source: "hash",
    });
  });

  it("falls back to the default and says why when the hash is damaged", () => {
    const l = readLaunch({ search: "", hash: "#v1/%%%" }, "default");
    expect(l.text).toBe("default");
    expect(l.hashError).toMatch(/damaged/);
  });
});
