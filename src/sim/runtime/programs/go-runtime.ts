/**
 * How a Go program reacts to signals it did not `signal.Notify` (runtime/signal_unix.go): SIGQUIT
 * dumps goroutines and exits 2; SIGTERM/SIGINT/SIGHUP re-raise with the default action, which
 * kills an ordinary process (exit 128+n) — but a PID 1 survives that, so `dieFromSignal` falls
 * through to `exit(2)`. Hence a Go server as a container's PID 1 exits with code 2 on SIGTERM.
 * Also Go's formatting of durations and floats that some servers print.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import type { Signal } from "../signals.ts";
import { catchSignals } from "./syscalls.ts";

const FATAL_WHEN_INIT: readonly Signal[] = ["SIGTERM", "SIGINT", "SIGHUP"];

/**
 * Installs the Go runtime's handlers: `notified` are the signals the program handles itself.
 * Returns the signals the program must treat as fatal (`goFatalSignal`) when they arrive.
 */
export function installGoSignals(ctx: ProcessContext, notified: readonly Signal[] = []): Signal[] {
  const fatal: Signal[] = ["SIGQUIT"];
  if (ctx.pid === 1) fatal.push(...FATAL_WHEN_INIT.filter((s) => !notified.includes(s)));
  catchSignals(ctx, [...notified, ...fatal.filter((s) => !notified.includes(s))]);
  return fatal.filter((s) => !notified.includes(s));
}

/** What the Go runtime does for a fatal signal: the exit code (always 2), printing SIGQUIT's dump. */
export function goFatalSignal(ctx: ProcessContext, sig: Signal): number {
  if (sig === "SIGQUIT")
    ctx.stderr("SIGQUIT: quit\nPC=0x46e3e1 m=0 sigcode=0\n\ngoroutine 0 gp=0x0 m=0 mp=0x0 [idle]:\n");
  return 2;
}

/** Go's `time.Duration.String()` for a millisecond count (`1m5.5s`, `500ms`, `0s`). */
export function goDurationString(ms: number): string {
  if (ms === 0) return "0s";
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) return `${neg ? "-" : ""}${trim(rest)}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = `${trim(rest / 1000)}s`;
  return `${neg ? "-" : ""}${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${s}`;
}

function trim(n: number): string {
  return String(Math.round(n * 1e9) / 1e9);
}

/** Go's `%v` for a float64 (shortest round-trip form, which JavaScript's `String` also prints). */
export function goFloat(n: number): string {
  return String(n);
}

/** Go's standard `log` prefix: `2025/01/01 00:00:05 `. */
export function goLogPrefix(wallMs: number): string {
  const d = new Date(wallMs);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} `;
}

/**
 * Re-raises `sig` with its default action, as Go servers do after their own cleanup: an ordinary
 * process dies of it (exit 128+n); a PID 1 does not, and the caller's fallback code is returned.
 */
export function* reraise(ctx: ProcessContext, sig: Signal, fallbackCode: number): ProcessBody {
  ctx.setDisposition(sig, "default");
  ctx.kill(ctx.pid, sig);
  yield { op: "sleep", ms: 0 };
  return fallbackCode;
}
