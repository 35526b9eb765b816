/**
 * `agnhost` (registry.k8s.io/e2e-test-images/agnhost), the Kubernetes e2e Swiss-army server. The
 * subcommands the docs and tests use are simulated: `liveness`, `netexec`, `serve-hostname`,
 * `pause` and `test-webserver`; others say they are not simulated and exit 1.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import type { HttpRequest, HttpResponse } from "../network.ts";
import { intFlag, parseFlags } from "./flags.ts";
import { GO_NOT_FOUND, goListen, goServeForever, splitTarget } from "./go-http.ts";
import { goFatalSignal, goLogPrefix, installGoSignals } from "./go-runtime.ts";
import { livenessServer } from "./liveness.ts";
import { catchSignals, nextSignal, sleepUntil } from "./syscalls.ts";
import { wallTimeMs } from "./wallclock.ts";

/** Program id of `/agnhost`. */
export const AGNHOST_PROGRAM = "agnhost/agnhost";

const SUBCOMMANDS = [
  "audit-proxy",
  "connect",
  "crd-conversion-webhook",
  "dns-server-list",
  "dns-suffix",
  "entrypoint-tester",
  "etc-hosts",
  "fake-gitserver",
  "grpc-health-checking",
  "guestbook",
  "inclusterclient",
  "liveness",
  "logs-generator",
  "mounttest",
  "net",
  "netexec",
  "nettest",
  "no-snat-test",
  "no-snat-test-proxy",
  "pause",
  "port-forward-tester",
  "porter",
  "resource-consumer-controller",
  "serve-hostname",
  "test-webserver",
  "webhook",
];

/** `/agnhost <subcommand> [flags]`. */
export function* agnhost(ctx: ProcessContext): ProcessBody {
  const sub = ctx.argv[1];
  const args = ctx.argv.slice(2);
  if (sub === undefined || sub === "help" || sub === "--help" || sub === "-h") {
    ctx.stdout(
      `Usage:\n  agnhost [flags]\n  agnhost [command]\n\nAvailable Commands:\n${SUBCOMMANDS.map((s) => `  ${s}`).join("\n")}\n\nUse "agnhost [command] --help" for more information about a command.\n`,
    );
    return 0;
  }
  switch (sub) {
    case "liveness":
      return yield* livenessServer(ctx);
    case "netexec":
      return yield* netexec(ctx, args);
    case "serve-hostname":
      return yield* serveHostname(ctx, args);
    case "pause":
      return yield* agnhostPause(ctx);
    case "test-webserver":
      return yield* testWebserver(ctx, args);
  }
  if (SUBCOMMANDS.includes(sub)) {
    ctx.stderr(`podlife: agnhost ${sub} is not simulated\n`);
    return 1;
  }
  ctx.stderr(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
  return 1;
}

/** Go's `time.Time.String()` for a UTC wall time (`2025-01-01 00:00:05.123 +0000 UTC`). */
function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ""} +0000 UTC`;
}

/**
 * `agnhost netexec`: `/` (time), `/hostname`, `/echo?msg=`, `/clientip`, `/header?key=`,
 * `/healthz`, `/readyz`, `/exit?code=`, `/shutdown`. With `--delay-shutdown=N` it handles SIGTERM:
 * `/readyz` turns 503 and it exits 0 after N seconds.
 */
function* netexec(ctx: ProcessContext, args: string[]): ProcessBody {
  const flags = parseFlags(args);
  const port = intFlag(flags, "http-port", 8080);
  const delayShutdown = intFlag(flags, "delay-shutdown", 0);
  let exitCode: number | undefined;
  let terminating = false;
  const log = (msg: string) => ctx.stderr(`${goLogPrefix(wallTimeMs(ctx))}${msg}\n`);
  const handler = (req: HttpRequest, nowMs: number): HttpResponse => {
    const { path, query } = splitTarget(req.path);
    switch (path) {
      case "/":
        return { status: 200, body: `NOW: ${goTime(wallTimeMs(ctx) - ctx.now() + nowMs)}` };
      case "/hostname":
        return { status: 200, body: ctx.ns.hostname };
      case "/echo":
        return { status: Number(query.get("code")) || 200, body: query.get("msg") ?? "" };
      case "/clientip":
        return {
          status: 200,
          body: `${ctx.ns.net.ip.split(".").slice(0, 3).join(".")}.1:${40000 + (nowMs % 20000)}`,
        };
      case "/header": {
        const key = (query.get("key") ?? "").toLowerCase();
        const hit = Object.entries(req.headers).find(([k]) => k.toLowerCase() === key);
        return { status: 200, body: hit?.[1] ?? "" };
      }
      case "/healthz":
        return { status: 200, body: "" };
      case "/readyz":
        return terminating ? { status: 503, body: "" } : { status: 200, body: "" };
      case "/exit": {
        const code = Number.parseInt(query.get("code") ?? "0", 10);
        if (Number.isNaN(code) || code < 0 || code > 127) return { status: 400, body: "bad exit code\n" };
        exitCode = code;
        // Why: the handler cannot block; a self-signal wakes the main loop, which then exits.
        ctx.kill(ctx.pid, "SIGUSR2");
        return { status: 204, body: "" };
      }
      case "/shutdown":
        if (listener) listener.accepting = false;
        return { status: 200, body: "" };
    }
    return GO_NOT_FOUND;
  };
  const listener = goListen(ctx, port, handler, "agnhost");
  if (!listener) return 1;
  log(`Started HTTP server on port ${port}`);
  log(`Started UDP server on port  ${intFlag(flags, "udp-port", 8081)}`);
  const fatal = installGoSignals(ctx, delayShutdown > 0 ? ["SIGTERM"] : []);
  catchSignals(ctx, ["SIGUSR2"]);
  let exitAt = Number.POSITIVE_INFINITY;
  for (;;) {
    if (exitCode !== undefined) return exitCode;
    if (ctx.now() >= exitAt) return 0;
    const sig = Number.isFinite(exitAt) ? yield* sleepUntil(ctx, exitAt) : yield* nextSignal();
    if (sig === undefined || sig === "SIGUSR2") continue;
    if (sig === "SIGTERM" && delayShutdown > 0) {
      if (!terminating) {
        terminating = true;
        log(`Sleeping ${delayShutdown} seconds before terminating...`);
        exitAt = ctx.now() + delayShutdown * 1000;
      }
      continue;
    }
    if (fatal.includes(sig)) return goFatalSignal(ctx, sig);
  }
}

/**
 * `agnhost serve-hostname`: answers every request on :9376 with the pod's hostname. On SIGTERM it
 * logs and then waits 60 s for the pod to be deleted (serve_hostname.go).
 */
function* serveHostname(ctx: ProcessContext, args: string[]): ProcessBody {
  const flags = parseFlags(args, ["http", "tcp", "udp", "close"]);
  const port = intFlag(flags, "port", 9376);
  const log = (msg: string) => ctx.stderr(`${goLogPrefix(wallTimeMs(ctx))}${msg}\n`);
  if (!goListen(ctx, port, () => ({ status: 200, body: ctx.ns.hostname }), "agnhost")) return 1;
  log(`Serving on port ${port}.`);
  const fatal = installGoSignals(ctx, ["SIGTERM"]);
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGTERM") {
      log("Shutting down after receiving signal: terminated.");
      log("Awaiting pod deletion.");
      yield* sleepUntil(ctx, ctx.now() + 60_000);
      return 0;
    }
    if (fatal.includes(sig)) return goFatalSignal(ctx, sig);
  }
}

/** `agnhost pause`: prints `Paused`; SIGINT exits 1, SIGTERM exits 2 (agnhost/pause/pause.go). */
function* agnhostPause(ctx: ProcessContext): ProcessBody {
  ctx.stdout("Paused\n");
  catchSignals(ctx, ["SIGINT", "SIGTERM", "SIGQUIT"]);
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGINT") return 1;
    if (sig === "SIGTERM") return 2;
    if (sig === "SIGQUIT") return goFatalSignal(ctx, sig);
  }
}

/** `agnhost test-webserver`: a file server for `/` on :80 (Go's `http.FileServer`). */
function* testWebserver(ctx: ProcessContext, args: string[]): ProcessBody {
  const port = intFlag(parseFlags(args), "port", 80);
  const handler = (req: HttpRequest): HttpResponse => {
    const { path } = splitTarget(req.path);
    const node = ctx.fs.stat(path);
    if (node?.kind === "file") return { status: 200, body: node.data };
    if (node?.kind === "dir") {
      const names = ctx.fs.readdir(path);
      const rows = (names.ok ? names.value : []).map((n) => `<a href="${n}">${n}</a>\n`).join("");
      return {
        status: 200,
        body: `<pre>\n${rows}</pre>\n`,
        headers: { "Content-Type": "text/html; charset=utf-8" },
      };
    }
    return GO_NOT_FOUND;
  };
  if (!goListen(ctx, port, handler, "agnhost")) return 1;
  return yield* goServeForever(ctx);
}
