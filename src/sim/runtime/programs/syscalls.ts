/**
 * Blocking helpers for server programs, built on the kernel's `sleep` and `pause` system calls.
 * A caught signal interrupts a blocking call; these helpers hand it back so a program can decide
 * what it means (shut down, reload, ignore) and keep its own deadlines.
 */
import type { ProcessContext, Syscall, SyscallResult } from "../kernel.ts";
import type { Signal } from "../signals.ts";

/** A generator helper that yields system calls and returns `T`. */
export type Blocking<T> = Generator<Syscall, T, SyscallResult>;

/** Sets `catch` for each signal. */
export function catchSignals(ctx: ProcessContext, signals: readonly Signal[]): void {
  for (const s of signals) ctx.setDisposition(s, "catch");
}

/** Blocks until a caught signal arrives and returns it. */
export function* nextSignal(): Blocking<Signal> {
  for (;;) {
    const r = yield { op: "pause" };
    if (r.kind === "signal") return r.signal;
  }
}

/**
 * Sleeps until the virtual time `deadlineMs`; returns early with the signal if a caught one
 * arrives (call again with the same deadline to keep sleeping).
 */
export function* sleepUntil(ctx: ProcessContext, deadlineMs: number): Blocking<Signal | undefined> {
  while (ctx.now() < deadlineMs) {
    const r = yield { op: "sleep", ms: deadlineMs - ctx.now() };
    if (r.kind === "signal") return r.signal;
  }
  return undefined;
}

/** Sleeps `ms` ignoring any caught signal (for steps a real server would not interrupt). */
export function* sleepThrough(ctx: ProcessContext, ms: number): Blocking<void> {
  const deadline = ctx.now() + ms;
  while ((yield* sleepUntil(ctx, deadline)) !== undefined) {
    // a signal arrived mid-step: the step still completes
  }
}
