/**
 * kubectl's human-readable table printer (`printers.NewTablePrinter`): upper-case headers, cells
 * joined by tabs and aligned by the tabwriter (3 spaces between columns, each padded to its widest
 * cell), an optional leading NAMESPACE column (`-A`) and trailing LABELS column (`--show-labels`).
 */
import type { ApiObject } from "../api.ts";
import { TABLE_TABWRITER, tabwrite } from "./tabwriter.ts";

/** One row: its cells and the object it shows (for namespace and labels). */
export interface TableRow {
  cells: string[];
  object: ApiObject;
}

/** A server-side table: column names (as the API names them, e.g. `Last Seen`) and rows. */
export interface Table {
  columns: string[];
  rows: TableRow[];
}

/** How to print a table. */
export interface TablePrintOptions {
  withNamespace?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
}

/** `labels.FormatLabels`: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(",");
}

/** Renders a table as kubectl prints it (ends with a newline; empty string for no rows). */
export function printTable(table: Table, opts: TablePrintOptions = {}): string {
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const header = table.columns.map((c) => c.toUpperCase());
    if (opts.withNamespace) header.unshift("NAMESPACE");
    if (opts.showLabels) header.push("LABELS");
    lines.push(header.join("\t"));
  }
  for (const row of table.rows) {
    const cells = [...row.cells];
    if (opts.withNamespace) cells.unshift(row.object.metadata.namespace ?? "");
    if (opts.showLabels) cells.push(formatLabels(row.object.metadata.labels));
    lines.push(cells.join("\t"));
  }
  return tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER);
}
