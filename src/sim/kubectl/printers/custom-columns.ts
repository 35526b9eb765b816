/**
 * `-o custom-columns=HEADER:PATH,…` (cli-runtime's CustomColumnsPrinter): headers as given, one
 * row per object, several values joined by `,`, `<none>` when a path selects nothing, aligned by
 * the table tabwriter.
 */
import type { ApiObject } from "../api.ts";
import { valuesAt } from "../jsonpath.ts";
import { sortKeys } from "./json.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

/** Go's `fmt.Sprintf("%v", v)` for JSON values: `map[a:1 b:x]`, `[a b]`, bare strings. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(" ")}]`;
  }
  return String(v);
}

/** Prints objects with a custom-columns spec, or explains why the spec is invalid. */
export function customColumns(
  spec: string,
  objs: ApiObject[],
  noHeaders: boolean,
): { ok: true; text: string } | { ok: false; error: string } {
  if (spec === "")
    return { ok: false, error: "error: custom-columns format specified but no custom columns given" };
  const columns: { header: string; path: string }[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0 || part.indexOf(":", colon + 1) >= 0) {
      return {
        ok: false,
        error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    }
    columns.push({ header: part.slice(0, colon), path: part.slice(colon + 1) });
  }
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  for (const o of objs) {
    const data = sortKeys(o);
    const cells = columns.map((c) => {
      const values = valuesAt(c.path, data);
      if (values === undefined) return "<none>";
      return values.length === 0 ? "<none>" : values.map(goValue).join(",");
    });
    lines.push(cells.join("\t"));
  }
  return { ok: true, text: tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER) };
}
