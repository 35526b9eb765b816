import { describe, expect, it } from "vitest";
import { findLookalikes, findTabIndents, hintFor } from "./hints.ts";

describe("findLookalikes", () => {
  it("finds full-width commas in a flow list with their positions", () => {
    const text = 'command: ["/bin/sh"，"-c"，"/pre-stop.sh"]\n';
    const found = findLookalikes(text);
    expect(found.map((f) => [f.char, f.line, f.column])).toEqual([
      ["，", 1, 20],
      ["，", 1, 25],
    ]);
    expect(found[0]?.hint).toBe(
      "full-width comma '，' (U+FF0C) at line 1, column 20; use an ASCII comma ','",
    );
  });

  it("ignores comments, quoted strings and block scalars", () => {
    const text = [
      "a: 1  # 优雅退出，真的",
      'b: "你好，世界"',
      "c: '它’s fine'",
      "d: |",
      "  echo 你好，世界",
      "e： 2",
    ].join("\n");
    const found = findLookalikes(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ char: "：", line: 6, column: 2 });
    expect(found[0]?.hint).toContain(
      "full-width colon '：' (U+FF1A) at line 6, column 2; use an ASCII colon ':'",
    );
  });

  it("names curly quotes and ideographic commas", () => {
    const found = findLookalikes("args: [“a”、b]\n");
    expect(found.map((f) => f.char)).toEqual(["“", "”", "、"]);
    expect(found[0]?.hint).toContain("curly double quote");
    expect(found[2]?.hint).toContain("ideographic comma '、' (U+3001)");
  });
});

describe("findTabIndents", () => {
  it("reports tabs in indentation only", () => {
    expect(findTabIndents('a:\n\tb: 1\nc: "x\ty"\n  \td: 2\n')).toEqual([
      { line: 2, column: 1 },
      { line: 4, column: 3 },
    ]);
  });
});

describe("hintFor", () => {
  it("prefers a look-alike on the error line, then nearby lines, then tabs", () => {
    const lookalikes = findLookalikes("a: [1，2]\nb: 1\nc: 2\nd: 3\n");
    expect(hintFor(lookalikes, [], 1)).toContain("line 1, column 6");
    expect(hintFor(lookalikes, [], 3)).toContain("line 1, column 6");
    expect(hintFor(lookalikes, [], 4)).toBeUndefined();
    expect(hintFor([], [{ line: 4, column: 1 }], 4)).toContain(
      "tabs are not allowed in YAML indentation; use spaces",
    );
  });
});
