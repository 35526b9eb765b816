/**
 * The replay script format: one command a line as `<at> <command>`, where `<at>` is a virtual time
 * since the start (`90s`, `1m30s`, `1500ms`, `2h`) or `+<duration>` after the previous command
 * ended. Blank lines and lines starting with `#` are skipped.
 */
import { parseDuration } from "../sim/scenario/duration.ts";

/** One script line. */
export interface ScriptLine {
  /** The time as written. */
  at: string;
  /** Absolute time, or the delay after the previous command when `relative`. */
  ms: number;
  relative: boolean;
  command: string;
  line: number;
}

/** Parses a script; errors name the line. */
export function parseScript(text: string): { ok: true; lines: ScriptLine[] } | { ok: false; error: string } {
  const lines: ScriptLine[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]!.trim();
    if (!raw || raw.startsWith("#")) continue;
    const m = /^(\S+)\s+(.+)$/.exec(raw);
    if (!m)
      return {
        ok: false,
        error: `script line ${i + 1}: expected "<at> <command>", got ${JSON.stringify(raw)}`,
      };
    const at = m[1]!;
    const relative = at.startsWith("+");
    const ms = parseDuration(relative ? at.slice(1) : at);
    if (ms === undefined) {
      return {
        ok: false,
        error: `script line ${i + 1}: invalid time ${JSON.stringify(at)} (use e.g. 90s, 1m30s, 1500ms, 2h or +5s)`,
      };
    }
    lines.push({ at, ms, relative, command: m[2]!.trim(), line: i + 1 });
  }
  return { ok: true, lines };
}
