/**
 * nginx's request handling for the simulation: choose the server by port and Host, the location
 * (exact `=`, then longest prefix, `^~`, then regexes in order), then answer with `return`,
 * `try_files` or a static file under `root`/`alias` with `index` — and nginx's own error pages and
 * error-log lines (`open() "…" failed (2: No such file or directory)`, `directory index of "…" is
 * forbidden`) when that fails.
 */
import type { HttpRequest, HttpResponse } from "../../network.ts";
import type { Filesystem } from "../../vfs.ts";
import {
  type Directive,
  errnoNumber,
  NGINX_PREFIX,
  type NginxConfig,
  type NginxLocation,
  type NginxServer,
} from "./config.ts";

/** The answer plus what nginx writes to its error log about it (`[error]` level). */
export interface NginxServeResult {
  response: HttpResponse;
  errorLog?: string;
}

const REASONS: Record<number, string> = {
  301: "Moved Permanently",
  302: "Found",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Not Allowed",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

const MIME: Record<string, string> = {
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  js: "application/javascript",
  json: "application/json",
  txt: "text/plain",
  xml: "text/xml",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  ico: "image/x-icon",
};

/** nginx's built-in error page (`ngx_http_special_response.c`, `server_tokens on`). */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function inherited(name: string, levels: Directive[][]): Directive | undefined {
  for (const l of levels) {
    const d = l.find((x) => x.name === name);
    if (d) return d;
  }
  return undefined;
}

function selectServer(cfg: NginxConfig, port: number, host: string): NginxServer | undefined {
  const candidates = cfg.servers.filter((s) => s.ports.includes(port));
  const name = host.replace(/:\d+$/, "");
  return (
    candidates.find((s) => s.serverNames.includes(name)) ??
    candidates.find((s) => s.defaultServer) ??
    candidates[0]
  );
}

function selectLocation(server: NginxServer, uri: string): NginxLocation | undefined {
  const exact = server.locations.find((l) => l.modifier === "=" && l.pattern === uri);
  if (exact) return exact;
  let best: NginxLocation | undefined;
  for (const l of server.locations) {
    if ((l.modifier === "" || l.modifier === "^~") && uri.startsWith(l.pattern)) {
      if (!best || l.pattern.length > best.pattern.length) best = l;
    }
  }
  if (best?.modifier === "^~") return best;
  return server.locations.find((l) => l.regex?.test(uri)) ?? best;
}

/** Answers one request for the server listening on `req.port`. */
export function serveNginx(
  cfg: NginxConfig,
  fs: Filesystem,
  req: HttpRequest,
  version: string,
): NginxServeResult {
  const server = selectServer(cfg, req.port, req.host);
  if (!server) return { response: { status: 404, body: nginxErrorPage(404, version) } };
  const uri = decodeURIComponent(req.path.split("?")[0] || "/");
  return handle(cfg, fs, server, req, uri, version, 0);
}

function handle(
  cfg: NginxConfig,
  fs: Filesystem,
  server: NginxServer,
  req: HttpRequest,
  uri: string,
  version: string,
  redirects: number,
): NginxServeResult {
  const loc = selectLocation(server, uri);
  const levels = [loc?.directives ?? [], server.directives, cfg.http];
  const headers = { Server: `nginx/${version}` };
  const error = (status: number, errorLog?: string): NginxServeResult => {
    const page = inherited(
      "error_page",
      [loc?.directives ?? [], server.directives, cfg.http].map((l) =>
        l.filter((d) => d.name === "error_page" && d.args.slice(0, -1).includes(String(status))),
      ),
    );
    if (page && redirects < 5) {
      const target = page.args[page.args.length - 1]!;
      const r = handle(cfg, fs, server, req, target, version, redirects + 1);
      if (r.response.status === 200) {
        return { response: { ...r.response, status }, ...(errorLog ? { errorLog } : {}) };
      }
    }
    const res: NginxServeResult = {
      response: {
        status,
        body: nginxErrorPage(status, version),
        headers: { ...headers, "Content-Type": "text/html" },
      },
    };
    if (errorLog) res.errorLog = errorLog;
    return res;
  };

  const ret = loc?.directives.find((d) => d.name === "return");
  if (ret) {
    const code = Number(ret.args[0]);
    if (Number.isNaN(code)) return redirect(302, ret.args[0] ?? "/", headers);
    if (code >= 301 && code <= 308) return redirect(code, ret.args[1] ?? "", headers);
    if (ret.args.length > 1) {
      return {
        response: {
          status: code,
          body: ret.args[1]!,
          headers: { ...headers, "Content-Type": "application/octet-stream" },
        },
      };
    }
    return error(code);
  }
  if (req.method !== "GET" && req.method !== "HEAD") return error(405);

  const alias = loc?.directives.find((d) => d.name === "alias")?.args[0];
  const root = inherited("root", levels)?.args[0] ?? "html";
  const toPath = (u: string): string =>
    alias !== undefined && loc
      ? `${alias}${u.slice(loc.pattern.length)}`
      : `${root.startsWith("/") ? root : `${NGINX_PREFIX}/${root}`}${u}`;

  const tryFiles = inherited("try_files", levels);
  if (tryFiles && redirects < 5) {
    const args = tryFiles.args;
    for (const a of args.slice(0, -1)) {
      const u = a.replaceAll("$uri", uri);
      const node = fs.peek(toPath(u));
      if (node?.kind === "file" || (node?.kind === "dir" && u.endsWith("/"))) return staticFile(u);
    }
    const last = args[args.length - 1] ?? "=404";
    if (last.startsWith("=")) return error(Number(last.slice(1)) || 404);
    return handle(cfg, fs, server, req, last.replaceAll("$uri", uri), version, redirects + 1);
  }
  return staticFile(uri);

  function staticFile(u: string): NginxServeResult {
    const path = toPath(u);
    if (u.endsWith("/")) {
      const indexes = inherited("index", levels)?.args ?? ["index.html"];
      for (const name of indexes) {
        const node = fs.peek(`${path}${name}`);
        if (node?.kind === "file") return file(`${path}${name}`, node.data);
      }
      const dir = fs.peek(path);
      if (dir?.kind === "dir") {
        if (inherited("autoindex", levels)?.args[0] === "on") return listing(u, path);
        return error(403, `directory index of "${path}" is forbidden`);
      }
      const first = `${path}${indexes[0] ?? "index.html"}`;
      const why = dir ? "ENOTDIR" : "ENOENT";
      return error(
        404,
        `"${first}" is not found (${errnoNumber(why)}: ${why === "ENOENT" ? "No such file or directory" : "Not a directory"})`,
      );
    }
    const r = fs.readFile(path);
    if (r.ok) return file(path, r.value);
    if (r.errno === "EISDIR") return redirect(301, `http://${req.host}${u}/`, headers, version);
    return error(
      r.errno === "EACCES" ? 403 : 404,
      `open() "${path}" failed (${errnoNumber(r.errno)}: ${r.errno === "ENOENT" ? "No such file or directory" : r.errno === "EACCES" ? "Permission denied" : "Not a directory"})`,
    );
  }

  function file(path: string, data: string): NginxServeResult {
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    const type = MIME[ext] ?? inherited("default_type", levels)?.args[0] ?? "text/plain";
    return {
      response: {
        status: 200,
        body: req.method === "HEAD" ? "" : data,
        headers: { ...headers, "Content-Type": type },
      },
    };
  }

  function listing(u: string, path: string): NginxServeResult {
    const names = fs.readdir(path);
    const rows = (names.ok ? names.value : [])
      .map((n) => (fs.peek(`${path}${n}`)?.kind === "dir" ? `${n}/` : n))
      .map((n) => `<a href="${n}">${n}</a>\r\n`)
      .join("");
    const body = `<html>\r\n<head><title>Index of ${u}</title></head>\r\n<body>\r\n<h1>Index of ${u}</h1><hr><pre><a href="../">../</a>\r\n${rows}</pre><hr></body>\r\n</html>\r\n`;
    return { response: { status: 200, body, headers: { ...headers, "Content-Type": "text/html" } } };
  }
}

function redirect(
  status: number,
  location: string,
  headers: Record<string, string>,
  version?: string,
): NginxServeResult {
  const v = version ?? headers.Server?.replace("nginx/", "") ?? "";
  return {
    response: {
      status,
      body: nginxErrorPage(status, v),
      headers: { ...headers, Location: location, "Content-Type": "text/html" },
    },
  };
}
