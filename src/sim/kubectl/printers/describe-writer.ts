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

  /**
   * `aligned: false` writes straight to the buffer with the tabs left in, as
   * `describe.NewPrefixWriter(buf)` over a plain `bytes.Buffer` does (`rollout history --revision`).
   */
  constructor(private readonly aligned = true) {}

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
    this.sections.push(this.aligned ? tabwrite(this.current, DESCRIBE_TABWRITER) : this.current);
    this.current = "";
  }

  /** The aligned text. */
  toString(): string {
    this.flush();
    return this.sections.join("");
  }
}
