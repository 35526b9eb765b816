/**
 * Wall-clock time for log lines. Virtual time 0 is the Scenario's start time; programs only see
 * virtual milliseconds, so the epoch comes from the kernel when it publishes one (`epochMs`), else
 * from the `PODLIFE_EPOCH_MS` variable the runtime puts in a container's environment, else the
 * Scenario default (2025-01-01T00:00:00Z).
 */

import { DEFAULT_START_TIME_MS } from "../../scenario/types.ts";
import type { ProcessContext } from "../kernel.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall-clock time (Unix epoch ms, UTC) of the process's "now". */
export function wallTimeMs(ctx: ProcessContext): number {
  // Why the cast: `Kernel` may grow an `epochMs` (the Scenario's start time); until it does, the
  // default start time is the epoch every scenario uses unless it sets its own.
  const epoch = (ctx.ns.kernel as { epochMs?: number }).epochMs;
  if (typeof epoch === "number") return epoch + ctx.now();
  return envEpochMs(ctx.env.get("PODLIFE_EPOCH_MS")) + ctx.now();
}

/** The `PODLIFE_EPOCH_MS` text last parsed, and the epoch it gave: every log line asks. */
let envEpochText: string | undefined;
let envEpoch = DEFAULT_START_TIME_MS;

/** The epoch a `PODLIFE_EPOCH_MS` value stands for (the default when it is missing or not a time). */
function envEpochMs(text: string | undefined): number {
  if (text !== envEpochText) {
    const fromEnv = Number(text);
    envEpoch = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_START_TIME_MS;
    envEpochText = text;
  }
  return envEpoch;
}

const p2 = (n: number): string => String(n).padStart(2, "0");
const p3 = (n: number): string => String(n).padStart(3, "0");

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    ms: p3(d.getUTCMilliseconds()),
    wd: d.getUTCDay(),
  };
}

/** nginx error-log time: `2025/01/01 00:00:01`. */
export function nginxTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** The second `clfTime` last formatted, and its text: access logs write many lines a second. */
let clfSecond = Number.NaN;
let clfText = "";
/** The minute `clfTime` last worked out, and its text up to the seconds (`01/Jan/2025:00:00:`). */
let clfMinute = Number.NaN;
let clfMinuteText = "";
/** `:00 +0000` … `:59 +0000`. */
const CLF_SECONDS = Array.from({ length: 60 }, (_, s) => `${p2(s)} +0000`);

/** Common Log Format time: `01/Jan/2025:00:00:01 +0000`. */
export function clfTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== clfSecond) {
    // Why by minute: probes caught up pod by pod revisit the same minutes, seconds apart.
    const minute = Math.floor(second / 60);
    if (minute !== clfMinute) {
      const t = parts(ms);
      clfMinuteText = `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.h}:${t.mi}:`;
      clfMinute = minute;
    }
    clfText = clfMinuteText + CLF_SECONDS[second - minute * 60];
    clfText.charCodeAt(0); // flatten once, not in every line that embeds it
    clfSecond = second;
  }
  return clfText;
}

/** Apache error-log time: `Wed Jan 01 00:00:01.123000 2025`. */
export function apacheTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms}000 ${t.y}`;
}

/** Redis log time: `01 Jan 2025 00:00:01.123`. */
export function redisTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${t.ms}`;
}

/** PostgreSQL log time: `2025-01-01 00:00:01.123 UTC`. */
export function postgresTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms} UTC`;
}

/** RFC 3339 with milliseconds: `2025-01-01T00:00:01.123Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
