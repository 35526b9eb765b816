/**
 * Go's `text/tabwriter` (left-aligned, space padding), which both kubectl printers use: the table
 * printer (`minwidth 6, padding 3`) and `describe` (`minwidth 0, padding 2`). Cells are
 * tab-terminated; the text after a line's last tab is not part of any column. A column's width
 * is set per *block* of consecutive lines that have a cell in that column, so a line without tabs
 * (e.g. `Containers:` in describe) starts new alignment for what follows.
 */

/** Tabwriter settings. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** kubectl's `printers.GetNewTabWriter` settings for `get` tables. */
export const TABLE_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe's `tabbedString` settings. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Aligns tab-separated text as `tabwriter.Writer.Flush` would. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] as string[];
      let s = "";
      cells.forEach((c, j) => {
        s += c;
        if (j < widths.length) s += " ".repeat(Math.max(0, (widths[j] as number) - width(c)));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= (lines[t] as string[]).length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let w = opts.minwidth;
      for (; t < line1; t++) {
        const cells = lines[t] as string[];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column] as string) + opts.padding);
      }
      widths.push(w);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n");
}
