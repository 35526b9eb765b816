/**
 * The container runtime as the kubelet sees it through the CRI (containerd-like): pod sandboxes
 * with a network namespace and volumes, containers created from an image and a container spec,
 * started as a PID 1 process in their own namespaces, stopped with the image's stop signal and a
 * SIGKILL after the timeout, and `ExecSync` for probes, hooks and `kubectl exec`.
 */
import type { VirtualClock } from "../clock.ts";
import type { SeededRandom } from "../random.ts";
import { type Await, Latch, type Task } from "../task.ts";
import {
  DEFERRED,
  type DeferredText,
  type DeferredWriter,
  type DeferringSink,
  type JoinableText,
} from "./deferred-output.ts";
import { ContainerNamespace, type Disposition, type ExitStatus, type Kernel } from "./kernel.ts";
import { type ClusterNetwork, PodNetwork } from "./network.ts";
import { parseSignal, type Signal } from "./signals.ts";
import { Filesystem, type FsDir, newDir, treeChanged } from "./vfs.ts";

/** Virtual ms the runtime takes to set up an exec process (runc exec) before it runs. */
export const EXEC_START_MS = 10;
/** What the runtime needs to know about an image. */
export interface RuntimeImage {
  /** `sha256:…` image id. */
  id: string;
  /** `docker.io/library/nginx@sha256:…`. */
  repoDigest: string;
  /** `docker.io/library/nginx:latest`. */
  canonical: string;
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
  stopSignal: Signal;
  buildRootfs(): FsDir;
}

/** The parts of a container spec the runtime uses (Kubernetes field names). */
export interface ContainerConfig {
  name: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: { name: string; value?: string }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
}

/** A line a container wrote. */
export interface LogLine {
  atMs: number;
  stream: "stdout" | "stderr";
  text: string;
}

/** Lines a container wrote, made when the log is read (see `deferred-output.ts`). */
export interface DeferredLogLines {
  stream: "stdout" | "stderr";
  lines: DeferredText;
}

/** What a container log holds: lines, and runs of lines made when read (`logLines`). */
export type LogEntry = LogLine | DeferredLogLines;

/** A container's log, line by line, in the order written. */
export function logLines(c: RuntimeContainer): LogLine[] {
  const out: LogLine[] = [];
  for (const e of c.logs) {
    if (!("lines" in e)) {
      out.push(e);
      continue;
    }
    for (const [atMs, text] of e.lines) if (text) out.push({ atMs, stream: e.stream, text });
  }
  return out;
}

/** One container instance (a restart is a new instance). */
export interface RuntimeContainer {
  id: string;
  name: string;
  attempt: number;
  image: RuntimeImage;
  state: "created" | "running" | "exited";
  createdAtMs: number;
  startedAtMs?: number;
  finishedAtMs?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** Signal that killed PID 1, if one did. */
  signal?: Signal;
  ns: ContainerNamespace;
  /** What it wrote; read it with `logLines`. */
  logs: LogEntry[];
  exited: Latch<ExitStatus>;
  argv: string[];
}

/** A pod sandbox: network namespace, IP and volumes. */
export interface Sandbox {
  id: string;
  podUid: string;
  ip: string;
  net: PodNetwork;
  hostname: string;
  /** Volume name → directory tree (emptyDir trees, or hostPath subtrees of the node). */
  volumes: Map<string, FsDir>;
  ready: boolean;
  /** When it was created (virtual ms). */
  createdMs: number;
}

/** Why a container could not start. */
export interface StartError {
  reason: "StartError";
  message: string;
  exitCode: 128;
}

/** A node's container runtime. */
export class ContainerRuntime {
  private nextIp = 2;
  /** Listeners for container exits (the PLEG relists; this is how it learns of changes). */
  onContainerEvent?: (c: RuntimeContainer) => void;

  constructor(
    private readonly kernel: Kernel,
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
    private readonly cluster: ClusterNetwork,
    /** Node-wide pod CIDR prefix, e.g. `10.244.1.` */
    private readonly podCidrPrefix: string,
    private readonly epochMs: number,
  ) {}

  /** Current virtual time. */
  now(): number {
    return this.clock.now();
  }

  private hexId(): string {
    let s = "";
    for (let i = 0; i < 8; i++) s += this.random.int(0, 0xffffffff).toString(16).padStart(8, "0");
    return s;
  }

  /** RunPodSandbox: a network namespace with the next free IP. */
  runPodSandbox(podUid: string, hostname: string): Sandbox {
    const ip = `${this.podCidrPrefix}${this.nextIp++}`;
    return {
      id: this.hexId(),
      podUid,
      ip,
      net: new PodNetwork(ip, this.cluster),
      hostname,
      volumes: new Map(),
      ready: true,
      createdMs: this.clock.now(),
    };
  }

  /** StopPodSandbox: tears the network namespace down. */
  stopPodSandbox(sb: Sandbox): void {
    sb.ready = false;
    sb.net.detach();
  }

  /** CreateContainer: prepares the filesystem and namespaces; nothing runs yet. */
  createContainer(
    sb: Sandbox,
    spec: ContainerConfig,
    image: RuntimeImage,
    attempt: number,
  ): RuntimeContainer {
    // Why ownsRoot: buildRootfs gives each container its own copy of the image's tree.
    const fs = new Filesystem(image.buildRootfs(), () => this.epochMs + this.clock.now(), {
      ownsRoot: true,
    });
    for (const m of spec.volumeMounts ?? []) {
      let root = sb.volumes.get(m.name);
      if (!root) continue;
      if (m.subPath) {
        let sub = root.entries.get(m.subPath);
        if (sub?.kind !== "dir") {
          sub = newDir(this.clock.now());
          treeChanged(root);
          root.entries.set(m.subPath, sub);
        }
        root = sub;
      }
      fs.mount(m.mountPath, root, !!m.readOnly);
    }
    const ns = new ContainerNamespace(
      this.kernel,
      fs,
      sb.net,
      sb.hostname,
      this.random.fork(`${sb.podUid}/${spec.name}/${attempt}`),
    );
    const c: RuntimeContainer = {
      id: this.hexId(),
      name: spec.name,
      attempt,
      image,
      state: "created",
      createdAtMs: this.clock.now(),
      ns,
      logs: [],
      exited: new Latch<ExitStatus>(),
      argv: containerArgv(spec, image),
    };
    return c;
  }

  /** The environment a container's processes start with. */
  private containerEnv(spec: ContainerConfig, image: RuntimeImage, hostname: string): Map<string, string> {
    const env = new Map<string, string>(Object.entries(image.env));
    if (!env.has("PATH")) env.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.set("HOSTNAME", hostname);
    env.set("HOME", "/root");
    env.set("PODLIFE_EPOCH_MS", String(this.epochMs));
    for (const e of spec.env ?? []) env.set(e.name, expandKubeVars(e.value ?? "", env));
    return env;
  }

  /** StartContainer: runs PID 1. Fails with StartError (exit 128) when the executable is missing. */
  startContainer(sb: Sandbox, c: RuntimeContainer, spec: ContainerConfig): StartError | undefined {
    const env = this.containerEnv(spec, c.image, sb.hostname);
    const argv = c.argv.map((a) => expandKubeVars(a, env));
    // The log's last entry when it is deferred lines that later lines may join, and its stream.
    // Why kept here: the request path asks for it on every request; every push below updates it.
    let joinable: JoinableText | undefined;
    let joinableStream: "stdout" | "stderr" = "stdout";
    const sink = (stream: "stdout" | "stderr"): DeferringSink => {
      const write = (text: string) => {
        if (!text) return;
        // Why: a server often writes the same line twice in a row (two probes in the same second);
        // the second shares the first's string.
        const last = c.logs[c.logs.length - 1];
        const previous = last && "text" in last ? last.text : undefined;
        c.logs.push({ atMs: this.clock.now(), stream, text: previous === text ? previous : flatten(text) });
        joinable?.close();
        joinable = undefined;
      };
      const deferred: DeferredWriter = (lines) => {
        c.logs.push({ stream, lines });
        joinable?.close();
        joinable = "join" in lines ? (lines as JoinableText) : undefined;
        joinableStream = stream;
      };
      deferred.joinable = () => (joinableStream === stream ? joinable : undefined);
      return Object.assign(write, { [DEFERRED]: deferred });
    };
    const cwd = spec.workingDir || c.image.workingDir || "/";
    if (argv.length === 0) {
      return this.failStart(c, "no command specified: unknown");
    }
    const r = c.ns.spawn({ argv, env, cwd, stdout: sink("stdout"), stderr: sink("stderr") });
    if (!r.ok) {
      const what = argv[0] ?? "";
      const detail = what.includes("/")
        ? `exec: "${what}": stat ${what}: no such file or directory`
        : `exec: "${what}": executable file not found in $PATH`;
      return this.failStart(c, `${detail}: unknown`);
    }
    c.state = "running";
    c.startedAtMs = this.clock.now();
    c.ns.onInitExit = (status) => this.containerExited(c, status);
    return undefined;
  }

  private failStart(c: RuntimeContainer, detail: string): StartError {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}`;
    c.state = "exited";
    c.startedAtMs = this.clock.now();
    c.finishedAtMs = this.clock.now();
    c.exitCode = 128;
    c.reason = "StartError";
    c.message = message;
    c.exited.fire({ code: 128 });
    this.onContainerEvent?.(c);
    return { reason: "StartError", message, exitCode: 128 };
  }

  private containerExited(c: RuntimeContainer, status: ExitStatus): void {
    if (c.state === "exited") return;
    c.state = "exited";
    c.finishedAtMs = this.clock.now();
    c.exitCode = status.code;
    if (status.signal) c.signal = status.signal;
    c.reason = status.code === 0 ? "Completed" : "Error";
    c.exited.fire(status);
    this.onContainerEvent?.(c);
  }

  /**
   * StopContainer: sends the image's stop signal to PID 1, waits up to `timeoutSeconds`, then
   * SIGKILLs. Resolves when the container has exited.
   */
  *stopContainer(c: RuntimeContainer, timeoutSeconds: number, hooks?: StopHooks): Task<void> {
    if (c.state !== "running") return;
    const sig = c.image.stopSignal;
    const pid1 = (s: Signal) => ({
      argv0: c.ns.argvOf(1)?.[0] ?? c.argv[0] ?? "PID 1",
      disposition: c.ns.disposition(1, s),
    });
    hooks?.onSignal?.(sig, pid1(sig));
    c.ns.signal(1, sig);
    if (c.state === "running") {
      const winner = yield {
        race: [{ latch: c.exited as Latch<unknown> }, { sleep: timeoutSeconds * 1000 }],
      };
      if (winner === 1 && c.state === "running") {
        hooks?.onSignal?.("SIGKILL", pid1(sig));
        c.ns.signal(1, "SIGKILL");
      }
    }
    if ((c.state as string) !== "exited") yield { latch: c.exited as Latch<unknown> };
  }

  /** ExecSync: runs a command in the container; times out after `timeoutMs` (the process is left running). */
  *execSync(
    sb: Sandbox,
    c: RuntimeContainer,
    spec: ContainerConfig,
    argv: string[],
    timeoutMs?: number,
    stdin?: string,
  ): Task<ExecOutcome> {
    if (c.state !== "running" || c.ns.dead) {
      return { kind: "error", message: `container is not running` };
    }
    // Why: an exec is a new process set up by the runtime (runc exec), which takes a moment.
    yield { sleep: EXEC_START_MS };
    if (c.state !== "running" || c.ns.dead) {
      return { kind: "error", message: `container is not running` };
    }
    let stdout = "";
    let stderr = "";
    const env = this.containerEnv(spec, c.image, sb.hostname);
    const done = new Latch<ExitStatus>();
    const r = c.ns.spawn(
      {
        argv,
        env,
        cwd: spec.workingDir || c.image.workingDir || "/",
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        ...(stdin !== undefined ? { stdin } : {}),
      },
      0,
    );
    if (!r.ok) {
      const what = argv[0] ?? "";
      return {
        kind: "error",
        message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${what}": ${what.includes("/") ? `stat ${what}: no such file or directory` : "executable file not found in $PATH"}: unknown`,
      };
    }
    c.ns.onExit(r.pid, (s) => done.fire(s));
    const waits: Await[] = [{ latch: done as Latch<unknown> }, { latch: c.exited as Latch<unknown> }];
    if (timeoutMs !== undefined) waits.push({ sleep: timeoutMs });
    const winner = yield { race: waits };
    if (winner === 2) return { kind: "timeout", stdout, stderr };
    const status = done.value ?? { code: 137 };
    return { kind: "exited", code: status.code, stdout, stderr };
  }

  /** Formats a container id as the API shows it. */
  static containerId(c: RuntimeContainer): string {
    return `containerd://${c.id}`;
  }
}

/** Callbacks while stopping a container (for the timeline). */
export interface StopHooks {
  /**
   * A signal is about to be sent to PID 1: `pid1` is its command and how it reacts to the signal
   * (`catch`: it has a handler; `default` for PID 1 means the kernel drops the signal).
   */
  onSignal?: (sig: Signal, pid1: { argv0: string; disposition: Disposition | undefined }) => void;
}

/** How an exec ended. */
export type ExecOutcome =
  | { kind: "exited"; code: number; stdout: string; stderr: string }
  | { kind: "timeout"; stdout: string; stderr: string }
  | { kind: "error"; message: string };

/**
 * The process a container runs: `command` replaces the image ENTRYPOINT (and drops its CMD),
 * `args` replaces CMD — Kubernetes' rule (DOC "Define a command and arguments for a container").
 */
export function containerArgv(
  spec: ContainerConfig,
  image: { entrypoint: string[]; cmd: string[] },
): string[] {
  if (spec.command && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  if (spec.args && spec.args.length > 0) return [...image.entrypoint, ...spec.args];
  return [...image.entrypoint, ...image.cmd];
}

/** Expands `$(VAR)` references as the kubelet does (`$$(VAR)` escapes; unknown ones stay as written). */
export function expandKubeVars(text: string, env: Map<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === "$$") return "$";
    const v = name ? env.get(name) : undefined;
    return v ?? m;
  });
}

/** Parses a stop signal name from an image config. */
export function stopSignalOf(text: string | undefined): Signal {
  return (text && parseSignal(text)) || "SIGTERM";
}

/**
 * A flat copy of a string. Log lines are built by concatenation, which V8 keeps as a tree of
 * pieces (a "rope", tens of bytes per piece); a kept line is worth flattening once.
 */
function flatten(text: string): string {
  // Why: a log line is built by concatenation, a tree of V8 cons strings several times its size.
  // Reading a character flattens it in place (`Number(text)`, the old `flatstr` idiom, no longer
  // does on current V8); a long run keeps hundreds of thousands of lines.
  text.charCodeAt(0);
  return text;
}
