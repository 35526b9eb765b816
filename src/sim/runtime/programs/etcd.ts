/**
 * `etcd` from `registry.k8s.io/etcd`: a single-member cluster that elects itself leader about a
 * second after start, then serves clients on `--listen-client-urls` (default
 * `http://localhost:2379`) with the gRPC health service reporting SERVING and `/health`,
 * `/version` over HTTP. Logs are etcd 3.5's zap JSON lines. SIGTERM/SIGINT close the server; as
 * PID 1 etcd then exits 0 (pkg/osutil/interrupt_unix.go), otherwise it re-raises the signal.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import { connect, type HttpRequest, type HttpResponse, type Listener } from "../network.ts";
import type { Signal } from "../signals.ts";
import { ownExecutable } from "./exec.ts";
import { parseFlags } from "./flags.ts";
import { goFatalSignal, installGoSignals, reraise } from "./go-runtime.ts";
import { listenPort } from "./nginx/config.ts";
import { nextSignal, sleepUntil } from "./syscalls.ts";
import { isoTime, wallTimeMs } from "./wallclock.ts";

/** Program ids of `/usr/local/bin/etcd` and `etcdctl`. */
export const ETCD_PROGRAM = "etcd/etcd";
export const ETCDCTL_PROGRAM = "etcd/etcdctl";

/** What an etcd binary "contains": its version, read back by `etcdVersionOf`. */
export function etcdBuildInfo(version: string): string {
  return `etcd-version=${version}\n`;
}

function etcdVersionOf(ctx: ProcessContext): string {
  return /etcd-version=(\S+)/.exec(ownExecutable(ctx))?.[1] ?? "3.5.21";
}

/** Time from start until the single member is leader and serving clients. */
const READY_MS = 1_050;
const MEMBER_ID = "8e9e05c52164694d";

/** Ports named by a comma-separated URL list (`http://0.0.0.0:2379,http://127.0.0.1:4001`). */
function urlPorts(list: string): number[] {
  return list
    .split(",")
    .map((u) => listenPort(u.replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "")))
    .filter((p): p is number => p !== undefined);
}

/** `etcd [flags]`. */
export function* etcd(ctx: ProcessContext): ProcessBody {
  const flags = parseFlags(ctx.argv.slice(1), ["version", "debug", "enable-v2"]);
  const version = etcdVersionOf(ctx);
  if (flags.values.get("version") === "true") {
    ctx.stdout(`etcd Version: ${version}\nGit SHA: a17edfd\nGo Version: go1.23.7\nGo OS/Arch: linux/amd64\n`);
    return 0;
  }
  const opt = (name: string, fallback: string) =>
    flags.values.get(name) ?? ctx.env.get(`ETCD_${name.toUpperCase().replaceAll("-", "_")}`) ?? fallback;
  const name = opt("name", "default");
  const dataDir = opt("data-dir", `${name}.etcd`);
  const clientUrls = opt("listen-client-urls", "http://localhost:2379");
  const peerUrls = opt("listen-peer-urls", "http://localhost:2380");
  const advertise = opt("advertise-client-urls", "http://localhost:2379");
  const metricsUrls = opt("listen-metrics-urls", "");
  const debug = opt("log-level", "info") === "debug";
  const fatal = installGoSignals(ctx, ["SIGTERM", "SIGINT"]);

  const log = (level: string, caller: string, msg: string, fields: Record<string, unknown> = {}): void => {
    if (level === "debug" && !debug) return;
    ctx.stderr(`${JSON.stringify({ level, ts: isoTime(wallTimeMs(ctx)), caller, msg, ...fields })}\n`);
  };
  log("info", "etcdmain/etcd.go:73", "Running: ", { args: [...ctx.argv] });
  log("info", "embed/etcd.go:128", "configuring peer listeners", { "listen-peer-urls": peerUrls.split(",") });
  log("info", "embed/etcd.go:136", "configuring client listeners", {
    "listen-client-urls": clientUrls.split(","),
  });
  log("info", "embed/etcd.go:311", "starting an etcd server", {
    "etcd-version": version,
    "go-version": "go1.23.7",
    "go-os": "linux",
    "go-arch": "amd64",
    name,
    "data-dir": dataDir,
    "advertise-client-urls": advertise.split(","),
  });
  ctx.fs.mkdir(`${dataDir}/member/snap`, true);
  ctx.fs.mkdir(`${dataDir}/member/wal`, true);

  const start = ctx.now();
  for (
    let sig = yield* sleepUntil(ctx, start + READY_MS);
    sig;
    sig = yield* sleepUntil(ctx, start + READY_MS)
  ) {
    if (sig === "SIGTERM" || sig === "SIGINT") return yield* shutdown(sig);
    if (fatal.includes(sig)) return goFatalSignal(ctx, sig);
  }
  log("info", "raft/raft.go:1019", `${MEMBER_ID} is starting a new election at term 1`);
  log("info", "raft/raft.go:771", `${MEMBER_ID} became leader at term 2`);
  log("info", "etcdserver/server.go:2068", "published local member to cluster through raft", {
    "local-member-id": MEMBER_ID,
    "local-member-attributes": `{Name:${name} ClientURLs:[${advertise.split(",").join(" ")}]}`,
    "cluster-id": "cdf818194e3a8c32",
    "publish-timeout": "7s",
  });

  const http = (req: HttpRequest): HttpResponse => {
    const path = req.path.split("?")[0];
    if (path === "/health" || path === "/livez" || path === "/readyz") {
      return { status: 200, body: path === "/health" ? '{"health":"true","reason":""}' : "ok" };
    }
    if (path === "/version")
      return { status: 200, body: `{"etcdserver":"${version}","etcdcluster":"3.5.0"}` };
    if (path === "/metrics")
      return {
        status: 200,
        body: "# HELP etcd_server_has_leader Whether or not a leader exists.\netcd_server_has_leader 1\n",
      };
    return { status: 404, body: "404 page not found\n" };
  };
  const listeners: Listener[] = [];
  for (const port of [...new Set([...urlPorts(clientUrls), ...urlPorts(metricsUrls)])]) {
    const l: Listener = { port, http, grpcHealth: () => "SERVING", accepting: true, owner: "etcd" };
    if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) {
      log("fatal", "etcdmain/etcd.go:204", "discovery failed", {
        error: `listen tcp :${port}: bind: address already in use`,
      });
      return 1;
    }
    listeners.push(l);
  }
  for (const port of urlPorts(peerUrls))
    ctx.ns.net.listen(ctx.ns, ctx.pid, { port, accepting: true, owner: "etcd" });
  log("info", "embed/serve.go:103", "ready to serve client requests");
  log("info", "etcdmain/main.go:44", "notifying init daemon");
  log("info", "etcdmain/main.go:50", "successfully notified init daemon");
  for (const u of clientUrls.split(",")) {
    log("info", "embed/serve.go:187", "serving client traffic insecurely; this is strongly discouraged!", {
      address: u
        .replace(/^[a-z]+:\/\//, "")
        .replace(/^(0\.0\.0\.0|localhost)/, (h) => (h === "localhost" ? "127.0.0.1" : "[::]")),
    });
  }
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGTERM" || sig === "SIGINT") return yield* shutdown(sig);
    if (fatal.includes(sig)) return goFatalSignal(ctx, sig);
  }

  function* shutdown(sig: Signal): ProcessBody {
    log("info", "osutil/interrupt_unix.go:64", "received signal; shutting down", {
      signal: sig === "SIGINT" ? "interrupt" : "terminated",
    });
    log("info", "embed/etcd.go:375", "closing etcd server", { name, "data-dir": dataDir });
    for (const l of listeners) l.accepting = false;
    yield* sleepUntil(ctx, ctx.now() + 20);
    log("info", "etcdserver/server.go:1523", "skipped leadership transfer for single voting member cluster", {
      "local-member-id": MEMBER_ID,
    });
    log("info", "embed/etcd.go:377", "closed etcd server", { name, "data-dir": dataDir });
    // Why: "exit directly if it is the init process, since the kernel will not help to kill pid 1".
    if (ctx.pid === 1) return 0;
    return yield* reraise(ctx, sig, 0);
  }
}

/**
 * `etcdctl [--endpoints=…] endpoint health|status` and `version`; other commands are not simulated.
 */
export function* etcdctl(ctx: ProcessContext): ProcessBody {
  const flags = parseFlags(ctx.argv.slice(1), ["write-out", "cluster"]);
  const [cmd, sub] = flags.positional;
  const version = etcdVersionOf(ctx);
  yield { op: "cpu", ms: 2 }; // a connection round trip
  if (cmd === "version") {
    ctx.stdout(`etcdctl version: ${version}\nAPI version: 3.5\n`);
    return 0;
  }
  const endpoints = (
    flags.values.get("endpoints") ??
    ctx.env.get("ETCDCTL_ENDPOINTS") ??
    "127.0.0.1:2379"
  ).split(",");
  if (cmd === "endpoint" && (sub === "health" || sub === "status")) {
    let failed = false;
    for (const e of endpoints) {
      const hostPort = e.replace(/^[a-z]+:\/\//, "");
      const host = hostPort.replace(/:\d+$/, "");
      const port = Number(/:(\d+)$/.exec(hostPort)?.[1] ?? 2379);
      const ok = connect(ctx.ns.net, host, port).ok;
      if (sub === "health") {
        if (ok) ctx.stdout(`${e} is healthy: successfully committed proposal: took = 1.602ms\n`);
        else {
          failed = true;
          ctx.stderr(`${e} is unhealthy: failed to commit proposal: context deadline exceeded\n`);
        }
      } else if (ok) ctx.stdout(`${e}, ${MEMBER_ID}, ${version}, 20 kB, true, false, 2, 4, 4, \n`);
      else failed = true;
    }
    if (failed && sub === "health") ctx.stderr("Error: unhealthy cluster\n");
    return failed ? 1 : 0;
  }
  ctx.stderr(`podlife: etcdctl ${[cmd, sub].filter(Boolean).join(" ")} is not simulated\n`);
  return 1;
}
