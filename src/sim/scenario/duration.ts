/**
 * Durations as people type them in scenarios and replay scripts: Go's `time.ParseDuration` syntax
 * (`90s`, `1m30s`, `1500ms`, `2h`, `1.5s`), which is also what kubectl flags accept.
 */

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a duration (`90s`, `1m30s`, `1500ms`, `2h`, `0`) into whole milliseconds (rounded).
 * Returns undefined for anything else: negative values, a missing unit, unknown units.
 */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    pos = PART.lastIndex;
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/**
 * Formats milliseconds compactly, largest units first and zero parts left out:
 * `0s`, `500ms`, `1.5s`, `1m30s`, `1h`, `2h5m`, `1m1.25s`. `parseDuration` reads it back.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? "-" : "";
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return "0s";
  if (rest < 1000) return `${sign}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  let out = sign;
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (rest) {
    const whole = Math.floor(rest / 1000);
    const frac = rest % 1000;
    out += frac ? `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}s` : `${whole}s`;
  }
  return out;
}
