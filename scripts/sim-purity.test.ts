// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are source text, not templates.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { blankNonCode, checkSimSource } from "./sim-purity.ts";

const SIM_ROOT = resolve(import.meta.dirname, "../src/sim");

function simSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return simSources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Checks a fixture as if it were src/sim/<name>. */
function check(src: string, name = "fixture.ts") {
  return checkSimSource(join(SIM_ROOT, name), src, SIM_ROOT).map((v) => `${v.line}: ${v.rule}`);
}

describe("src/sim purity", () => {
  it("every simulator source is pure", () => {
    const files = simSources(SIM_ROOT);
    expect(files.length).toBeGreaterThan(0);
    const violations = files.flatMap((f) => checkSimSource(f, readFileSync(f, "utf8"), SIM_ROOT));
    const report = violations.map((v) => `${v.file}:${v.line}: ${v.rule}\n    ${v.text}`).join("\n");
    expect(report).toBe("");
  });
});

describe("the purity check itself", () => {
  it("catches each forbidden thing", () => {
    const fixture = [
      'import { render } from "react-dom";', // 1
      'import * as d3 from "d3-selection";', // 2
      'import type { Editor } from "monaco-editor";', // 3
      'import { App } from "../ui/App.tsx";', // 4
      'const m = await import("../../secret.ts");', // 5
      "const r = Math.random();", // 6
      "const t = Date.now();", // 7
      "const d = new Date();", // 8
      "const p = performance.now();", // 9
      "setTimeout(() => {}, 10);", // 10
      "const h = setInterval(tick, 5);", // 11
      "const w = window.innerWidth;", // 12
      "document.title = 'x';", // 13
      "globalThis.setTimeout(f, 1);", // 14
    ].join("\n");
    expect(check(fixture)).toEqual([
      "1: imports a UI package: react-dom",
      "2: imports a UI package: d3-selection",
      "3: imports a UI package: monaco-editor",
      "4: imports from outside src/sim: ../ui/App.tsx",
      "5: imports from outside src/sim: ../../secret.ts",
      "6: Math.random (use the seeded random)",
      "7: Date.now (use the virtual clock)",
      "8: new Date() without arguments (wall clock)",
      "9: performance.* (wall clock)",
      "10: global timer call (use the virtual clock)",
      "11: global timer call (use the virtual clock)",
      "12: DOM global: window",
      "13: DOM global: document",
      "14: global timer call (use the virtual clock)",
    ]);
  });

  it("allows what the simulator legitimately does", () => {
    const fixture = `
      import { parseAllDocuments } from "yaml";
      import { setup } from "xstate";
      import type { Span } from "./timeline/types.ts";
      import { VirtualClock } from "../sim/clock.ts";
      /** Never uses Math.random or Date.now(); no setTimeout( here, nor window or document. */
      // new Date() would read the wall clock; performance.now() too.
      const msg = "setTimeout(x) and document.body and Math.random()";
      const tpl = \`window \${String(1)} document.cookie\`;
      const re = /setTimeout\\(|window\\./g;
      const start = Date.UTC(2025, 0, 1);
      const fixed = new Date(start);
      interface Diagnostic { document: number; window?: string }
      const diag = { document: 1, severity: "error" };
      class Clock {
        setTimeout = (fn: () => void, ms: number) => this.at(ms, fn);
        setInterval(fn: () => void, ms: number): number { return this.setTimeout(fn, ms); }
        private run() { this.setTimeout(() => {}, 0); clock.setTimeout(f, 1); k.clock?.setTimeout(f, 2); }
      }
      const perf = stats.performance.total;
      function f(document: string) { return document.length; }
    `;
    expect(check(fixture, "kubelet/fixture.ts")).toEqual([]);
  });

  it("reports the right line after multi-line comments and templates", () => {
    const fixture = "/*\n * a\n */\nconst s = `\n${1}\n`;\nconst r = Math.random();\n";
    expect(check(fixture)).toEqual(["7: Math.random (use the seeded random)"]);
  });

  it("blanks strings but keeps template expressions and line breaks", () => {
    const { code, strings } = blankNonCode('const a = "x";\nconst b = `y${z}w`;');
    expect(code).toBe('const a = " ";\nconst b = ` ${z} `;');
    expect(strings.map((s) => s.value)).toEqual(["x"]);
  });
});
