/**
 * A shell's state: variables (and which are exported), positional parameters, functions, traps
 * and options. Subshells work on a copy.
 */
import type { Signal } from "../signals.ts";
import type { Command } from "./ast.ts";

/** A shell variable. */
export interface Variable {
  value: string;
  exported: boolean;
  readonly?: boolean;
}

/** What a trap is set on: a signal or the shell's exit. */
export type TrapCondition = Signal | "EXIT";

/** `set` options the interpreter honours. */
export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
}

/** Variables, parameters, functions, traps and options of one shell (or subshell). */
export class ShellState {
  vars = new Map<string, Variable>();
  positional: string[] = [];
  functions = new Map<string, Command>();
  /** Trap actions; an empty string ignores the signal. */
  traps = new Map<TrapCondition, string>();
  options: ShellOptions = { errexit: false, xtrace: false, nounset: false, noglob: false };
  lastStatus = 0;
  lastBackgroundPid?: number;
  cwd = "/";

  /** A copy for a subshell: traps with actions are reset, ignored signals stay ignored (POSIX). */
  forSubshell(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.positional = [...this.positional];
    s.functions = new Map(this.functions);
    for (const [k, v] of this.traps) if (v === "") s.traps.set(k, "");
    s.options = { ...this.options };
    s.lastStatus = this.lastStatus;
    if (this.lastBackgroundPid !== undefined) s.lastBackgroundPid = this.lastBackgroundPid;
    s.cwd = this.cwd;
    return s;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; false when it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    if (v) {
      v.value = value;
      if (exported) v.exported = true;
    } else this.vars.set(name, { value, exported: !!exported });
    return true;
  }

  /** The environment exported to child processes. */
  environment(extra: ReadonlyMap<string, string> = new Map()): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported) env.set(k, v.value);
    for (const [k, v] of extra) env.set(k, v);
    return env;
  }
}
