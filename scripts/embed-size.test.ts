import { describe, expect, it } from "vitest";
import { checkEmbedSize, EMBED_BUDGET_KB, EMBED_TOTAL_CEILING_KB } from "./embed-size.mjs";

const report = (page: number, worker = 1000) => ({
  embed: { mainThreadJsGzip: page, simWorkerJsGzip: worker, totalJsGzip: page + worker },
});

describe("embed size check", () => {
  it("passes at the page budget and fails one byte over", () => {
    expect(checkEmbedSize(report(EMBED_BUDGET_KB * 1024)).ok).toBe(true);
    const over = checkEmbedSize(report(EMBED_BUDGET_KB * 1024 + 1));
    expect(over.ok).toBe(false);
    expect(over.line).toMatch(/budget 150 kB: OVER/);
  });
  it("fails when page and worker together pass the ceiling", () => {
    const page = 100 * 1024;
    expect(checkEmbedSize(report(page, EMBED_TOTAL_CEILING_KB * 1024 - page)).ok).toBe(true);
    const over = checkEmbedSize(report(page, EMBED_TOTAL_CEILING_KB * 1024 - page + 1));
    expect(over.ok).toBe(false);
    expect(over.line).toMatch(/ceiling \d+ kB: OVER/);
  });
  it("fails without figures", () => {
    expect(checkEmbedSize(undefined).ok).toBe(false);
    expect(checkEmbedSize({}).ok).toBe(false);
  });
});
