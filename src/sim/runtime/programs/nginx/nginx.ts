/**
 * The `nginx` binary: the master process (config, pid file, listening sockets, worker processes,
 * signals), its workers, and the `-s`, `-t`, `-v` command-line modes.
 *
 * Signals as nginx's master handles them (`ngx_process_cycle.c`): SIGQUIT graceful shutdown
 * (stop accepting, let workers finish in-flight requests), SIGTERM/SIGINT fast shutdown, SIGHUP
 * reload, SIGUSR1 reopen logs. `nginx -s quit|stop|reload|reopen` reads the pid file and sends
 * SIGQUIT/SIGTERM/SIGHUP/SIGUSR1. Without `daemon off;` nginx forks into the background and the
 * foreground process exits 0 — as PID 1 that ends the container, as in real life.
 */
import { deferredWriter, type JoinableText } from "../../deferred-output.ts";
import type { ProcessBody, ProcessContext, Syscall, SyscallResult } from "../../kernel.ts";
import type { HttpRequest, HttpResponse, Listener } from "../../network.ts";
import { type Signal, signalNumber } from "../../signals.ts";
import { strerror } from "../../vfs.ts";
import { type LogSink, logSink } from "../log-sink.ts";
import { catchSignals, nextSignal, sleepThrough } from "../syscalls.ts";
import { clfTime, nginxTime, wallTimeMs } from "../wallclock.ts";
import { errnoNumber, loadNginxConfig, NGINX_CONF, type NginxConfig } from "./config.ts";
import { NginxResponseCache } from "./response-cache.ts";

/** Program ids. */
export const NGINX_PROGRAM = "nginx/nginx";
export const NGINX_MASTER_PROGRAM = "nginx/master";
export const NGINX_WORKER_PROGRAM = "nginx/worker";

const DEFAULT_VERSION = "1.29.1";
/** How long workers take to finish in-flight requests on a graceful shutdown. */
const GRACEFUL_DRAIN_MS = 100;
/** Start-up cost before the sockets are bound (config parsing, module init). */
const STARTUP_MS = [40, 100] as const;

const SIGNAL_OPTIONS: Record<string, Signal> = {
  stop: "SIGTERM",
  quit: "SIGQUIT",
  reopen: "SIGUSR1",
  reload: "SIGHUP",
};

interface Options {
  signal?: string;
  test: boolean;
  version: 0 | 1 | 2;
  conf: string;
  globals: string;
  error?: string;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { test: false, version: 0, conf: NGINX_CONF, globals: "" };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = a.slice(0, 2);
    if (a === "-t" || a === "-T") o.test = true;
    else if (a === "-v") o.version = 1;
    else if (a === "-V") o.version = 2;
    else if (a === "-q" || a === "-h" || a === "-?") continue;
    else if (VALUE_FLAGS.has(flag)) {
      // The option's value: the rest of the argument, or the next one. Why no helper closure:
      // every nginx start parses its options twice, and a named closure per option is a cost.
      const value = a.length > 2 ? a.slice(2) : argv[++i];
      if (flag === "-s") o.signal = value;
      else if (flag === "-c") o.conf = value ?? NGINX_CONF;
      else if (flag === "-g") o.globals = value ?? "";
    } else o.error = `nginx: invalid option: "${a.replace(/^-/, "")}"`;
  }
  return o;
}

/** Options that take a value (`-p` and `-e` are accepted and ignored). */
const VALUE_FLAGS: ReadonlySet<string> = new Set(["-s", "-c", "-g", "-p", "-e"]);

const versionOf = (ctx: ProcessContext): string => ctx.env.get("NGINX_VERSION") ?? DEFAULT_VERSION;

/** `nginx …` as run from a shell, a hook, or an image's CMD. */
export function* nginx(ctx: ProcessContext): ProcessBody {
  const o = parseOptions(ctx.argv);
  const version = versionOf(ctx);
  if (o.error) {
    ctx.stderr(`${o.error}\n`);
    return 1;
  }
  if (o.version) {
    ctx.stderr(`nginx version: nginx/${version}\n`);
    if (o.version === 2)
      ctx.stderr(
        "built by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.15 3 Sep 2024\nTLS SNI support enabled\n",
      );
    return 0;
  }
  const loaded = loadNginxConfig(ctx.fs, o.conf, o.globals);
  if (o.test) {
    if (!loaded.ok) {
      ctx.stderr(`${loaded.error}\nnginx: configuration file ${o.conf} test failed\n`);
      return 1;
    }
    ctx.stderr(
      `nginx: the configuration file ${o.conf} syntax is ok\nnginx: configuration file ${o.conf} test is successful\n`,
    );
    return 0;
  }
  if (!loaded.ok) {
    ctx.stderr(`${loaded.error}\n`);
    return 1;
  }
  if (o.signal !== undefined) return signalMaster(ctx, loaded.config, o.signal);
  if (loaded.config.daemon) {
    // Why: nginx daemonizes by default; the process the container started exits at once.
    const child = ctx.spawn({
      argv: [...ctx.argv],
      program: NGINX_MASTER_PROGRAM,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    return child.ok ? 0 : 1;
  }
  return yield* master(ctx);
}

function signalMaster(ctx: ProcessContext, cfg: NginxConfig, name: string): number {
  const sig = SIGNAL_OPTIONS[name];
  if (!sig) {
    ctx.stderr(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  const r = ctx.fs.readFile(cfg.pidPath);
  if (!r.ok) {
    ctx.stderr(
      `nginx: [error] open() "${cfg.pidPath}" failed (${errnoNumber(r.errno)}: ${strerror(r.errno)})\n`,
    );
    return 1;
  }
  const text = r.value.trim();
  if (!/^\d+$/.test(text)) {
    ctx.stderr(`nginx: [error] invalid PID number "${text}" in "${cfg.pidPath}"\n`);
    return 1;
  }
  logSink(
    ctx,
    cfg.errorLog,
  )(`${nginxTime(wallTimeMs(ctx))} [notice] ${ctx.pid}#${ctx.pid}: signal process started\n`);
  if (!ctx.kill(Number(text), sig)) {
    ctx.stderr(`nginx: [alert] kill(${text}, ${signalNumber(sig)}) failed (3: No such process)\n`);
    return 1;
  }
  return 0;
}

/** The master process (`nginx -g 'daemon off;'` as PID 1, or the daemonized child). */
export function* master(ctx: ProcessContext): ProcessBody {
  const version = versionOf(ctx);
  catchSignals(ctx, ["SIGQUIT", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH"]);
  const o = parseOptions(ctx.argv);
  yield* sleepThrough(ctx, ctx.random.int(STARTUP_MS[0], STARTUP_MS[1]));
  const first = loadNginxConfig(ctx.fs, o.conf, o.globals);
  if (!first.ok) {
    ctx.stderr(`${first.error}\n`);
    return 1;
  }
  let cfg = first.config;
  let errorLog = logSink(ctx, cfg.errorLog);
  const me = `${ctx.pid}#${ctx.pid}`;
  const notice = (msg: string, who = me): void =>
    errorLog(`${nginxTime(wallTimeMs(ctx))} [notice] ${who}: ${msg}\n`);
  let connection = 0;
  let workers: number[] = [];
  const listeners = new Map<number, Listener>();

  // Why: nginx opens its access log once per configuration (a reload reopens it), not per request.
  const accessLogs = new WeakMap<NginxConfig, LogSink>();
  const accessLogOf = (c: NginxConfig): LogSink => {
    let sink = accessLogs.get(c);
    if (!sink) accessLogs.set(c, (sink = accessLog(c, ctx)));
    return sink;
  };

  const answers = new NginxResponseCache();
  // The node's bridge address, worked out once per pod IP (every probe request comes from it).
  let bridgeFor = "";
  let bridge = "";
  // The request `handler` answered last without an error-log line, for `repeatHttp` and for
  // answering the same request again: with what the answer and its line were made from.
  let last:
    | {
        req: HttpRequest;
        response: HttpResponse;
        /** The access log line at a virtual time (the line differs only in its time). */
        line: (atMs: number) => string;
        /** The deferred lines in the access log this line last joined. */
        joined?: JoinableText;
        config: NginxConfig;
        generation: number;
        ip: string;
        sink: LogSink;
      }
    | undefined;
  const handler: Listener["http"] = (req) => {
    connection++;
    if (
      last !== undefined &&
      last.req === req &&
      last.config === cfg &&
      last.generation === ctx.fs.generation() &&
      last.ip === ctx.ns.net.ip &&
      Object.isFrozen(req) &&
      Object.isFrozen(req.headers)
    ) {
      // Why: the same frozen request (the traffic generator sends one object over and over) with
      // the same configuration and files gets the same answer from the response cache, from the
      // same client address (the pod IP's bridge), so the line differs only in its time; nginx
      // opens its access log once per configuration, so the sink is the same too.
      // Why joined when it can be: the log's last write is a run of probe lines this line falls
      // after (see `ProbeRunLines`); the line is then made when the log is read, from its time.
      // Why the one joined last while still open: it is still the last write to the log the sink
      // goes to (a running process's output is not redirected under it; the probes' deferral keeps
      // its writer the same way), and finding it again reads several objects per request.
      let open = last.joined;
      if (open === undefined || !open.open) open = last.joined = deferredWriter(last.sink)?.joinable?.();
      if (open === undefined || !open.join(ctx.now(), last.line)) last.sink(last.line(ctx.now()));
      return last.response;
    }
    const w = workers[0] ?? ctx.pid;
    // Why before the line is written: a log written to a file changes the files the answer came from.
    const generation = ctx.fs.generation();
    const r = answers.serve(cfg, ctx.fs, req, version);
    let client = req.client;
    if (client === undefined) {
      if (ctx.ns.net.ip !== bridgeFor) {
        bridgeFor = ctx.ns.net.ip;
        bridge = clientAddress(ctx);
      }
      client = bridge;
    }
    const request = `${req.method} ${req.path} HTTP/1.1`;
    if (r.errorLog) {
      errorLog(
        `${nginxTime(wallTimeMs(ctx))} [error] ${w}#${w}: *${connection} ${r.errorLog}, client: ${client}, server: ${serverName(cfg, req.port)}, request: "${request}", host: "${req.host}"\n`,
      );
    }
    const agent = headerValue(req.headers, "user-agent") ?? "-";
    const lineEnd = `] "${request}" ${r.response.status} ${byteLength(r.response.body)} "-" "${agent}" "-"\n`;
    const lineStart = `${client} - - [`;
    // Why fixed: the epoch of a process's clock does not change (see `wallTimeMs`).
    const epochMs = wallTimeMs(ctx) - ctx.now();
    const line = (atMs: number): string => `${lineStart}${clfTime(epochMs + atMs)}${lineEnd}`;
    const sink = accessLogOf(cfg);
    sink(line(ctx.now()));
    last = r.errorLog
      ? undefined
      : {
          req,
          response: r.response,
          line,
          config: cfg,
          generation,
          ip: ctx.ns.net.ip,
          sink,
        };
    return r.response;
  };
  const repeatHttp: Listener["repeatHttp"] = (req) => {
    if (!last || last.req !== req) return undefined;
    const { response, line } = last;
    const config = cfg;
    const generation = ctx.fs.generation();
    const ip = ctx.ns.net.ip;
    const sink = accessLogOf(cfg);
    // Why: a line appended to a file is a change to the files, which the answer depends on.
    if (sink.file !== undefined) return undefined;
    return {
      response,
      // Why these: the answer depends on the configuration and the files (as the response cache
      // says), the client address on the pod IP; the rest of the line is the request's own.
      valid: () => cfg === config && ctx.fs.generation() === generation && ctx.ns.net.ip === ip,
      serve: () => {
        connection++;
        sink(line(ctx.now()));
      },
      deferral: () => {
        const writer = deferredWriter(sink);
        return (
          writer && {
            writer,
            line,
            served: (n) => {
              connection += n;
            },
          }
        );
      },
    };
  };

  /** Binds the configured ports (retrying as nginx does); false when it gave up. */
  function* bindAll(): Generator<Syscall, boolean, SyscallResult> {
    const wanted = [...new Set(cfg.servers.flatMap((s) => s.ports))].sort((a, b) => a - b);
    for (const port of [...listeners.keys()]) {
      if (!wanted.includes(port)) {
        ctx.ns.net.close(port);
        listeners.delete(port);
      }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = wanted.filter((port) => {
        if (listeners.has(port)) return false;
        const l: Listener = { port, http: handler, repeatHttp, accepting: false, owner: "nginx" };
        if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) return true;
        listeners.set(port, l);
        return false;
      });
      if (failed.length === 0) return true;
      for (const port of failed) {
        const msg = `bind() to 0.0.0.0:${port} failed (98: Address already in use)`;
        errorLog(`${nginxTime(wallTimeMs(ctx))} [emerg] ${me}: ${msg}\n`);
        ctx.stderr(`nginx: [emerg] ${msg}\n`);
      }
      yield* sleepThrough(ctx, 500);
    }
    errorLog(`${nginxTime(wallTimeMs(ctx))} [emerg] ${me}: still could not bind()\n`);
    ctx.stderr("nginx: [emerg] still could not bind()\n");
    return false;
  }

  const startWorkers = (): void => {
    notice("start worker processes");
    for (let i = 0; i < cfg.workerProcesses; i++) {
      const w = ctx.spawn({
        argv: ["nginx: worker process"],
        program: NGINX_WORKER_PROGRAM,
        stdout: ctx.stdout,
        stderr: ctx.stderr,
      });
      if (w.ok) {
        workers.push(w.pid);
        notice(`start worker process ${w.pid}`);
      }
    }
  };

  if (!(yield* bindAll())) return 1;
  const pidWrite = ctx.fs.writeFile(cfg.pidPath, `${ctx.pid}\n`);
  if (!pidWrite.ok) {
    const msg = `open() "${cfg.pidPath}" failed (${errnoNumber(pidWrite.errno)}: ${strerror(pidWrite.errno)})`;
    errorLog(`${nginxTime(wallTimeMs(ctx))} [emerg] ${me}: ${msg}\n`);
    ctx.stderr(`nginx: [emerg] ${msg}\n`);
    return 1;
  }
  notice('using the "epoll" event method');
  notice(`nginx/${version}`);
  notice("built by gcc 12.2.0 (Debian 12.2.0-14) ");
  notice("OS: Linux 6.8.0-1019-gke");
  notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  startWorkers();
  for (const l of listeners.values()) l.accepting = true;

  /** Waits for every worker in `pids` to exit, logging each as the master does. */
  function* reap(pids: number[]): Generator<Syscall, void, SyscallResult> {
    const left = new Set(pids);
    while (left.size > 0) {
      const r: SyscallResult = yield { op: "wait", pid: -1 };
      if (r.kind === "nochild") return;
      if (r.kind === "exited" && left.delete(r.pid)) {
        notice(`signal 17 (SIGCHLD) received from ${r.pid}`);
        notice(`worker process ${r.pid} exited with code ${r.status.code}`);
      }
    }
  }

  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGQUIT" || sig === "SIGTERM" || sig === "SIGINT") {
      const graceful = sig === "SIGQUIT";
      notice(`signal ${signalNumber(sig)} (${sig}) received, ${graceful ? "shutting down" : "exiting"}`);
      for (const l of listeners.values()) l.accepting = false;
      for (const w of workers) ctx.kill(w, graceful ? "SIGQUIT" : "SIGTERM");
      yield* reap(workers);
      ctx.fs.remove(cfg.pidPath);
      notice("exit");
      return 0;
    }
    if (sig === "SIGHUP") {
      notice("signal 1 (SIGHUP) received, reconfiguring");
      notice("reconfiguring");
      const next = loadNginxConfig(ctx.fs, o.conf, o.globals);
      if (!next.ok) {
        errorLog(
          `${nginxTime(wallTimeMs(ctx))} [emerg] ${me}: ${next.error.replace(/^nginx: \[emerg\] /, "")}\n`,
        );
        continue;
      }
      cfg = next.config;
      errorLog = logSink(ctx, cfg.errorLog);
      yield* bindAll();
      for (const l of listeners.values()) l.accepting = true;
      notice('using the "epoll" event method');
      const old = workers;
      workers = [];
      startWorkers();
      for (const w of old) ctx.kill(w, "SIGQUIT");
      yield* reap(old);
    } else if (sig === "SIGUSR1") {
      notice("signal 10 (SIGUSR1) received, reopening logs");
      notice("reopening logs");
    }
  }
}

/** A worker process: exits on the master's SIGQUIT (gracefully) or SIGTERM (at once). */
export function* worker(ctx: ProcessContext): ProcessBody {
  catchSignals(ctx, ["SIGQUIT", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGWINCH"]);
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGQUIT") {
      workerNotice(ctx, "gracefully shutting down");
      yield* sleepThrough(ctx, GRACEFUL_DRAIN_MS);
      workerNotice(ctx, "exiting");
      workerNotice(ctx, "exit");
      return 0;
    }
    if (sig === "SIGTERM" || sig === "SIGINT") {
      workerNotice(ctx, "exiting");
      workerNotice(ctx, "exit");
      return 0;
    }
  }
}

/** A worker's `[notice]` line on stderr (a function of its own: a worker starts per CPU per pod). */
function workerNotice(ctx: ProcessContext, msg: string): void {
  ctx.stderr(`${nginxTime(wallTimeMs(ctx))} [notice] ${ctx.pid}#${ctx.pid}: ${msg}\n`);
}

function accessLog(cfg: NginxConfig, ctx: ProcessContext): LogSink {
  const d = cfg.http.find((x) => x.name === "access_log");
  return logSink(ctx, d?.args[0] ?? "/var/log/nginx/access.log");
}

function serverName(cfg: NginxConfig, port: number): string {
  const s = cfg.servers.find((x) => x.ports.includes(port));
  return s?.serverNames[0] ?? "";
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const k in headers) if (k.toLowerCase() === name) return headers[k];
  return undefined;
}

const encoder = new TextEncoder();
/** The body last measured: a server sends the same page over and over. */
let lastBody = "";
let lastBodyBytes = 0;

function byteLength(s: string): number {
  if (s === lastBody) return lastBodyBytes;
  lastBody = s;
  lastBodyBytes = /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
  return lastBodyBytes;
}

/**
 * The address requests appear to come from: probes and node-local traffic reach a pod from the
 * node's bridge, the first address of the pod's /24 (`10.244.0.1` for `10.244.0.5`).
 */
export function clientAddress(ctx: ProcessContext): string {
  const parts = ctx.ns.net.ip.split(".");
  return parts.length === 4 ? `${parts.slice(0, 3).join(".")}.1` : "127.0.0.1";
}
