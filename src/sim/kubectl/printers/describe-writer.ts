/**
 * describe's output plumbing: `PrefixWriter` (indent levels of two spaces) over a tabwriter with
 * `minwidth 0, padding 2` (`tabbedString`). `flush()` ends an alignment section, as Go's
 * `w.Flush()` does before the Events table.
 */
import { DESCRIBE_TABWRITER, tabwrite } from "./tabwriter.ts";

/** Collects describe text and aligns it on `toString()`. */
export class PrefixWriter {
  private sections: string[] = [];
  private current = "";

  /** Writes text at an indent level (0 = none, 1 = two spaces, …). */
  write(level: number, text: string): void {
    this.current += "  ".repeat(level) + text;
  }

  /** Writes text and a newline with no indent. */
  writeLine(text: string): void {
    this.current += `${text}\n`;
  }

  /** Aligns what has been written so far on its own. */
  flush(): void {
    this.sections.push(tabwrite(this.current, DESCRIBE_TABWRITER));
    this.current = "";
  }

  /** The aligned text. */
  toString(): string {
    this.flush();
    return this.sections.join("");
  }
}
