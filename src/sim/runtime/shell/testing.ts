/**
 * A test container for shell and tool tests: a virtual clock, kernel with the tool programs, pod
 * network and one namespace over a busybox or Debian root, with PID 1's output collected.
 * Not used by the simulator itself.
 */
import { VirtualClock } from "../../clock.ts";
import { SeededRandom } from "../../random.ts";
import { ContainerNamespace, type ExitStatus, Kernel, type Program } from "../kernel.ts";
import { ClusterNetwork, PodNetwork } from "../network.ts";
import type { Signal } from "../signals.ts";
import { installBusybox, installDebianBase, toolPrograms } from "../tools/index.ts";
import { Filesystem, newDir } from "../vfs.ts";

/** A running test container. */
export interface ShellBox {
  clock: VirtualClock;
  kernel: Kernel;
  ns: ContainerNamespace;
  net: PodNetwork;
  fs: Filesystem;
  /** PID 1's standard output so far. */
  out(): string;
  /** PID 1's standard error so far. */
  err(): string;
  /** PID 1's exit status and when it exited, once it has. */
  exit(): (ExitStatus & { atMs: number }) | undefined;
  /** Advances virtual time to `ms`. */
  runUntil(ms: number): void;
  /** Sends a signal to a pid (PID 1 by default) at the current time. */
  signal(sig: Signal, pid?: number): void;
  /** Starts another process (like an exec probe) and collects its output and status. */
  exec(argv: string[]): {
    out: () => string;
    err: () => string;
    status: () => (ExitStatus & { atMs: number }) | undefined;
  };
}

/** Options for a test container. */
export interface ShellBoxOptions {
  image?: "busybox" | "debian";
  env?: Record<string, string>;
  programs?: Record<string, Program>;
  stdin?: string;
}

/** Starts `argv` as PID 1 in a fresh container. */
export function startShellBox(argv: string[], opts: ShellBoxOptions = {}): ShellBox {
  const clock = new VirtualClock();
  const kernel = new Kernel(clock);
  kernel.register({ ...toolPrograms, ...(opts.programs ?? {}) });
  const net = new PodNetwork("10.244.0.7", new ClusterNetwork());
  const root = newDir();
  if (opts.image === "debian") installDebianBase(root);
  else installBusybox(root);
  const fs = new Filesystem(root, () => clock.now());
  const ns = new ContainerNamespace(kernel, fs, net, "box-0", new SeededRandom(1));
  const env = new Map(
    Object.entries({
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      HOME: "/root",
      ...opts.env,
    }),
  );
  let out = "";
  let err = "";
  let status: (ExitStatus & { atMs: number }) | undefined;
  const r = ns.spawn({
    argv,
    env,
    cwd: "/",
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
  });
  if (!r.ok) throw new Error(`spawn ${argv[0]}: ${r.errno}`);
  ns.onExit(r.pid, (s) => {
    status = { ...s, atMs: clock.now() };
  });
  return {
    clock,
    kernel,
    ns,
    net,
    fs,
    out: () => out,
    err: () => err,
    exit: () => status,
    runUntil: (ms) => {
      clock.advanceTo(ms);
    },
    signal: (sig, pid = 1) => {
      ns.signal(pid, sig);
    },
    exec: (execArgv) => {
      let o = "";
      let e = "";
      let st: (ExitStatus & { atMs: number }) | undefined;
      const p = ns.spawn(
        { argv: execArgv, env, cwd: "/", stdout: (t) => (o += t), stderr: (t) => (e += t) },
        0,
      );
      if (!p.ok) throw new Error(`exec ${execArgv[0]}: ${p.errno}`);
      ns.onExit(p.pid, (s) => {
        st = { ...s, atMs: clock.now() };
      });
      return { out: () => o, err: () => e, status: () => st };
    },
  };
}

/** Runs `sh -c script` to completion (or `untilMs`) and returns its output and status. */
export function runScript(
  script: string,
  opts: ShellBoxOptions & { untilMs?: number; shell?: string } = {},
): { out: string; err: string; code: number | undefined; atMs: number | undefined; box: ShellBox } {
  const box = startShellBox([opts.shell ?? "sh", "-c", script], opts);
  box.runUntil(opts.untilMs ?? 3_600_000);
  const s = box.exit();
  return { out: box.out(), err: box.err(), code: s?.code, atMs: s?.atMs, box };
}
