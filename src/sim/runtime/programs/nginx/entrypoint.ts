/**
 * The nginx image's `/docker-entrypoint.sh`: when the command is `nginx`, it runs the scripts in
 * `/docker-entrypoint.d/` (enable IPv6 listen in the packaged default.conf, envsubst templates
 * from `/etc/nginx/templates`, …) with their real log lines, then `exec "$@"`.
 */
import type { ProcessBody, ProcessContext } from "../../kernel.ts";
import { execProgram, findProgram } from "../exec.ts";
import { sleepThrough } from "../syscalls.ts";
import { DEFAULT_CONF } from "./files.ts";

/** Program id. */
export const NGINX_ENTRYPOINT_PROGRAM = "nginx/docker-entrypoint";

const ENTRYPOINT_D = "/docker-entrypoint.d";
const DEFAULT_CONF_FILE = "/etc/nginx/conf.d/default.conf";

/** `/docker-entrypoint.sh "$@"`. */
export function* nginxEntrypoint(ctx: ProcessContext): ProcessBody {
  const me = ctx.argv[0] ?? "/docker-entrypoint.sh";
  const quiet = (ctx.env.get("NGINX_ENTRYPOINT_QUIET_LOGS") ?? "") !== "";
  const log = (line: string): void => {
    if (!quiet) ctx.stdout(`${line}\n`);
  };
  const args = ctx.argv.slice(1);
  if (args[0] === "nginx" || args[0] === "nginx-debug") {
    const listed = ctx.fs.readdir(ENTRYPOINT_D);
    const files = (listed.ok ? listed.value : []).filter(
      (n) => ctx.fs.peek(`${ENTRYPOINT_D}/${n}`)?.kind === "file",
    );
    if (files.length === 0) {
      log(`${me}: No files found in ${ENTRYPOINT_D}/, skipping configuration`);
    } else {
      log(`${me}: ${ENTRYPOINT_D}/ is not empty, will attempt to perform configuration`);
      log(`${me}: Looking for shell scripts in ${ENTRYPOINT_D}/`);
      for (const name of files.sort(versionSort)) {
        const path = `${ENTRYPOINT_D}/${name}`;
        const node = ctx.fs.peek(path);
        const executable = node?.kind === "file" && (node.mode & 0o111) !== 0;
        if (name.endsWith(".envsh") || name.endsWith(".sh")) {
          if (!executable) {
            log(`${me}: Ignoring ${path}, not executable`);
            continue;
          }
          log(`${me}: ${name.endsWith(".envsh") ? "Sourcing" : "Launching"} ${path}`);
          const code = yield* runScript(ctx, name, path, log);
          if (code !== 0) return code;
        } else log(`${me}: Ignoring ${path}`);
      }
      log(`${me}: Configuration complete; ready for start up`);
    }
  }
  if (args.length === 0) return 0;
  const found = findProgram(ctx, args[0]!);
  if (!found.ok) {
    const why = found.errno === "ENOENT" ? "not found" : "Permission denied";
    ctx.stderr(`${me}: 47: exec: ${args[0]}: ${why}\n`);
    return found.errno === "ENOENT" ? 127 : 126;
  }
  return yield* execProgram(ctx, found.program, args);
}

/** Runs one entrypoint script: the image's own are emulated, others go to `/bin/sh`. */
function* runScript(ctx: ProcessContext, name: string, path: string, log: (l: string) => void): ProcessBody {
  yield* sleepThrough(ctx, 3);
  switch (name) {
    case "10-listen-on-ipv6-by-default.sh":
      listenOnIpv6(ctx, name, log);
      return 0;
    case "20-envsubst-on-templates.sh":
      envsubstTemplates(ctx, name, log);
      return 0;
    case "15-local-resolvers.envsh":
    case "30-tune-worker-processes.sh":
      // Both act only when their NGINX_ENTRYPOINT_* variable is set; silent otherwise.
      return 0;
  }
  const child = ctx.spawn({ argv: ["/bin/sh", path], stdout: ctx.stdout, stderr: ctx.stderr });
  if (!child.ok) return 126;
  for (;;) {
    const r = yield { op: "wait", pid: child.pid };
    if (r.kind === "exited") return r.status.code;
    if (r.kind === "nochild") return 0;
  }
}

function listenOnIpv6(ctx: ProcessContext, me: string, log: (l: string) => void): void {
  const current = ctx.fs.readFile(DEFAULT_CONF_FILE);
  if (!current.ok) {
    log(`${me}: info: ${DEFAULT_CONF_FILE} is not a file or does not exist`);
    return;
  }
  if (!ctx.fs.writeFile(DEFAULT_CONF_FILE, current.value).ok) {
    log(`${me}: info: can not modify ${DEFAULT_CONF_FILE} (read-only file system?)`);
    return;
  }
  if (current.value.includes("listen  [::]:80;")) {
    log(`${me}: info: IPv6 listen already enabled`);
    return;
  }
  log(`${me}: info: Getting the checksum of ${DEFAULT_CONF_FILE}`);
  if (current.value !== DEFAULT_CONF) {
    log(`${me}: info: ${DEFAULT_CONF_FILE} differs from the packaged version`);
    return;
  }
  ctx.fs.writeFile(
    DEFAULT_CONF_FILE,
    current.value.replace("listen       80;", "listen       80;\n    listen  [::]:80;"),
  );
  log(`${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF_FILE}`);
}

function envsubstTemplates(ctx: ProcessContext, me: string, log: (l: string) => void): void {
  const dir = ctx.env.get("NGINX_ENVSUBST_TEMPLATE_DIR") ?? "/etc/nginx/templates";
  const suffix = ctx.env.get("NGINX_ENVSUBST_TEMPLATE_SUFFIX") ?? ".template";
  const out = ctx.env.get("NGINX_ENVSUBST_OUTPUT_DIR") ?? "/etc/nginx/conf.d";
  const listed = ctx.fs.readdir(dir);
  if (!listed.ok) return;
  for (const name of listed.value.filter((n) => n.endsWith(suffix))) {
    const template = `${dir}/${name}`;
    const target = `${out}/${name.slice(0, -suffix.length)}`;
    const text = ctx.fs.readFile(template);
    if (!text.ok) continue;
    log(`${me}: Running envsubst on ${template} to ${target}`);
    const substituted = text.value.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (m, a, b) => {
        const v = ctx.env.get((a ?? b) as string);
        return v === undefined ? m : v;
      },
    );
    if (!ctx.fs.writeFile(target, substituted).ok) {
      log(`${me}: ERROR: ${dir} exists, but ${out} is not writable`);
      return;
    }
  }
}

/** `sort -V` for the simple names in /docker-entrypoint.d: digit runs compare as numbers. */
export function versionSort(a: string, b: string): number {
  const ca = chunksOf(a);
  const cb = chunksOf(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** Names split into digit and non-digit runs, remembered: every nginx start sorts the same names. */
const chunks = new Map<string, readonly string[]>();

function chunksOf(name: string): readonly string[] {
  let c = chunks.get(name);
  if (!c) {
    c = name.match(/\d+|\D+/g) ?? [];
    if (chunks.size >= 256) chunks.clear();
    chunks.set(name, c);
  }
  return c;
}
