import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "./format.ts";
import { loadScenario } from "./load.ts";

function render(text: string): string {
  const result = loadScenario(text);
  const diags = result.ok ? result.scenario.diagnostics : result.diagnostics;
  return formatDiagnostics(diags, "pods.yaml", { source: text });
}

describe("formatDiagnostics", () => {
  it("prints a YAML error with its place, the line, a caret and the hint", () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n    command: ["/bin/sh"，"-c"]\n';
    expect(render(text)).toBe(
      [
        "error: pods.yaml: document 1, line 9, column 24: Missing , or : between flow sequence items",
        '  9 |     command: ["/bin/sh"，"-c"]',
        "                             ^",
        "  hint: full-width comma '，' (U+FF0C) at line 9, column 24; use an ASCII comma ','",
        "",
      ].join("\n"),
    );
  });

  it("prints one invalid object in kubectl's form", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: nginx\n";
    expect(render(text).split("\n")[0]).toBe(
      'error: pods.yaml: document 1, line 9, column 11: The Pod "x" is invalid: spec.containers[1].name: Duplicate value: "app"',
    );
  });

  it("groups several errors of one object", () => {
    const text =
      "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: app\n";
    const out = formatDiagnostics(
      (() => {
        const r = loadScenario(text);
        return r.ok ? r.scenario.diagnostics : r.diagnostics;
      })(),
      "pods.yaml",
    );
    expect(out).toBe(
      [
        'error: pods.yaml: document 1: The Pod "x" is invalid:',
        "* line 9, column 5: spec.containers[0].image: Required value",
        '* line 7, column 18: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        "",
      ].join("\n"),
    );
  });

  it("prints nothing for no diagnostics", () => {
    expect(formatDiagnostics([], "pods.yaml")).toBe("");
  });
});

describe("caret under wide characters", () => {
  it("counts CJK characters as two terminal columns", () => {
    // "中文: [" is 5 characters but 7 columns wide; the caret goes under "1" (column 6).
    const out = formatDiagnostics(
      [{ severity: "error", document: 1, line: 1, column: 6, message: "x", code: "yaml" }],
      "f.yaml",
      {
        source: "中文: [1，2]\n",
      },
    );
    expect(out.split("\n")[2]).toBe(`  ${" ".repeat("1 | ".length + 7)}^`);
  });
});
