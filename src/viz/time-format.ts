/**
 * Virtual-time formatting and axis steps, in the duration syntax the rest of Podlife reads
 * (`0s`, `30s`, `1m`, `1m30s`, `1500ms`, `2h`).
 */

/** Formats virtual milliseconds as a compact duration: `0s`, `500ms`, `1.5s`, `1m30s`, `1h5m`. */
export function formatVirtualTime(ms: number): string {
  if (ms < 0) return `-${formatVirtualTime(-ms)}`;
  if (ms === 0) return "0s";
  if (ms < 1000) return `${round(ms, 0)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  let out = "";
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s) out += `${round(s, 3)}s`;
  return out;
}

function round(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)));
}

/** Tick steps an axis may use, in ms. */
const TICK_STEPS_MS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

/** The smallest step from the list that puts at most `maxTicks` intervals on `spanMs`. */
export function tickStepMs(spanMs: number, maxTicks: number): number {
  const limit = Math.max(1, Math.floor(maxTicks));
  for (const step of TICK_STEPS_MS) if (spanMs / step <= limit) return step;
  return TICK_STEPS_MS[TICK_STEPS_MS.length - 1]!;
}

/** Tick positions from `startMs` to `endMs` (inclusive) at multiples of `stepMs`. */
export function ticks(startMs: number, endMs: number, stepMs: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(startMs / stepMs) * stepMs; t <= endMs + 1e-9; t += stepMs) out.push(t);
  return out;
}
