/**
 * Network tools over the pod network: busybox `wget` and `nc` as clients, and busybox `nc -l` and
 * `httpd` as servers. Requests reach the listening program's handler synchronously; a handler's
 * `delayMs` is virtual time the client waits (and may time out on).
 */
import type { ProcessBody, Program } from "../kernel.ts";
import { connect, type HttpRequest, type HttpResponse, type Listener } from "../network.ts";
import { resolvePath } from "../vfs.ts";
import { blockingTool, parseOptions, type Tool, type ToolStyle } from "./tool.ts";

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The reason phrase of an HTTP status. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "";
}

/**
 * Resolves a host name the way the container would: localhost, its own hostname, IP literals,
 * then the cluster DNS for Service names (the pod's `resolv.conf` searches its namespace).
 */
function resolveHost(t: Tool, host: string): string | undefined {
  if (host === "localhost" || host === "::1") return "127.0.0.1";
  if (host === t.ctx.ns.hostname) return t.ctx.ns.net.ip;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  return t.ctx.ns.net.cluster.router?.resolve(host, "default");
}

interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!m) return undefined;
  const scheme = m[1] ?? "http";
  return { host: m[2]!, port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

function* wget(t: Tool, args: string[]): ProcessBody {
  const o = parseOptions(args, "qO:T:SsU:Y:cP:", {
    quiet: "q",
    "output-document": "O",
    timeout: "T",
    spider: "s",
    "user-agent": "U",
    header: "H",
    "server-response": "S",
    "no-check-certificate": "n",
    proxy: "Y",
  });
  const headerValues = args.flatMap((a, i) =>
    a === "--header" ? [args[i + 1] ?? ""] : a.startsWith("--header=") ? [a.slice(9)] : [],
  );
  const quiet = o.flags.has("q");
  const timeoutMs = o.values.has("T") ? Number(o.values.get("T")) * 1000 : 900_000;
  const rawUrl = o.operands.find((a) => !headerValues.includes(a));
  if (!rawUrl) {
    t.ctx.stderr(
      "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n",
    );
    return 1;
  }
  const url = parseUrl(rawUrl);
  if (!url) {
    t.error(`bad address '${rawUrl}'`);
    return 1;
  }
  const ip = resolveHost(t, url.host);
  if (!ip) {
    t.error(`bad address '${url.host}'`);
    return 1;
  }
  if (!quiet) t.ctx.stderr(`Connecting to ${url.host}:${url.port} (${ip}:${url.port})\n`);
  const c = connect(t.ctx.ns.net, ip, url.port);
  if (!c.ok) {
    t.error(
      `can't connect to remote host (${ip}): ${c.error === "refused" ? "Connection refused" : "No route to host"}`,
    );
    return 1;
  }
  if (!c.listener.http) {
    t.error("error getting response: Connection reset by peer");
    return 1;
  }
  const headers: Record<string, string> = { "User-Agent": o.values.get("U") ?? "Wget" };
  for (const h of headerValues) {
    const i = h.indexOf(":");
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const req: HttpRequest = {
    method: o.flags.has("s") ? "HEAD" : "GET",
    path: url.path,
    host: `${url.host}:${url.port}`,
    // The server's own port: a Service may map its port to another target port.
    port: c.listener.port,
    headers,
    client: t.ctx.ns.net.ip,
  };
  const res: HttpResponse = c.listener.http(req, t.ctx.now());
  const delay = res.delayMs ?? 0;
  if (delay > 0) yield { op: "sleep", ms: Math.min(delay, timeoutMs) };
  if (delay > timeoutMs) {
    t.error("download timed out");
    return 1;
  }
  if (o.flags.has("S")) t.ctx.stderr(`  HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\n`);
  if (res.status >= 400) {
    t.error(`server returned error: HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}`);
    return 1;
  }
  if (o.flags.has("s")) {
    if (!quiet) t.ctx.stderr("remote file exists\n");
    return 0;
  }
  const out =
    o.values.get("O") ??
    (url.path
      .replace(/[?#].*$/, "")
      .split("/")
      .pop() ||
      "index.html");
  const progress = (name: string) =>
    `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(res.body.length).padStart(5)}  0:00:00 ETA\n`;
  if (out === "-") {
    if (!quiet) t.ctx.stderr("writing to stdout\n");
    t.out(res.body);
    if (!quiet) t.ctx.stderr(`${progress("-")}written to stdout\n`);
    return 0;
  }
  const path = resolvePath(t.ctx.cwd, out);
  if (!o.values.has("O") && t.ctx.fs.exists(path)) {
    t.error(`can't open '${out}': File exists`);
    return 1;
  }
  if (!quiet) t.ctx.stderr(`saving to '${out}'\n`);
  const w = t.ctx.fs.writeFile(path, res.body);
  if (!w.ok) {
    t.error(`can't open '${out}': ${w.errno === "ENOENT" ? "No such file or directory" : w.errno}`);
    return 1;
  }
  if (!quiet) t.ctx.stderr(`${progress(out)}'${out}' saved\n`);
  return 0;
}

/** Listens on a port until killed; returns the bind error status when the port is taken. */
function* serve(t: Tool, listener: Listener): ProcessBody {
  if (!t.ctx.ns.net.listen(t.ctx.ns, t.ctx.pid, listener)) {
    t.error("bind: Address in use");
    return 1;
  }
  for (;;) yield { op: "pause" };
}

function* nc(t: Tool, args: string[]): ProcessBody {
  const o = parseOptions(args, "zvlkp:w:e:nu");
  if (o.flags.has("l")) {
    const port = Number(o.values.get("p") ?? o.operands[o.operands.length - 1]);
    if (!Number.isInteger(port) || port <= 0) {
      t.error("bad port");
      return 1;
    }
    return yield* serve(t, { port, accepting: true, owner: "nc" });
  }
  const [host, portArg] = o.operands;
  const port = Number(portArg);
  if (!host || !Number.isInteger(port)) {
    t.ctx.stderr(
      "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n",
    );
    return 1;
  }
  const ip = resolveHost(t, host);
  if (!ip) {
    t.error(`bad address '${host}'`);
    return 1;
  }
  const c = connect(t.ctx.ns.net, ip, port);
  if (!c.ok) {
    if (!o.flags.has("z") || o.flags.has("v"))
      t.error(
        `can't connect to remote host (${ip}): ${c.error === "refused" ? "Connection refused" : "No route to host"}`,
      );
    return 1;
  }
  if (o.flags.has("v")) t.ctx.stderr(`${host} (${ip}:${port}) open\n`);
  if (o.flags.has("z")) return 0;
  const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(t.ctx.stdin);
  if (request && c.listener.http) {
    const res = c.listener.http(
      { method: request[1]!, path: request[2]!, host: `${host}:${port}`, port, headers: {} },
      t.ctx.now(),
    );
    if (res.delayMs) yield { op: "sleep", ms: res.delayMs };
    const headers = Object.entries(res.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    t.out(
      `HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\r\n${headers}Content-Length: ${res.body.length}\r\n\r\n${res.body}`,
    );
  }
  return 0;
}

const NOT_FOUND_PAGE =
  "<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n";

/** busybox `httpd -f -p PORT -h DIR`: serves files; without `-f` it daemonizes (the parent exits 0). */
function* httpd(t: Tool, args: string[]): ProcessBody {
  const o = parseOptions(args, "fvp:h:c:r:u:");
  if (!o.flags.has("f")) {
    const child = t.ctx.spawn({
      argv: [...t.ctx.argv, "-f"],
      stdout: t.ctx.stdout,
      stderr: t.ctx.stderr,
      program: "busybox/httpd",
    });
    return child.ok ? 0 : 1;
  }
  const portSpec = o.values.get("p") ?? "80";
  const port = Number(portSpec.slice(portSpec.lastIndexOf(":") + 1));
  const home = resolvePath(t.ctx.cwd, o.values.get("h") ?? ".");
  const fs = t.ctx.fs;
  const listener: Listener = {
    port,
    accepting: true,
    owner: "httpd",
    http: (req) => {
      let path = resolvePath(home, `.${decodeURIComponent(req.path.split("?")[0] ?? "/")}`);
      if (fs.stat(path)?.kind === "dir") path = resolvePath(path, "index.html");
      const r = fs.readFile(path);
      if (!r.ok) return { status: 404, body: NOT_FOUND_PAGE, headers: { "Content-Type": "text/html" } };
      return {
        status: 200,
        body: r.value,
        headers: { "Content-Type": path.endsWith(".html") ? "text/html" : "application/octet-stream" },
      };
    },
  };
  return yield* serve(t, listener);
}

/** Network tools by name, for a given message style. */
export const netTools: Record<string, (style: ToolStyle) => Program> = {
  wget: (s) => blockingTool(s, wget),
  nc: (s) => blockingTool(s, nc),
  httpd: (s) => blockingTool(s, httpd),
};
