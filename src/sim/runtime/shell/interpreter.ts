/**
 * The shell interpreter: evaluates the syntax tree as a POSIX shell does, as a kernel program.
 * External commands are child processes (`ctx.spawn` + `wait`), background jobs and asynchronous
 * subshells are forked processes, and `( … )`, `$( … )` and pipeline stages run as in-process
 * subshells on a copy of the state. Pipelines run their stages one after another, each stage's
 * output becoming the next one's input.
 *
 * Signals follow ash/dash: a trapped signal that arrives while the shell waits for a foreground
 * command is remembered and its trap runs once that command returns; the `wait` builtin is
 * interrupted at once. A CPU-bound script yields virtual CPU time every few hundred steps, so a
 * `while true; do :; done` burns time instead of hanging the simulation.
 */
import type { ExitStatus, ProcessContext, Syscall, SyscallResult } from "../kernel.ts";
import { type Signal, signalNumber } from "../signals.ts";
import { resolvePath } from "../vfs.ts";
import type {
  AndOr,
  CaseCommand,
  Command,
  ForCommand,
  LoopCommand,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
} from "./ast.ts";
import { BUILTINS, SPECIAL_BUILTINS } from "./builtins.ts";
import { ExitRequest, LoopControl, ReturnRequest } from "./control.ts";
import { Expander, type Gen, ShellFatal } from "./expand.ts";
import type { MessageSite, ShellFlavour } from "./flavour.ts";
import { withForkBody } from "./fork.ts";
import { devNull, InputStream, type Io, pipeSink } from "./io.ts";
import { ShellSyntaxError } from "./lexer.ts";
import { Parser, plainText } from "./parser.ts";
import { matchPattern } from "./pattern.ts";
import { resolveCommand } from "./resolve.ts";
import { ShellState } from "./state.ts";

/** Evaluation steps between CPU yields: a tight loop runs this many commands per virtual tick. */
export const STEPS_PER_TICK = 200;

/**
 * Virtual CPU time one tick costs, given how long the script has been CPU-bound without blocking.
 * A loop runs at 200 steps per virtual millisecond for its first 3 busy seconds (600 000 steps,
 * so loops that end take realistic time); a loop that still has not blocked is then charged ever
 * larger ticks, so an endless busy loop costs bounded real work per virtual minute.
 * Signals still interrupt a tick at once.
 */
export function cpuTickMs(busyMs: number): number {
  return busyMs < 3_000 ? 1 : busyMs < 30_000 ? 10 : busyMs < 120_000 ? 100 : 1000;
}
/** Virtual time it takes to fork and exec an external command. */
export const SPAWN_COST_MS = 1;

/** How the shell was started. */
export interface ShellOrigin {
  /** `$0` and the message prefix. */
  arg0: string;
  /** A script file or `sh -c '…' name` (changes ash's message prefix). */
  named: boolean;
  /** The shell's program id (forks run it again). */
  programId: string;
  /** `$$`: the pid of the top-level shell (subshells keep their parent's). */
  rootPid: number;
}

/** One shell process. */
export class Interpreter {
  state: ShellState;
  readonly expander: Expander;
  /** Signals caught while busy, whose traps run at the next command boundary. */
  readonly pendingSignals: Signal[] = [];
  /** Exit statuses of background jobs already reaped. */
  readonly reaped = new Map<number, number>();
  /** Current line, for messages and `$LINENO`. */
  line = 1;
  private steps = 0;
  /** Virtual CPU time burnt by ticks since the last blocking call. */
  private busyMs = 0;
  private subshellDepth = 0;
  private inTrap = false;
  private errexitSuppressed = 0;
  private cmdsubStatus: number | undefined;
  /** The io of the command being expanded (command substitutions write their errors there). */
  private contextIo: Io;
  /** Function-local variable frames (`local`): the values to restore on return. */
  readonly localFrames: Map<string, { value: string; exported: boolean } | undefined>[] = [];

  constructor(
    readonly ctx: ProcessContext,
    readonly flavour: ShellFlavour,
    readonly origin: ShellOrigin,
    readonly io: Io,
    state?: ShellState,
  ) {
    this.contextIo = io;
    this.state = state ?? Interpreter.initialState(ctx);
    const sh = this;
    this.expander = new Expander({
      fs: ctx.fs,
      get cwd() {
        return sh.state.cwd;
      },
      lookup: (name) => this.lookup(name),
      positional: () => this.state.positional,
      assign: (name, value) => {
        this.assign(name, value);
      },
      commandSubst: (body) => this.commandSubst(body),
      get nounset() {
        return sh.state.options.nounset;
      },
      get noglob() {
        return sh.state.options.noglob;
      },
      fatalStatus: flavour.fatalStatus,
    });
  }

  private static initialState(ctx: ProcessContext): ShellState {
    const s = new ShellState();
    for (const [k, v] of ctx.env) s.vars.set(k, { value: v, exported: true });
    s.cwd = ctx.cwd;
    if (!s.vars.has("PATH")) s.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    s.set("PWD", ctx.cwd, true);
    s.set("PPID", String(ctx.ppid));
    s.set("IFS", " \t\n");
    s.set("PS4", "+ ");
    return s;
  }

  /** Where a message comes from right now. */
  site(): MessageSite {
    return { arg0: this.state.get("0") ?? this.origin.arg0, line: this.line, named: this.origin.named };
  }

  /** Prints a diagnostic with the flavour's prefix. */
  message(io: Io, text: string): void {
    io.err(`${this.flavour.prefix(this.site())}${text}\n`);
  }

  /** A variable or special parameter. */
  lookup(name: string): string | undefined {
    const s = this.state;
    switch (name) {
      case "?":
        return String(s.lastStatus);
      case "$":
        return String(this.origin.rootPid);
      case "!":
        return s.lastBackgroundPid === undefined ? undefined : String(s.lastBackgroundPid);
      case "#":
        return String(s.positional.length);
      case "-":
        return optionFlags(s);
      case "0":
        return this.origin.arg0;
      case "@":
      case "*":
        return s.positional.join(" ");
      case "LINENO":
        return String(this.line);
      case "RANDOM":
        return this.flavour.name === "bash" ? String(this.ctx.random.int(0, 32767)) : s.get(name);
    }
    if (/^\d+$/.test(name)) return s.positional[Number(name) - 1];
    return s.get(name);
  }

  /** Assigns a variable; prints an error and fails for read-only ones. */
  assign(name: string, value: string, exported?: boolean): boolean {
    if (this.state.set(name, value, exported)) return true;
    throw new ShellFatal(`${name}: is read only`, this.flavour.fatalStatus);
  }

  // ---------------------------------------------------------------------------------------------
  // Entry points

  /** Runs a script as the shell's main program: line by line, then the EXIT trap. */
  *main(source: string): Gen<number> {
    let status = 0;
    try {
      const parser = new Parser(source);
      for (;;) {
        let script: Script | undefined;
        try {
          script = parser.nextCommandLine();
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          this.io.err(`${this.flavour.syntaxError(this.site(), e)}\n`);
          status = 2;
          break;
        }
        if (!script) break;
        status = yield* this.runList(script, this.io);
      }
    } catch (e) {
      status = this.exitStatusOf(e);
    }
    return yield* this.finish(status);
  }

  /** Runs a forked child's work (background job, asynchronous subshell). */
  *forked(work: (sh: Interpreter) => Gen<number>): Gen<number> {
    this.applyDispositions();
    // Why: POSIX — a non-interactive shell's asynchronous lists ignore SIGINT and SIGQUIT.
    this.ctx.setDisposition("SIGINT", "ignore");
    this.ctx.setDisposition("SIGQUIT", "ignore");
    let status: number;
    try {
      status = yield* work(this);
    } catch (e) {
      status = this.exitStatusOf(e);
    }
    return yield* this.finish(status);
  }

  private exitStatusOf(e: unknown): number {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof ShellFatal) {
      this.message(this.io, e.message);
      return e.status;
    }
    if (e instanceof ReturnRequest) return e.status;
    if (e instanceof LoopControl) return 0;
    throw e;
  }

  /** Runs the EXIT trap (once) and returns the final status. */
  private *finish(status: number): Gen<number> {
    const action = this.state.traps.get("EXIT");
    if (action) {
      this.state.traps.delete("EXIT");
      this.state.lastStatus = status;
      try {
        yield* this.runTrapAction(action);
      } catch (e) {
        status = this.exitStatusOf(e);
      }
    }
    return status;
  }

  // ---------------------------------------------------------------------------------------------
  // System calls, CPU budget, signals and traps

  /** Makes a blocking call; caught signals are queued for their traps. */
  *sys(call: Syscall): Gen<SyscallResult> {
    const r = yield call;
    this.steps = 0;
    this.busyMs = 0;
    if (r.kind === "signal") this.pendingSignals.push(r.signal);
    return r;
  }

  /** Counts one evaluation step; every few hundred steps burns a tick of virtual CPU. */
  *tick(): Gen<void> {
    if (++this.steps < STEPS_PER_TICK) return;
    const busy = this.busyMs;
    const ms = cpuTickMs(busy);
    yield* this.sys({ op: "cpu", ms });
    this.busyMs = busy + ms;
  }

  /** Waits for a foreground child; trapped signals meanwhile are queued, not acted on. */
  *waitForeground(pid: number): Gen<number> {
    for (;;) {
      const r = yield* this.sys({ op: "wait", pid });
      if (r.kind === "exited") return r.status.code;
      if (r.kind === "nochild") return this.reaped.get(pid) ?? 127;
    }
  }

  /**
   * Waits for a background job as the `wait` builtin does: a trapped signal interrupts the wait
   * with 128 + its number (the job keeps running).
   */
  *waitJob(pid: number): Gen<{ status: number } | { interrupted: Signal } | { unknown: true }> {
    for (;;) {
      const r = yield* this.sys({ op: "wait", pid });
      if (r.kind === "exited") {
        this.reaped.set(r.pid, r.status.code);
        return { status: r.status.code };
      }
      if (r.kind === "nochild") {
        const known = this.reaped.get(pid);
        return known === undefined ? { unknown: true } : { status: known };
      }
      if (r.kind === "signal" && this.state.traps.get(r.signal)) return { interrupted: r.signal };
    }
  }

  /** Runs the traps of signals that arrived, at a command boundary. */
  *runPendingTraps(): Gen<void> {
    if (this.subshellDepth > 0 || this.inTrap) return;
    while (this.pendingSignals.length > 0) {
      const sig = this.pendingSignals.shift()!;
      const action = this.state.traps.get(sig);
      if (!action) continue;
      const saved = this.state.lastStatus;
      yield* this.runTrapAction(action);
      this.state.lastStatus = saved;
    }
  }

  private *runTrapAction(action: string): Gen<void> {
    this.inTrap = true;
    try {
      yield* this.evalString(action, this.io);
    } finally {
      this.inTrap = false;
    }
  }

  /** Makes the kernel's signal dispositions match the trap table. */
  applyDispositions(): void {
    for (const [cond, action] of this.state.traps) {
      if (cond === "EXIT") continue;
      this.ctx.setDisposition(cond, action === "" ? "ignore" : "catch");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  /** Parses and runs a string in this shell (`eval`, traps, `.`). */
  *evalString(source: string, io: Io): Gen<number> {
    let script: Script;
    try {
      script = Parser.parse(source);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err(`${this.flavour.syntaxError(this.site(), e)}\n`);
      throw new ExitRequest(2);
    }
    return yield* this.runList(script, io);
  }

  /** Runs a list of and-or lists. */
  *runList(script: Script, io: Io): Gen<number> {
    let status = 0;
    for (const item of script.items) {
      if (item.background) {
        yield* this.startBackground(item, io);
        status = 0;
      } else status = yield* this.runAndOr(item, io);
      this.state.lastStatus = status;
    }
    return status;
  }

  private *runAndOr(ao: AndOr, io: Io): Gen<number> {
    const stages = [ao.first, ...ao.rest.map((r) => r.pipeline)];
    let status = 0;
    let ran = 0;
    for (let i = 0; i < stages.length; i++) {
      const op = ao.rest[i - 1]?.op;
      if (op && (op === "&&") !== (status === 0)) continue;
      // Why: POSIX `set -e` ignores failures of every pipeline of an and-or list but the last.
      const guarded = i < stages.length - 1;
      if (guarded) this.errexitSuppressed++;
      try {
        status = yield* this.runPipeline(stages[i]!, io);
      } finally {
        if (guarded) this.errexitSuppressed--;
      }
      this.state.lastStatus = status;
      ran = i;
    }
    const last = stages[ran]!;
    if (
      status !== 0 &&
      ran === stages.length - 1 &&
      !last.negate &&
      this.state.options.errexit &&
      this.errexitSuppressed === 0
    ) {
      throw new ExitRequest(status);
    }
    return status;
  }

  private *runPipeline(p: Pipeline, io: Io): Gen<number> {
    if (p.negate) this.errexitSuppressed++;
    let status: number;
    try {
      if (p.commands.length === 1) status = yield* this.runCommand(p.commands[0]!, io);
      else {
        let input = io.stdin;
        status = 0;
        for (let i = 0; i < p.commands.length; i++) {
          const stageIo = io.clone();
          stageIo.stdin = input;
          let captured = "";
          const isLast = i === p.commands.length - 1;
          if (!isLast) {
            stageIo.fds.set(
              1,
              pipeSink((t) => {
                captured += t;
              }),
            );
          }
          const cmd = p.commands[i]!;
          status = yield* this.subshell(() => this.runCommand(cmd, stageIo), stageIo);
          input = new InputStream(captured);
        }
      }
    } finally {
      if (p.negate) this.errexitSuppressed--;
    }
    return p.negate ? Number(status === 0) : status;
  }

  /** Runs `work` as an in-process subshell: on a copy of the state, `exit` ends only the subshell. */
  *subshell(work: () => Gen<number>, io: Io): Gen<number> {
    const saved = this.state;
    this.state = saved.forSubshell();
    this.subshellDepth++;
    let status: number;
    try {
      status = yield* work();
    } catch (e) {
      if (e instanceof ShellFatal) {
        this.message(io, e.message);
        status = e.status;
      } else status = this.exitStatusOf(e);
    }
    try {
      const action = this.state.traps.get("EXIT");
      if (action) {
        this.state.traps.delete("EXIT");
        yield* this.runTrapAction(action);
      }
    } catch (e) {
      status = this.exitStatusOf(e);
    } finally {
      this.state = saved;
      this.subshellDepth--;
      this.applyDispositions();
    }
    return status;
  }

  /** Runs one command and then any traps that became due. */
  *runCommand(cmd: Command, io: Io): Gen<number> {
    yield* this.tick();
    this.line = cmd.line;
    const status = yield* this.dispatch(cmd, io);
    this.state.lastStatus = status;
    yield* this.runPendingTraps();
    return status;
  }

  private *dispatch(cmd: Command, io: Io): Gen<number> {
    if (cmd.kind === "simple") return yield* this.runSimple(cmd, io);
    if (cmd.kind === "function") {
      this.state.functions.set(cmd.name, cmd.body);
      return 0;
    }
    this.contextIo = io;
    const rio = yield* this.redirect(cmd.redirects, io);
    if (!rio) return 1;
    switch (cmd.kind) {
      case "subshell":
        return yield* this.subshell(() => this.runList(cmd.body, rio), rio);
      case "group":
        return yield* this.runList(cmd.body, rio);
      case "if": {
        for (const b of cmd.branches) {
          if ((yield* this.condition(b.cond, rio)) === 0) return yield* this.runList(b.body, rio);
        }
        return cmd.orElse ? yield* this.runList(cmd.orElse, rio) : 0;
      }
      case "while":
      case "until":
        return yield* this.runLoop(cmd, rio);
      case "for":
        return yield* this.runFor(cmd, rio);
      case "case":
        return yield* this.runCase(cmd, rio);
    }
  }

  private *condition(cond: Script, io: Io): Gen<number> {
    this.errexitSuppressed++;
    try {
      return yield* this.runList(cond, io);
    } finally {
      this.errexitSuppressed--;
    }
  }

  private *runLoop(cmd: LoopCommand, io: Io): Gen<number> {
    let status = 0;
    for (;;) {
      yield* this.tick();
      const c = yield* this.condition(cmd.cond, io);
      if ((c === 0) !== (cmd.kind === "while")) break;
      const r = yield* this.loopBody(cmd.body, io);
      if (r === "break") break;
      status = r === "continue" ? 0 : r;
    }
    return status;
  }

  /** Runs a loop body; `break`/`continue` for this loop come back as words. */
  private *loopBody(body: Script, io: Io): Gen<number | "break" | "continue"> {
    try {
      return yield* this.runList(body, io);
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e;
      if (e.levels > 1) throw new LoopControl(e.kind, e.levels - 1);
      return e.kind;
    }
  }

  private *runFor(cmd: ForCommand, io: Io): Gen<number> {
    this.contextIo = io;
    const items = cmd.items ? yield* this.expander.fields(cmd.items) : [...this.state.positional];
    let status = 0;
    for (const item of items) {
      yield* this.tick();
      this.assign(cmd.name, item);
      const r = yield* this.loopBody(cmd.body, io);
      if (r === "break") break;
      status = r === "continue" ? 0 : r;
    }
    return status;
  }

  private *runCase(cmd: CaseCommand, io: Io): Gen<number> {
    this.contextIo = io;
    const subject = yield* this.expander.string(cmd.subject);
    for (const arm of cmd.arms) {
      for (const p of arm.patterns) {
        const pattern = yield* this.expander.pattern(p);
        if (matchPattern(pattern, subject)) return yield* this.runList(arm.body, io);
      }
    }
    return 0;
  }

  private *runSimple(cmd: SimpleCommand, io: Io): Gen<number> {
    this.contextIo = io;
    this.cmdsubStatus = undefined;
    const argv = yield* this.expander.fields(cmd.words);
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, yield* this.expander.string(a.value)]);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.assign(k, v);
      if (this.state.options.xtrace && assigns.length)
        this.trace(
          io,
          assigns.map(([k, v]) => `${k}=${v}`),
        );
      const rio = yield* this.redirect(cmd.redirects, io);
      if (!rio) return 1;
      return this.cmdsubStatus ?? 0;
    }
    if (this.state.options.xtrace) this.trace(io, [...assigns.map(([k, v]) => `${k}=${v}`), ...argv]);
    const rio = yield* this.redirect(cmd.redirects, io);
    if (!rio) return 1;
    const name = argv[0]!;
    if (SPECIAL_BUILTINS.has(name)) {
      for (const [k, v] of assigns) this.assign(k, v);
      return yield* this.runBuiltin(name, argv, rio, io);
    }
    const fn = this.state.functions.get(name);
    if (fn) return yield* this.withTemporaryVars(assigns, () => this.callFunction(fn, argv.slice(1), rio));
    if (BUILTINS.has(name))
      return yield* this.withTemporaryVars(assigns, () => this.runBuiltin(name, argv, rio, io));
    return yield* this.runExternal(argv, new Map(assigns), rio);
  }

  private trace(io: Io, words: string[]): void {
    io.err(`${this.state.get("PS4") ?? "+ "}${words.map(quoteForTrace).join(" ")}\n`);
  }

  /** Runs a builtin. `outer` is the io before the command's own redirections (for `exec`). */
  *runBuiltin(name: string, argv: string[], io: Io, outer: Io): Gen<number> {
    const b = BUILTINS.get(name)!;
    const r = b(this, argv, io, outer);
    return typeof r === "number" ? r : yield* r;
  }

  private *withTemporaryVars(assigns: [string, string][], work: () => Gen<number>): Gen<number> {
    if (assigns.length === 0) return yield* work();
    const saved = assigns.map(([k]) => [k, this.state.vars.get(k)] as const);
    for (const [k, v] of assigns) this.assign(k, v, true);
    try {
      return yield* work();
    } finally {
      for (const [k, v] of saved) {
        if (v) this.state.vars.set(k, v);
        else this.state.vars.delete(k);
      }
    }
  }

  /** Calls a shell function with arguments. */
  *callFunction(body: Command, args: string[], io: Io): Gen<number> {
    const savedPositional = this.state.positional;
    this.state.positional = args;
    this.localFrames.push(new Map());
    try {
      return yield* this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    } finally {
      this.state.positional = savedPositional;
      const frame = this.localFrames.pop()!;
      for (const [k, v] of frame) {
        if (v) this.state.vars.set(k, { ...v });
        else this.state.vars.delete(k);
      }
    }
  }

  /** Runs an external command as a child process and waits for it. */
  *runExternal(argv: string[], assigns: ReadonlyMap<string, string>, io: Io): Gen<number> {
    const name = argv[0]!;
    yield* this.sys({ op: "cpu", ms: SPAWN_COST_MS });
    const env = this.state.environment(assigns);
    const found = resolveCommand(
      this.ctx.fs,
      name,
      env.get("PATH") ?? this.state.get("PATH") ?? "",
      this.state.cwd,
    );
    if (!found.ok) {
      if (found.errno === "ENOENT") {
        this.message(io, name.includes("/") ? this.flavour.noSuchFile(name) : this.flavour.notFound(name));
        return 127;
      }
      this.message(
        io,
        `${name}: ${found.errno === "EISDIR" && this.flavour.name === "bash" ? "Is a directory" : "Permission denied"}`,
      );
      return 126;
    }
    const spawned = this.ctx.spawn({
      argv: [...found.argvPrefix, ...(found.argvPrefix.length ? [found.path] : [name]), ...argv.slice(1)],
      env,
      cwd: this.state.cwd,
      stdout: io.out,
      stderr: io.err,
      stdin: io.stdin.takeRest(),
      program: found.program,
    });
    if (!spawned.ok) {
      this.message(io, this.flavour.notFound(name));
      return 127;
    }
    return yield* this.waitForeground(spawned.pid);
  }

  /**
   * `exec cmd`: the command replaces the shell in this process. Caught signals go back to their
   * default action (ignored ones stay ignored), no EXIT trap runs, and the program runs with the
   * shell's pid — so a `trap`-less `exec` keeps PID 1's signal semantics.
   */
  *execReplace(argv: string[], io: Io): Gen<number> {
    const name = argv[0]!;
    const env = this.state.environment();
    const found = resolveCommand(this.ctx.fs, name, env.get("PATH") ?? "", this.state.cwd);
    const impl = found.ok ? this.ctx.ns.kernel.programs.get(found.program) : undefined;
    if (!found.ok || !impl) {
      const missing = !found.ok && found.errno === "ENOENT";
      this.message(
        io,
        missing
          ? name.includes("/")
            ? this.flavour.noSuchFile(name)
            : this.flavour.notFound(name)
          : `${name}: Permission denied`,
      );
      return missing ? 127 : 126;
    }
    for (const [cond, action] of this.state.traps) {
      if (cond !== "EXIT" && action !== "") this.ctx.setDisposition(cond, "default");
    }
    this.state.traps.clear();
    const ctx = this.ctx;
    ctx.env.clear();
    for (const [k, v] of env) ctx.env.set(k, v);
    ctx.cwd = this.state.cwd;
    const execCtx: ProcessContext = {
      ...ctx,
      argv: [...found.argvPrefix, ...(found.argvPrefix.length ? [found.path] : [name]), ...argv.slice(1)],
      stdin: io.stdin.takeRest(),
      stdout: io.out,
      stderr: io.err,
    };
    ctx.ns.execed(ctx.pid, execCtx.argv);
    return yield* impl(execCtx);
  }

  /** Starts an and-or list in the background; `$!` becomes its pid. */
  private *startBackground(ao: AndOr, io: Io): Gen<void> {
    const bgIo = io.clone();
    // Why: POSIX — an asynchronous list's standard input is /dev/null in a non-interactive shell.
    bgIo.stdin = new InputStream("");
    const direct = yield* this.spawnDirect(ao, bgIo);
    const pid = direct
      ? direct.pid
      : this.fork((child) => child.runAndOr({ ...ao, background: false }, bgIo), bgIo);
    if (pid !== undefined) this.state.lastBackgroundPid = pid;
  }

  /**
   * `cmd args &` for an external command: spawned directly, as the forked shell would exec it at
   * once, so `$!`, `ps` and `kill $!` see the command itself. Undefined when the job needs a shell;
   * no pid when it could not start (the error is already printed).
   */
  private *spawnDirect(ao: AndOr, io: Io): Gen<{ pid?: number } | undefined> {
    const cmd = ao.first.commands[0];
    if (ao.rest.length || ao.first.negate || ao.first.commands.length !== 1 || cmd?.kind !== "simple")
      return undefined;
    const first = cmd.words[0];
    const name = first ? plainText(first) : undefined;
    if (!name || BUILTINS.has(name) || this.state.functions.has(name)) return undefined;
    const found = resolveCommand(this.ctx.fs, name, this.state.get("PATH") ?? "", this.state.cwd);
    if (!found.ok) return undefined;
    this.contextIo = io;
    const argv = yield* this.expander.fields(cmd.words);
    const assigns = new Map<string, string>();
    for (const a of cmd.assigns) assigns.set(a.name, yield* this.expander.string(a.value));
    const rio = yield* this.redirect(cmd.redirects, io);
    if (!rio) return {};
    yield* this.sys({ op: "cpu", ms: SPAWN_COST_MS });
    const r = this.ctx.spawn({
      argv: [...found.argvPrefix, ...(found.argvPrefix.length ? [found.path] : [name]), ...argv.slice(1)],
      env: this.state.environment(assigns),
      cwd: this.state.cwd,
      stdout: rio.out,
      stderr: rio.err,
      stdin: rio.stdin.takeRest(),
      program: found.program,
    });
    return r.ok ? { pid: r.pid } : {};
  }

  /** Forks a child shell process that runs `work` on a copy of this shell's state. */
  fork(work: (child: Interpreter) => Gen<number>, io: Io): number | undefined {
    const state = this.state.forSubshell();
    const origin = this.origin;
    const flavour = this.flavour;
    const r = withForkBody(
      (ctx) => new Interpreter(ctx, flavour, origin, io, state).forked(work),
      () =>
        this.ctx.spawn({
          argv: [...this.ctx.argv],
          env: this.state.environment(),
          cwd: this.state.cwd,
          stdout: io.out,
          stderr: io.err,
          program: origin.programId,
        }),
    );
    return r.ok ? r.pid : undefined;
  }

  private *commandSubst(body: Script): Gen<string> {
    let out = "";
    const io = this.contextIo.clone();
    io.stdin = new InputStream("");
    io.fds.set(1, (t) => (out += t));
    const savedContext = this.contextIo;
    const status = yield* this.subshell(() => this.runList(body, io), io);
    this.contextIo = savedContext;
    this.cmdsubStatus = status;
    this.state.lastStatus = status;
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Redirections

  /** Applies redirections to a copy of `io`; undefined (message printed) when one fails. */
  *redirect(redirects: readonly Redirect[], io: Io): Gen<Io | undefined> {
    if (redirects.length === 0) return io;
    const out = io.clone();
    for (const r of redirects) {
      if (r.heredoc) {
        out.stdin = new InputStream(yield* this.expander.string(r.heredoc));
        continue;
      }
      const target = yield* this.expander.string(r.target);
      switch (r.op) {
        case ">":
        case ">|":
        case ">>":
        case "<>": {
          const sink = this.openOutput(target, r.op === ">>" || r.op === "<>", out);
          if (!sink) {
            this.message(io, this.flavour.cannotCreate(target, this.lastOpenError));
            return undefined;
          }
          if (r.op === "<>" && r.fd === 0) out.stdin = new InputStream(this.readInput(target) ?? "");
          else out.fds.set(r.fd, sink);
          break;
        }
        case "<": {
          const data = this.readInput(target);
          if (data === undefined) {
            this.message(io, this.flavour.cannotOpen(target, this.lastOpenError));
            return undefined;
          }
          if (r.fd === 0) out.stdin = new InputStream(data);
          break;
        }
        case ">&":
        case "<&": {
          if (target === "-") {
            if (r.fd === 0) out.stdin = new InputStream("");
            else out.fds.delete(r.fd);
            break;
          }
          if (!/^\d+$/.test(target)) {
            // `>&file` is bash for `>file 2>&1`.
            const sink = this.openOutput(target, false, out);
            if (!sink) {
              this.message(io, this.flavour.cannotCreate(target, this.lastOpenError));
              return undefined;
            }
            out.fds.set(1, sink);
            out.fds.set(2, sink);
            break;
          }
          if (r.op === "<&") break;
          const src = out.fds.get(Number(target));
          if (!src) {
            this.message(io, `${target}: Bad file descriptor`);
            return undefined;
          }
          out.fds.set(r.fd, src);
          break;
        }
      }
    }
    return out;
  }

  private lastOpenError:
    | "ENOENT"
    | "EISDIR"
    | "ENOTDIR"
    | "EEXIST"
    | "ENOTEMPTY"
    | "EROFS"
    | "EACCES"
    | "EINVAL" = "ENOENT";

  private openOutput(target: string, append: boolean, io: Io): ((t: string) => void) | undefined {
    if (target === "/dev/null") return devNull;
    if (target === "/dev/stdout" || target === "/proc/self/fd/1") return io.out;
    if (target === "/dev/stderr" || target === "/proc/self/fd/2" || target === "/dev/tty") return io.err;
    const fs = this.ctx.fs;
    const path = resolvePath(this.state.cwd, target);
    const r = fs.writeFile(path, "", append);
    if (!r.ok) {
      this.lastOpenError = r.errno;
      return undefined;
    }
    return (t) => {
      fs.writeFile(path, t, true);
    };
  }

  private readInput(target: string): string | undefined {
    if (target === "/dev/null" || target === "/dev/zero") return "";
    const r = this.ctx.fs.readFile(resolvePath(this.state.cwd, target));
    if (!r.ok) {
      this.lastOpenError = r.errno;
      return undefined;
    }
    return r.value;
  }
}

function optionFlags(s: ShellState): string {
  return `${s.options.errexit ? "e" : ""}${s.options.noglob ? "f" : ""}${s.options.nounset ? "u" : ""}${s.options.xtrace ? "x" : ""}`;
}

function quoteForTrace(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** The exit code a wait result reports (128 + signal when killed). */
export function statusCode(s: ExitStatus): number {
  return s.signal ? 128 + signalNumber(s.signal) : s.code;
}
