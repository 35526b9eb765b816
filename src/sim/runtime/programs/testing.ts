/**
 * A tiny container for program tests: one virtual clock, kernel, pod network and namespace over a
 * root tree, with the process's output captured. Not used by the simulator itself.
 */
import { VirtualClock } from "../../clock.ts";
import { SeededRandom } from "../../random.ts";
import { ContainerNamespace, type ExitStatus, Kernel, type Program } from "../kernel.ts";
import {
  ClusterNetwork,
  connect,
  type GrpcServingStatus,
  type HttpResponse,
  PodNetwork,
} from "../network.ts";
import { toolPrograms } from "../tools/index.ts";
import { Filesystem, type FsDir } from "../vfs.ts";
import { serverPrograms } from "./index.ts";

/** A running test container. */
export interface TestContainer {
  clock: VirtualClock;
  kernel: Kernel;
  ns: ContainerNamespace;
  net: PodNetwork;
  fs: Filesystem;
  stdout(): string;
  stderr(): string;
  /** PID 1's exit status once it exited. */
  exit(): ExitStatus | undefined;
  /** Advances virtual time by `ms`. */
  advance(ms: number): void;
  /** An HTTP GET against the pod's own IP; undefined when the connection is refused. */
  get(port: number, path: string, headers?: Record<string, string>): HttpResponse | undefined;
  /** True when a TCP connect to the port succeeds. */
  tcp(port: number): boolean;
  grpc(port: number, service?: string): GrpcServingStatus | "refused" | "unimplemented";
  /** Runs a second process (like an exec hook) and returns its pid and captured output. */
  exec(argv: string[]): {
    pid: number;
    out: () => string;
    err: () => string;
    status: () => ExitStatus | undefined;
  };
}

/** Starts `argv` as PID 1 over `rootfs` with `env`. */
export function startContainer(
  rootfs: FsDir,
  argv: string[],
  opts: {
    env?: Record<string, string>;
    cwd?: string;
    programs?: Record<string, Program>;
    hostname?: string;
    /** `rootfs` is this container's alone, as the runtime's are (see `FilesystemOptions`). */
    ownsRoot?: boolean;
  } = {},
): TestContainer {
  const clock = new VirtualClock();
  const kernel = new Kernel(clock);
  kernel.register({ ...toolPrograms, ...serverPrograms, ...(opts.programs ?? {}) });
  const cluster = new ClusterNetwork();
  const net = new PodNetwork("10.244.0.5", cluster);
  const fs = new Filesystem(rootfs, () => clock.now(), { ownsRoot: !!opts.ownsRoot });
  const ns = new ContainerNamespace(kernel, fs, net, opts.hostname ?? "web-0", new SeededRandom(7));
  const env = new Map(
    Object.entries(opts.env ?? { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }),
  );
  let out = "";
  let err = "";
  let status: ExitStatus | undefined;
  ns.onInitExit = (s) => {
    status = s;
  };
  const r = ns.spawn({
    argv,
    env,
    cwd: opts.cwd ?? "/",
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  if (!r.ok) throw new Error(`spawn ${argv[0]}: ${r.errno}`);
  return {
    clock,
    kernel,
    ns,
    net,
    fs,
    stdout: () => out,
    stderr: () => err,
    exit: () => status,
    advance: (ms) => clock.advanceTo(clock.now() + ms),
    get: (port, path, headers = {}) => {
      const c = connect(net, net.ip, port);
      if (!c.ok || !c.listener.http) return undefined;
      return c.listener.http(
        {
          method: "GET",
          path,
          host: `${net.ip}:${port}`,
          port,
          headers: { "User-Agent": "kube-probe/1.34", ...headers },
        },
        clock.now(),
      );
    },
    tcp: (port) => connect(net, net.ip, port).ok,
    grpc: (port, service = "") => {
      const c = connect(net, net.ip, port);
      if (!c.ok) return "refused";
      return c.listener.grpcHealth ? c.listener.grpcHealth(service, clock.now()) : "unimplemented";
    },
    exec: (execArgv) => {
      let o = "";
      let e = "";
      let st: ExitStatus | undefined;
      const p = ns.spawn(
        { argv: execArgv, env, cwd: "/", stdout: (t) => (o += t), stderr: (t) => (e += t) },
        0,
      );
      if (!p.ok) throw new Error(`exec ${execArgv[0]}: ${p.errno}`);
      ns.onExit(p.pid, (s) => {
        st = s;
      });
      return { pid: p.pid, out: () => o, err: () => e, status: () => st };
    },
  };
}
