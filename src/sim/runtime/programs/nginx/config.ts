/**
 * Reads nginx configuration the way nginx does at start-up: tokens, blocks, `include` (with a glob
 * in the last path component), then the few directives the simulation acts on — `pid`, `daemon`,
 * `worker_processes`, logs, and per `server` its `listen` ports, `server_name`, `root`/`alias`,
 * `index`, `try_files`, `return`, `error_page` and `location` blocks. Other directives are kept
 * but not interpreted. Errors read like nginx's `[emerg]` lines.
 */
import type { Filesystem } from "../../vfs.ts";
import { resolvePath, strerror } from "../../vfs.ts";
import { ConfigCache, type ConfigReader } from "./config-cache.ts";

/** One directive with its arguments and, for block directives, its children. */
export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  file: string;
  line: number;
}

/** A `location` block. */
export interface NginxLocation {
  modifier: "" | "=" | "^~" | "~" | "~*";
  pattern: string;
  regex?: RegExp;
  directives: Directive[];
}

/** A `server` block. */
export interface NginxServer {
  ports: number[];
  defaultServer: boolean;
  serverNames: string[];
  directives: Directive[];
  locations: NginxLocation[];
}

/** What the simulated nginx needs from its configuration. */
export interface NginxConfig {
  /** The main configuration file. */
  file: string;
  pidPath: string;
  daemon: boolean;
  workerProcesses: number;
  /** `error_log` target path (or `stderr`). */
  errorLog: string;
  /** `http`-level directives (inherited by servers and locations). */
  http: Directive[];
  servers: NginxServer[];
}

/** Parse outcome; `error` is the full line nginx prints (`nginx: [emerg] …`). */
export type NginxConfigResult = { ok: true; config: NginxConfig } | { ok: false; error: string };

/** Where the nginx.org packages put things (`--prefix=/etc/nginx`, `--pid-path=/var/run/nginx.pid`). */
export const NGINX_PREFIX = "/etc/nginx";
export const NGINX_CONF = "/etc/nginx/nginx.conf";
export const NGINX_DEFAULT_PID = "/var/run/nginx.pid";
/** `worker_processes auto` resolves to the node's CPU count; simulated nodes have 2. */
const AUTO_WORKERS = 2;

class ConfigError extends Error {}

interface Token {
  text: string;
  quoted: boolean;
  line: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "{" || c === "}" || c === ";") {
      out.push({ text: c, quoted: false, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let s = "";
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\" && i + 1 < text.length) {
          const n = text[i + 1]!;
          s += n === "n" ? "\n" : n === "t" ? "\t" : n;
          i += 2;
          continue;
        }
        if (text[i] === "\n") line++;
        s += text[i++];
      }
      i++;
      out.push({ text: s, quoted: true, line: start });
    } else {
      let s = "";
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) s += text[i++];
      out.push({ text: s, quoted: false, line });
    }
  }
  return out;
}

function parseText(fs: ConfigReader, text: string, file: string, depth: number): Directive[] {
  const tokens = tokenize(text);
  let pos = 0;
  const lastLine = text.split("\n").length;
  const block = (nested: boolean): Directive[] => {
    const out: Directive[] = [];
    let words: Token[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++]!;
      if (!t.quoted && t.text === ";") {
        if (words.length === 0) throw new ConfigError(`unexpected ";" in ${file}:${t.line}`);
        const d: Directive = {
          name: words[0]!.text,
          args: words.slice(1).map((w) => w.text),
          file,
          line: words[0]!.line,
        };
        words = [];
        if (d.name === "include") out.push(...include(fs, d, depth));
        else out.push(d);
      } else if (!t.quoted && t.text === "{") {
        if (words.length === 0) throw new ConfigError(`unexpected "{" in ${file}:${t.line}`);
        const d: Directive = {
          name: words[0]!.text,
          args: words.slice(1).map((w) => w.text),
          file,
          line: words[0]!.line,
        };
        words = [];
        d.block = block(true);
        out.push(d);
      } else if (!t.quoted && t.text === "}") {
        if (words.length > 0) {
          throw new ConfigError(
            `directive "${words[0]!.text}" is not terminated by ";" in ${file}:${t.line}`,
          );
        }
        if (!nested) throw new ConfigError(`unexpected "}" in ${file}:${t.line}`);
        return out;
      } else words.push(t);
    }
    if (words.length > 0 || nested) {
      throw new ConfigError(
        `unexpected end of file, expecting ${nested ? '"}"' : '";" or "}"'} in ${file}:${lastLine}`,
      );
    }
    return out;
  };
  return block(false);
}

function include(fs: ConfigReader, d: Directive, depth: number): Directive[] {
  if (depth > 10) throw new ConfigError(`include nesting too deep in ${d.file}:${d.line}`);
  const pattern = resolvePath(NGINX_PREFIX, d.args[0] ?? "");
  const slash = pattern.lastIndexOf("/");
  const dir = pattern.slice(0, slash) || "/";
  const base = pattern.slice(slash + 1);
  let files: string[];
  if (base.includes("*") || base.includes("?")) {
    const re = new RegExp(
      `^${base
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    );
    const names = fs.readdir(dir);
    files = names.ok
      ? names.value.filter((n) => re.test(n)).map((n) => `${dir === "/" ? "" : dir}/${n}`)
      : [];
  } else files = [pattern];
  const out: Directive[] = [];
  for (const f of files) {
    const r = fs.readFile(f);
    if (!r.ok) {
      if (files.length > 1 && r.errno === "EISDIR") continue;
      throw new ConfigError(
        `open() "${f}" failed (${errnoNumber(r.errno)}: ${strerror(r.errno)}) in ${d.file}:${d.line}`,
      );
    }
    out.push(...parseText(fs, r.value, f, depth + 1));
  }
  return out;
}

/** Linux errno numbers nginx prints beside the message. */
export function errnoNumber(e: string): number {
  return (
    (
      { ENOENT: 2, EACCES: 13, EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EROFS: 30 } as Record<
        string,
        number
      >
    )[e] ?? 5
  );
}

/** The port of a `listen` argument (`80`, `[::]:80`, `0.0.0.0:8080`, `*:80`); undefined for unix sockets. */
export function listenPort(arg: string): number | undefined {
  if (arg.startsWith("unix:")) return undefined;
  const m = /^(?:\[[^\]]*\]:|[^:[\]]*:)?(\d+)$/.exec(arg);
  if (m) return Number(m[1]);
  return /^[\w.-]+$/.test(arg) && !/^\d+$/.test(arg) ? 80 : undefined;
}

function toServer(d: Directive): NginxServer {
  const directives = d.block ?? [];
  const ports = new Set<number>();
  let defaultServer = false;
  const serverNames: string[] = [];
  const locations: NginxLocation[] = [];
  for (const c of directives) {
    if (c.name === "listen") {
      const p = listenPort(c.args[0] ?? "");
      if (p !== undefined) ports.add(p);
      if (c.args.includes("default_server") || c.args.includes("default")) defaultServer = true;
    } else if (c.name === "server_name") serverNames.push(...c.args);
    else if (c.name === "location") locations.push(toLocation(c));
  }
  if (ports.size === 0) ports.add(80);
  return { ports: [...ports], defaultServer, serverNames, directives, locations };
}

function toLocation(d: Directive): NginxLocation {
  const [a = "", b] = d.args;
  const modifier = (b !== undefined ? a : "") as NginxLocation["modifier"];
  const pattern = b !== undefined ? b : a;
  const loc: NginxLocation = { modifier, pattern, directives: d.block ?? [] };
  if (modifier === "~" || modifier === "~*") {
    try {
      loc.regex = new RegExp(pattern, modifier === "~*" ? "i" : "");
    } catch {
      throw new ConfigError(`pcre2_compile() failed: invalid pattern in "${pattern}" in ${d.file}:${d.line}`);
    }
  }
  return loc;
}

/** Parsed configurations, shared by every nginx that reads the same files. */
const cache = new ConfigCache<NginxConfigResult>();

/**
 * Loads `/etc/nginx/nginx.conf` (or `file`) plus the `-g` directives given on the command line.
 * The result is frozen and may be shared with other callers: it must not be changed.
 */
export function loadNginxConfig(fs: Filesystem, file = NGINX_CONF, globals = ""): NginxConfigResult {
  return cache.get(fs, `${file}\0${globals}`, (reader) => parseNginxConfig(reader, file, globals));
}

function parseNginxConfig(fs: ConfigReader, file: string, globals: string): NginxConfigResult {
  try {
    const r = fs.readFile(file);
    if (!r.ok) {
      return {
        ok: false,
        error: `nginx: [emerg] open() "${file}" failed (${errnoNumber(r.errno)}: ${strerror(r.errno)})`,
      };
    }
    const main = parseText(fs, r.value, file, 0);
    if (globals) main.push(...parseText(fs, globals, "command line", 0));
    const first = (name: string) => main.find((d) => d.name === name);
    const http = first("http")?.block ?? [];
    const workers = first("worker_processes")?.args[0] ?? "1";
    return {
      ok: true,
      config: {
        file,
        pidPath: resolvePath(NGINX_PREFIX, first("pid")?.args[0] ?? NGINX_DEFAULT_PID),
        daemon: (first("daemon")?.args[0] ?? "on") !== "off",
        workerProcesses: workers === "auto" ? AUTO_WORKERS : Math.max(0, Number.parseInt(workers, 10) || 1),
        errorLog: first("error_log")?.args[0] ?? "/var/log/nginx/error.log",
        http,
        servers: http.filter((d) => d.name === "server").map(toServer),
      },
    };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, error: `nginx: [emerg] ${e.message}` };
    throw e;
  }
}
