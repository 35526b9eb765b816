import { describe, expect, it } from "vitest";
import { SAMPLE_TIMELINE } from "./fixtures.ts";
import { layoutSwimlanes } from "./layout.ts";
import { escapeXml, renderSwimlanesToString } from "./render-string.ts";

/** Checks that every opened tag is closed in order (a cheap well-formedness test without a DOM). */
function tagsBalance(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe("renderSwimlanesToString", () => {
  const laid = layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 });
  const svg = renderSwimlanesToString(laid);

  it("produces a standalone, well-formed SVG document", () => {
    expect(
      svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" class="podlife-swimlanes" width="900"`),
    ).toBe(true);
    expect(svg).toContain(`viewBox="0 0 900 ${laid.height}"`);
    expect(svg).toContain("<style>");
    expect(tagsBalance(svg)).toBe(true);
  });

  it("draws the lanes with their test ids, labels, bars and axis", () => {
    for (const id of [
      "pod-first-demo",
      "lane-first-demo-install",
      "lane-first-demo-nginx",
      "probe-lane-first-demo-nginx-readiness",
    ]) {
      expect(svg).toContain(`data-testid="${id}"`);
    }
    expect(svg).toMatch(/<tspan>install<\/tspan>/);
    expect(svg).toMatch(/<tspan class="pl-tag" dx="6">init<\/tspan>/);
    expect(svg.match(/class="pl-bar"/g)?.length).toBe(3 + 4 + 2);
    expect(svg.match(/class="pl-probe"/g)?.length).toBe(2);
    expect(svg).toContain(">1m30s</text>");
  });

  it("escapes text and attribute values", () => {
    expect(svg).toContain("readiness &#60;probe&#62; &#38; passed");
    expect(svg).not.toContain("<probe>");
    expect(escapeXml(`a"b'c`)).toBe("a&#34;b&#39;c");
  });

  it("is deterministic", () => {
    expect(renderSwimlanesToString(layoutSwimlanes(SAMPLE_TIMELINE, { width: 900 }))).toBe(svg);
  });
});
