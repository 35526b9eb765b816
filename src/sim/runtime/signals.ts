/** Linux signals as the simulator models them (x86-64 numbering). */
export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
} as const;

/** A signal name such as `SIGTERM`. */
export type Signal = keyof typeof SIGNALS;

/** Signals whose default action is to ignore them (everything else terminates the process). */
const IGNORED_BY_DEFAULT: ReadonlySet<Signal> = new Set(["SIGCHLD", "SIGWINCH", "SIGCONT"]);

/** True when the signal's default action terminates the process. */
export function terminatesByDefault(sig: Signal): boolean {
  return !IGNORED_BY_DEFAULT.has(sig);
}

/** Parses `TERM`, `SIGTERM`, `15` or `sigterm` into a signal name; undefined when unknown. */
export function parseSignal(text: string): Signal | undefined {
  const t = text.trim().toUpperCase();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return (Object.keys(SIGNALS) as Signal[]).find((s) => SIGNALS[s] === n);
  }
  const name = (t.startsWith("SIG") ? t : `SIG${t}`) as Signal;
  return name in SIGNALS ? name : undefined;
}

/** The signal number. */
export function signalNumber(sig: Signal): number {
  return SIGNALS[sig];
}
