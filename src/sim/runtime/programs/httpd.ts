/**
 * Apache httpd from the `httpd` image: `httpd-foreground` removes a stale pid file and execs
 * `httpd -DFOREGROUND`, which listens on the `Listen` ports of httpd.conf (80), serves
 * `DocumentRoot` (`/usr/local/apache2/htdocs`: "It works!"), and logs in Apache's formats.
 * SIGWINCH (the image's STOPSIGNAL) is a graceful stop, SIGTERM/SIGINT a stop, both exit 0.
 * Without `-DFOREGROUND` httpd detaches and the foreground process exits 0.
 */
import type { ProcessBody, ProcessContext } from "../kernel.ts";
import type { HttpRequest, HttpResponse, Listener } from "../network.ts";
import { execProgram, findProgram } from "./exec.ts";
import { clientAddress } from "./nginx/nginx.ts";
import { catchSignals, nextSignal, sleepThrough } from "./syscalls.ts";
import { apacheTime, clfTime, wallTimeMs } from "./wallclock.ts";

/** Program ids. */
export const HTTPD_PROGRAM = "httpd/httpd";
export const HTTPD_FOREGROUND_PROGRAM = "httpd/httpd-foreground";

/** Where the image installs Apache. */
export const HTTPD_PREFIX = "/usr/local/apache2";
const PID_FILE = `${HTTPD_PREFIX}/logs/httpd.pid`;

/** `httpd-foreground`. */
export function* httpdForeground(ctx: ProcessContext): ProcessBody {
  ctx.fs.remove(PID_FILE);
  const found = findProgram(ctx, "httpd");
  if (!found.ok) {
    ctx.stderr(`${ctx.argv[0]}: 7: exec: httpd: not found\n`);
    return 127;
  }
  return yield* execProgram(ctx, found.program, ["httpd", "-DFOREGROUND", ...ctx.argv.slice(1)]);
}

function notFoundPage(): string {
  return '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
}

/** `httpd [-DFOREGROUND] [-v]`. */
export function* httpd(ctx: ProcessContext): ProcessBody {
  const version = ctx.env.get("HTTPD_VERSION") ?? "2.4.65";
  if (ctx.argv.includes("-v")) {
    ctx.stdout(`Server version: Apache/${version} (Unix)\nServer built:   Jul 23 2025 00:00:00\n`);
    return 0;
  }
  const foreground = ctx.argv.some(
    (a, i) => a === "-DFOREGROUND" || (a === "-D" && ctx.argv[i + 1] === "FOREGROUND"),
  );
  if (!foreground) {
    const child = ctx.spawn({
      argv: [...ctx.argv, "-DFOREGROUND"],
      program: HTTPD_PROGRAM,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    return child.ok ? 0 : 1;
  }
  const conf = ctx.fs.readFile(`${HTTPD_PREFIX}/conf/httpd.conf`);
  if (!conf.ok) {
    ctx.stderr(
      `httpd: Could not open configuration file ${HTTPD_PREFIX}/conf/httpd.conf: No such file or directory\n`,
    );
    return 1;
  }
  const ports = [...conf.value.matchAll(/^\s*Listen\s+(?:\S+:)?(\d+)/gm)].map((m) => Number(m[1]));
  const docRoot = /^\s*DocumentRoot\s+"?([^"\s]+)"?/m.exec(conf.value)?.[1] ?? `${HTTPD_PREFIX}/htdocs`;
  const hasServerName = /^\s*ServerName\s+/m.test(conf.value);
  catchSignals(ctx, ["SIGTERM", "SIGINT", "SIGWINCH", "SIGHUP", "SIGUSR1"]);
  const err = (module: string, msg: string) =>
    ctx.stderr(`[${apacheTime(wallTimeMs(ctx))}] [${module}] [pid ${ctx.pid}:tid ${ctx.pid}] ${msg}\n`);
  const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.ns.net.ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  if (!hasServerName) ctx.stderr(fqdn);
  yield* sleepThrough(ctx, 40);
  const handler = (req: HttpRequest): HttpResponse => {
    const path = req.path.split("?")[0] ?? "/";
    const target = `${docRoot}${path.endsWith("/") ? `${path}index.html` : path}`;
    const r = ctx.fs.readFile(target);
    const res: HttpResponse = r.ok ? { status: 200, body: r.value } : { status: 404, body: notFoundPage() };
    const size = r.ok ? new TextEncoder().encode(res.body).length : 196;
    ctx.stdout(
      `${req.client ?? clientAddress(ctx)} - - [${clfTime(wallTimeMs(ctx))}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${size}\n`,
    );
    return res;
  };
  const listeners: Listener[] = [];
  for (const port of ports.length ? ports : [80]) {
    const l: Listener = { port, http: handler, accepting: true, owner: "httpd" };
    if (!ctx.ns.net.listen(ctx.ns, ctx.pid, l)) {
      ctx.stderr(
        `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`,
      );
      return 1;
    }
    listeners.push(l);
  }
  if (!hasServerName) ctx.stderr(fqdn);
  ctx.fs.writeFile(PID_FILE, `${ctx.pid}\n`);
  err("mpm_event:notice", `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
  err("core:notice", "AH00094: Command line: 'httpd -D FOREGROUND'");
  for (;;) {
    const sig = yield* nextSignal();
    if (sig === "SIGWINCH" || sig === "SIGTERM" || sig === "SIGINT") {
      err(
        "mpm_event:notice",
        sig === "SIGWINCH"
          ? "AH00492: caught SIGWINCH, shutting down gracefully"
          : "AH00491: caught SIGTERM, shutting down",
      );
      for (const l of listeners) l.accepting = false;
      if (sig === "SIGWINCH") yield* sleepThrough(ctx, 100);
      ctx.fs.remove(PID_FILE);
      return 0;
    }
    if (sig === "SIGHUP") err("mpm_event:notice", "AH00494: SIGHUP received.  Attempting to restart");
    if (sig === "SIGUSR1") err("mpm_event:notice", "AH00493: SIGUSR1 received.  Doing graceful restart");
  }
}

/** A minimal `conf/httpd.conf` with the stock image's effective settings. */
export const HTTPD_CONF = `ServerRoot "/usr/local/apache2"
Listen 80
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule dir_module modules/mod_dir.so
LoadModule log_config_module modules/mod_log_config.so
User www-data
Group www-data
ServerAdmin you@example.com
DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
DirectoryIndex index.html
ErrorLog /proc/self/fd/2
LogLevel warn
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
CustomLog /proc/self/fd/1 common
`;
