/**
 * The process model: programs are generators that yield blocking system calls (sleep, wait for a
 * child, pause until a signal, burn CPU) and return an exit code. The kernel runs them on the
 * virtual clock, delivers signals with Linux semantics (a container's PID 1 ignores signals it has
 * no handler for, except SIGKILL; killed processes exit with 128 + signal), and tears a container's
 * processes down when its PID 1 exits.
 */
import type { VirtualClock } from "../clock.ts";
import type { SeededRandom } from "../random.ts";
import type { PodNetwork } from "./network.ts";
import { type Signal, signalNumber, terminatesByDefault } from "./signals.ts";
import { type Errno, type Filesystem, resolvePath } from "./vfs.ts";

/** What a blocked program waits for. */
export type Syscall =
  /** Sleep; interrupted early by a caught signal. */
  | { op: "sleep"; ms: number }
  /** Burn CPU for `ms` (a loop's cost); interrupted by a caught signal. */
  | { op: "cpu"; ms: number }
  /** Wait for a child to exit (`pid: -1` for any child). */
  | { op: "wait"; pid: number }
  /** Block until a caught signal arrives. */
  | { op: "pause" };

/** How a blocking call ended. */
export type SyscallResult =
  | { kind: "ok" }
  | { kind: "exited"; pid: number; status: ExitStatus }
  | { kind: "signal"; signal: Signal }
  /** `wait` with no child left to wait for. */
  | { kind: "nochild" };

/** How a process ended: `code` is the exit code, or 128 + signal number when killed. */
export interface ExitStatus {
  code: number;
  signal?: Signal;
}

/** A running program: yields system calls, returns its exit code. */
export type ProcessBody = Generator<Syscall, number, SyscallResult>;

/** A program implementation, registered under an id that executable files refer to. */
export type Program = (ctx: ProcessContext) => ProcessBody;

/** Where a process writes a stream. */
export type OutputSink = (text: string) => void;

/** Signal disposition of a process. */
export type Disposition = "default" | "ignore" | "catch";

/** Options for starting a process. */
export interface SpawnOptions {
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  stdout: OutputSink;
  stderr: OutputSink;
  stdin?: string;
  /** Program id to run directly, skipping the executable lookup (for built-in programs). */
  program?: string;
}

/** Result of resolving an executable. */
export type ResolveResult = { ok: true; path: string; program: string } | { ok: false; errno: Errno };

/** A snapshot of a process for `ps`, `pidof`, `killall`. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: readonly string[];
  /** Program id. */
  program: string;
}

/** What a program can see and do. */
export interface ProcessContext {
  readonly pid: number;
  readonly ppid: number;
  readonly argv: readonly string[];
  readonly env: Map<string, string>;
  cwd: string;
  readonly fs: Filesystem;
  readonly ns: ContainerNamespace;
  stdin: string;
  stdout: OutputSink;
  stderr: OutputSink;
  now(): number;
  readonly random: SeededRandom;
  /** Starts a child process; argv[0] is looked up on PATH unless it has a slash. */
  spawn(
    opts: Omit<SpawnOptions, "env" | "cwd"> & Partial<Pick<SpawnOptions, "env" | "cwd">>,
  ): { ok: true; pid: number } | { ok: false; errno: Errno };
  /** Sends a signal to a process of the same container; ESRCH-like failure as ENOENT. */
  kill(pid: number, sig: Signal): boolean;
  /** Sets how this process reacts to a signal. */
  setDisposition(sig: Signal, d: Disposition): void;
  /** Processes in this container. */
  processes(): ProcessInfo[];
  /** Resolves a command name as `execvp` would. */
  resolve(command: string): ResolveResult;
}

interface Proc {
  pid: number;
  ppid: number;
  argv: string[];
  program: string;
  gen: ProcessBody;
  ctx: ProcessContext;
  dispositions: Map<Signal, Disposition>;
  pending: Signal[];
  blocked?: Syscall;
  timer?: unknown;
  wakeScheduled: boolean;
  running: boolean;
  exited?: ExitStatus;
  onExit: ((s: ExitStatus) => void)[];
  /** Exited children not yet reaped by a wait. */
  zombies: { pid: number; status: ExitStatus }[];
}

/** A container's PID namespace, mount namespace and identity. */
export class ContainerNamespace {
  private nextPid = 1;
  private readonly procs = new Map<number, Proc>();
  /** Set once PID 1 has exited: no new processes may start. */
  dead = false;
  /** Called when PID 1 exits. */
  onInitExit?: (status: ExitStatus) => void;

  constructor(
    readonly kernel: Kernel,
    readonly fs: Filesystem,
    readonly net: PodNetwork,
    readonly hostname: string,
    readonly random: SeededRandom,
  ) {}

  /** Starts a process in this namespace. The first one becomes PID 1. */
  spawn(opts: SpawnOptions, ppid = 0): { ok: true; pid: number } | { ok: false; errno: Errno } {
    if (this.dead) return { ok: false, errno: "ENOENT" };
    let program = opts.program;
    if (!program) {
      const r = this.resolve(opts.argv[0] ?? "", opts.env, opts.cwd);
      if (!r.ok) return r;
      program = r.program;
    }
    const impl = this.kernel.programs.get(program);
    if (!impl) return { ok: false, errno: "EACCES" };
    const pid = this.nextPid++;
    const proc: Proc = {
      pid,
      ppid,
      argv: opts.argv,
      program,
      gen: undefined as unknown as ProcessBody,
      ctx: undefined as unknown as ProcessContext,
      dispositions: new Map(),
      pending: [],
      wakeScheduled: false,
      running: false,
      onExit: [],
      zombies: [],
    };
    const ns = this;
    // Why methods and not arrow properties: the TypeScript loader names every arrow it sees
    // assigned to a property (a `defineProperty` per arrow, six per process start); methods it
    // leaves alone. They still close over this process and are own properties, so a copy of the
    // context (`{ ...ctx }`, as a shell's `exec` makes) keeps them working.
    const ctx: ProcessContext = {
      pid,
      ppid,
      argv: opts.argv,
      env: new Map(opts.env),
      cwd: opts.cwd,
      fs: this.fs,
      ns: this,
      stdin: opts.stdin ?? "",
      stdout: opts.stdout,
      stderr: opts.stderr,
      now() {
        return ns.kernel.clock.now();
      },
      random: this.random,
      spawn(o) {
        return ns.spawn({ env: ctx.env, cwd: ctx.cwd, ...o }, pid);
      },
      kill(target, sig) {
        return ns.signal(target, sig);
      },
      setDisposition(sig, d) {
        if (sig !== "SIGKILL" && sig !== "SIGSTOP") proc.dispositions.set(sig, d);
      },
      processes() {
        return ns.list();
      },
      resolve(command) {
        return ns.resolve(command, ctx.env, ctx.cwd);
      },
    };
    proc.ctx = ctx;
    proc.gen = impl(ctx);
    this.procs.set(pid, proc);
    this.kernel.schedule(() => this.step(proc, { kind: "ok" }));
    return { ok: true, pid };
  }

  /** Resolves a command as execvp: a path with a slash as is, else each PATH entry in turn. */
  resolve(command: string, env: Map<string, string>, cwd: string): ResolveResult {
    if (!command) return { ok: false, errno: "ENOENT" };
    if (command.includes("/")) {
      const path = resolvePath(cwd, command);
      const node = this.fs.peek(path);
      if (node?.kind === "file")
        return node.program ? { ok: true, path, program: node.program } : { ok: false, errno: "EACCES" };
      return { ok: false, errno: node?.kind === "dir" ? "EACCES" : "ENOENT" };
    }
    // Each PATH entry in turn, walked in place: every process start resolves its command.
    const search = env.get("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (let start = 0; start <= search.length; ) {
      let end = search.indexOf(":", start);
      if (end < 0) end = search.length;
      const path = resolvePath("/", `${search.slice(start, end)}/${command}`);
      const node = this.fs.peek(path);
      if (node?.kind === "file" && node.program) return { ok: true, path, program: node.program };
      start = end + 1;
    }
    return { ok: false, errno: "ENOENT" };
  }

  /** Processes alive in this namespace. */
  list(): ProcessInfo[] {
    return [...this.procs.values()]
      .filter((p) => !p.exited)
      .map((p) => ({ pid: p.pid, ppid: p.ppid, argv: p.argv, program: p.program }));
  }

  /** True when a process with this pid is alive. */
  alive(pid: number): boolean {
    const p = this.procs.get(pid);
    return !!p && !p.exited;
  }

  /** Registers a callback for a process's exit (called at once if it already exited). */
  onExit(pid: number, fn: (s: ExitStatus) => void): void {
    const p = this.procs.get(pid);
    if (!p) return;
    if (p.exited) fn(p.exited);
    else p.onExit.push(fn);
  }

  /** How a live process reacts to a signal right now (undefined when there is no such process). */
  disposition(pid: number, sig: Signal): Disposition | undefined {
    const p = this.procs.get(pid);
    if (!p || p.exited) return undefined;
    return p.dispositions.get(sig) ?? "default";
  }

  /** A process replaced its image (`exec`): `ps` and the kubelet now see the new command line. */
  execed(pid: number, argv: readonly string[]): void {
    const p = this.procs.get(pid);
    if (p && !p.exited) p.argv = [...argv];
  }

  /** The argv of a live process. */
  argvOf(pid: number): string[] | undefined {
    const p = this.procs.get(pid);
    return p && !p.exited ? p.argv : undefined;
  }

  /** Delivers a signal with Linux semantics. Returns false if no such process. */
  signal(pid: number, sig: Signal): boolean {
    const p = this.procs.get(pid);
    if (!p || p.exited) return false;
    if (sig === "SIGKILL") {
      this.terminate(p, { code: 128 + signalNumber(sig), signal: sig });
      return true;
    }
    const d = p.dispositions.get(sig) ?? "default";
    if (d === "ignore") return true;
    if (d === "default") {
      // Why: the kernel never delivers a signal to a PID namespace's init unless it installed a
      // handler (SIGKILL from an ancestor namespace excepted) — `sleep 3600` as PID 1 ignores SIGTERM.
      if (p.pid === 1 || !terminatesByDefault(sig)) return true;
      this.terminate(p, { code: 128 + signalNumber(sig), signal: sig });
      return true;
    }
    p.pending.push(sig);
    this.wake(p);
    return true;
  }

  /** Kills every process (SIGKILL), for container teardown. */
  killAll(): void {
    for (const p of [...this.procs.values()])
      if (!p.exited) this.terminate(p, { code: 137, signal: "SIGKILL" });
  }

  private wake(p: Proc): void {
    if (p.wakeScheduled || p.running || p.exited) return;
    if (!p.blocked) return; // not started yet: the initial step will see pending signals
    p.wakeScheduled = true;
    this.kernel.schedule(() => {
      p.wakeScheduled = false;
      if (p.exited || !p.blocked) return;
      const sig = p.pending.shift();
      if (!sig) return;
      this.clearBlock(p);
      this.step(p, { kind: "signal", signal: sig });
    });
  }

  private clearBlock(p: Proc): void {
    if (p.timer !== undefined) this.kernel.clock.clearTimeout(p.timer);
    p.timer = undefined;
    p.blocked = undefined;
  }

  private step(p: Proc, input: SyscallResult): void {
    if (p.exited) return;
    // Why: a process may change anything in its pod (files, sockets, what it answers).
    this.net.watcher?.beforeChange();
    p.running = true;
    let r: IteratorResult<Syscall, number>;
    try {
      r = p.gen.next(input);
    } catch (e) {
      p.running = false;
      // A program bug must not take the simulation down: report it as the process crashing.
      p.ctx.stderr(`podlife: internal error in ${p.program}: ${(e as Error).message}\n`);
      this.terminate(p, { code: 139, signal: undefined });
      return;
    }
    p.running = false;
    if (p.exited) return;
    if (r.done) {
      this.finish(p, { code: (r.value ?? 0) & 0xff });
      return;
    }
    this.block(p, r.value);
  }

  private block(p: Proc, call: Syscall): void {
    p.blocked = call;
    const pendingSig = p.pending.shift();
    if (pendingSig) {
      p.blocked = undefined;
      this.kernel.schedule(() => this.step(p, { kind: "signal", signal: pendingSig }));
      return;
    }
    switch (call.op) {
      case "sleep":
      case "cpu":
        p.timer = this.kernel.clock.setTimeout(
          () => {
            p.timer = undefined;
            p.blocked = undefined;
            this.step(p, { kind: "ok" });
          },
          Math.max(0, call.ms),
        );
        break;
      case "wait": {
        const z = call.pid === -1 ? p.zombies.shift() : this.takeZombie(p, call.pid);
        if (z) {
          p.blocked = undefined;
          this.kernel.schedule(() => this.step(p, { kind: "exited", pid: z.pid, status: z.status }));
        } else if (!this.hasChild(p, call.pid)) {
          p.blocked = undefined;
          this.kernel.schedule(() => this.step(p, { kind: "nochild" }));
        }
        break;
      }
      case "pause":
        break;
    }
  }

  private takeZombie(p: Proc, pid: number): { pid: number; status: ExitStatus } | undefined {
    const i = p.zombies.findIndex((z) => z.pid === pid);
    return i >= 0 ? p.zombies.splice(i, 1)[0] : undefined;
  }

  private hasChild(p: Proc, pid: number): boolean {
    for (const c of this.procs.values()) {
      if (c.ppid === p.pid && !c.exited && (pid === -1 || c.pid === pid)) return true;
    }
    return false;
  }

  private terminate(p: Proc, status: ExitStatus): void {
    if (p.exited) return;
    this.clearBlock(p);
    if (!p.running) {
      try {
        p.gen.return(status.code);
      } catch {
        // a generator's finally block failing does not matter once it is killed
      }
    }
    this.finish(p, status);
  }

  private finish(p: Proc, status: ExitStatus): void {
    if (p.exited) return;
    this.clearBlock(p);
    p.exited = status;
    const parent = this.procs.get(p.ppid);
    if (parent && !parent.exited) {
      const b = parent.blocked;
      if (b?.op === "wait" && (b.pid === -1 || b.pid === p.pid)) {
        parent.blocked = undefined;
        this.kernel.schedule(() => this.step(parent, { kind: "exited", pid: p.pid, status }));
      } else {
        parent.zombies.push({ pid: p.pid, status });
      }
    }
    this.net.releaseOwner(this, p.pid);
    for (const fn of p.onExit.splice(0)) fn(status);
    if (p.pid === 1) {
      this.dead = true;
      for (const other of [...this.procs.values()]) {
        if (!other.exited) this.terminate(other, { code: 137, signal: "SIGKILL" });
      }
      this.onInitExit?.(status);
    } else {
      // Reparent orphans to PID 1, as Linux does inside a PID namespace.
      for (const c of this.procs.values()) if (c.ppid === p.pid && !c.exited) c.ppid = 1;
      this.procs.delete(p.pid);
    }
  }
}

/** Runs every container namespace on one virtual clock and holds the program registry. */
export class Kernel {
  readonly programs = new Map<string, Program>();

  constructor(readonly clock: VirtualClock) {}

  /** Registers programs by id. */
  register(programs: Record<string, Program>): void {
    for (const [id, p] of Object.entries(programs)) this.programs.set(id, p);
  }

  /** Runs `fn` at the current virtual time, after the current step (keeps generators un-nested). */
  schedule(fn: () => void): void {
    this.clock.setTimeout(fn, 0);
  }
}
