/**
 * Virtual durations as they are written in links and embed parameters: `90s`, `1m30s`, `1500ms`,
 * `2h`, or a bare number of seconds. Parsing never throws; formatting gives the shortest form.
 */

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds for `text`, or undefined when it is not a duration (negative ones are not). */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(t)) return undefined;
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** The shortest text for a whole number of milliseconds: `0s`, `1m30s`, `1500ms`, `2h5s`. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest === 0) return "0s";
  if (rest % 1000 !== 0) return `${rest}ms`;
  let out = "";
  for (const [unit, size] of [
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
