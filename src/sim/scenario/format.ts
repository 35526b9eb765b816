/**
 * Renders diagnostics for a terminal, the way the CLI prints them: one `error:` (or `warning:`,
 * `info:`) line naming the file, document, line and column; validation errors of one object
 * grouped under kubectl's `The Pod "x" is invalid:` heading; a `hint:` line when there is one; and,
 * given the text, the offending line with a caret under the column. Never a stack trace.
 */
import type { Diagnostic } from "./types.ts";

/** Options of `formatDiagnostics`. */
export interface FormatOptions {
  /** The scenario text: when given, each located diagnostic shows its line with a caret. */
  source?: string;
}

/** `pods.yaml: document 2, line 7, column 5` (parts that are unknown are left out). */
export function formatLocation(d: Diagnostic, fileName: string): string {
  const parts: string[] = [];
  if (d.document > 0) parts.push(`document ${d.document}`);
  if (d.line !== undefined) parts.push(`line ${d.line}`);
  if (d.column !== undefined) parts.push(`column ${d.column}`);
  return parts.length ? `${fileName}: ${parts.join(", ")}` : fileName;
}

function excerpt(d: Diagnostic, lines: string[] | undefined, indent: string): string[] {
  if (!lines || d.line === undefined) return [];
  const text = lines[d.line - 1];
  if (text === undefined) return [];
  const gutter = `${d.line} | `;
  const before = d.column !== undefined ? text.slice(0, d.column - 1) : "";
  const caret =
    d.column !== undefined ? [`${indent}${" ".repeat(gutter.length + displayWidth(before))}^`] : [];
  return [`${indent}${gutter}${text.replace(/\t/g, " ")}`, ...caret];
}

/** Terminal columns taken by `s`: East Asian wide characters (CJK, full-width forms) take two. */
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s.replace(/\t/g, " ")) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Codes of API validation errors, which kubectl reports per object as `The Kind "name" is invalid`. */
const VALIDATION_CODES = new Set([
  "invalid",
  "required",
  "duplicate",
  "not-found",
  "unsupported-value",
  "forbidden",
  "too-long",
]);

/** Renders diagnostics in order; returns the text with a trailing newline (empty for none). */
export function formatDiagnostics(
  diags: readonly Diagnostic[],
  fileName: string,
  opts: FormatOptions = {},
): string {
  const lines = opts.source?.split(/\r\n|\n|\r/);
  const out: string[] = [];
  for (let i = 0; i < diags.length; i++) {
    const d = diags[i] as Diagnostic;
    if (d.object && d.severity === "error" && VALIDATION_CODES.has(d.code)) {
      // Group consecutive validation errors of the same object.
      const group = [d];
      while (i + 1 < diags.length) {
        const next = diags[i + 1] as Diagnostic;
        const same =
          next.object?.kind === d.object.kind &&
          next.object?.name === d.object.name &&
          next.document === d.document &&
          next.severity === "error" &&
          VALIDATION_CODES.has(next.code);
        if (!same) break;
        group.push(next);
        i++;
      }
      const heading = `The ${d.object.kind} "${d.object.name}" is invalid`;
      if (group.length === 1) {
        out.push(`error: ${formatLocation(d, fileName)}: ${heading}: ${d.message}`);
        out.push(...excerpt(d, lines, "  "));
        if (d.hint) out.push(`  hint: ${d.hint}`);
      } else {
        out.push(`error: ${fileName}: document ${d.document}: ${heading}:`);
        for (const g of group) {
          const where = g.line !== undefined ? `line ${g.line}, column ${g.column ?? 1}: ` : "";
          out.push(`* ${where}${g.message}`);
          out.push(...excerpt(g, lines, "    "));
          if (g.hint) out.push(`    hint: ${g.hint}`);
        }
      }
      continue;
    }
    out.push(`${d.severity}: ${formatLocation(d, fileName)}: ${d.message}`);
    out.push(...excerpt(d, lines, "  "));
    if (d.hint) out.push(`  hint: ${d.hint}`);
  }
  return out.length ? `${out.join("\n")}\n` : "";
}
