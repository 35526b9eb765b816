/**
 * `sleep`: busybox accepts `1`, `0.5`, `1m`, `2h`, `1d` and sums several operands; GNU coreutils
 * the same plus `infinity` (busybox's strtod takes `inf` too). A sleep has no signal handlers, so
 * the kernel kills it on a terminating signal — except as PID 1, where it ignores them.
 */
import type { ProcessBody, Program } from "../kernel.ts";
import { blockingTool, type Tool, type ToolStyle } from "./tool.ts";

const UNIT_MS: Record<string, number> = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses one sleep operand into milliseconds; undefined when invalid. */
export function parseSleepDuration(arg: string): number | undefined {
  if (/^\+?inf(inity)?$/i.test(arg)) return Number.POSITIVE_INFINITY;
  const m = /^\+?(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
}

function* sleep(t: Tool, args: string[]): ProcessBody {
  const operands = args[0] === "--" ? args.slice(1) : args;
  if (operands.length === 0) {
    if (t.style === "busybox")
      t.ctx.stderr(
        "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n",
      );
    else t.ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of operands) {
    const ms = parseSleepDuration(a);
    if (ms === undefined) {
      t.error(t.style === "busybox" ? `invalid number '${a}'` : `invalid time interval '${a}'`);
      if (t.style === "gnu") t.ctx.stderr("Try 'sleep --help' for more information.\n");
      return 1;
    }
    total += ms;
  }
  if (total === Number.POSITIVE_INFINITY) {
    for (;;) yield { op: "pause" };
  }
  const until = t.ctx.now() + total;
  // A caught signal wakes a blocked call early; sleep keeps sleeping for what is left.
  while (t.ctx.now() < until) yield { op: "sleep", ms: until - t.ctx.now() };
  return 0;
}

/** `sleep` for a given message style. */
export const sleepTool = (style: ToolStyle): Program => blockingTool(style, sleep);
