import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples.ts";
import { exampleText } from "./example-text.ts";

describe("example texts", () => {
  it("are the examples' own in English", () => {
    for (const e of EXAMPLES) expect(exampleText(e, "en")).toEqual({ title: e.title, summary: e.summary });
  });
  it("are translated for every example in Chinese", () => {
    for (const e of EXAMPLES) {
      const zh = exampleText(e, "zh");
      expect(zh.summary.join("")).not.toBe(e.summary.join(""));
      expect(zh.summary.join("")).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
