import { describe, expect, it } from "vitest";
import { checkEmbedSize, EMBED_BUDGET_KB } from "./embed-size.mjs";

const report = (mainThreadJsGzip: number) => ({
  embed: { mainThreadJsGzip, simWorkerJsGzip: 1000, totalJsGzip: mainThreadJsGzip + 1000 },
});

describe("embed size check", () => {
  it("passes at the budget and fails one byte over", () => {
    expect(checkEmbedSize(report(EMBED_BUDGET_KB * 1024)).ok).toBe(true);
    const over = checkEmbedSize(report(EMBED_BUDGET_KB * 1024 + 1));
    expect(over.ok).toBe(false);
    expect(over.line).toMatch(/OVER/);
  });
  it("fails without figures", () => {
    expect(checkEmbedSize(undefined).ok).toBe(false);
    expect(checkEmbedSize({}).ok).toBe(false);
  });
});
