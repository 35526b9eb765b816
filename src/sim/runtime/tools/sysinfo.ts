/**
 * System tools: date, hostname, env, id, whoami, uname, true, false, test/[ — and `env`'s and
 * `nohup`'s way of running another program in place.
 */
import type { ProcessBody, Program } from "../kernel.ts";
import { resolveCommand } from "../shell/resolve.ts";
import { strerror } from "../vfs.ts";
import { formatDate, strftime } from "./clock-format.ts";
import { evalBracket, evalTest } from "./test-expr.ts";
import { blockingTool, parseOptions, syncTool, type Tool, type ToolStyle } from "./tool.ts";

/** The wall-clock epoch (ms) that virtual time 0 stands for: `PODLIFE_EPOCH_MS`, else 1970. */
export function epochMs(t: Tool): number {
  return Number(t.ctx.env.get("PODLIFE_EPOCH_MS") ?? 0) || 0;
}

function date(t: Tool, args: string[]): number {
  const format = args.find((a) => a.startsWith("+"));
  const now = epochMs(t) + t.ctx.now();
  if (args.includes("-I")) {
    t.out(`${strftime("%Y-%m-%d", now)}\n`);
    return 0;
  }
  if (args.includes("-R")) {
    t.out(`${strftime("%a, %d %b %Y %H:%M:%S +0000", now)}\n`);
    return 0;
  }
  t.out(`${format ? strftime(format.slice(1), now) : formatDate(now)}\n`);
  return 0;
}

function hostname(t: Tool, args: string[]): number {
  if (args.includes("-i")) t.out(`${t.ctx.ns.net.ip}\n`);
  else if (args.includes("-s")) t.out(`${t.ctx.ns.hostname.split(".")[0]}\n`);
  else t.out(`${t.ctx.ns.hostname}\n`);
  return 0;
}

function id(t: Tool, args: string[]): number {
  if (args.includes("-u") || args.includes("-g")) t.out(args.includes("-n") ? "root\n" : "0\n");
  else if (args.includes("-un") || args.includes("-gn")) t.out("root\n");
  else
    t.out(
      t.style === "busybox"
        ? "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n"
        : "uid=0(root) gid=0(root) groups=0(root)\n",
    );
  return 0;
}

function uname(t: Tool, args: string[]): number {
  const o = parseOptions(args, "asnrvmpio");
  const host = t.ctx.ns.hostname;
  const fields = {
    s: "Linux",
    n: host,
    r: "6.8.0-1015",
    v: "#16-Ubuntu SMP PREEMPT_DYNAMIC",
    m: "x86_64",
    o: t.style === "busybox" ? "GNU/Linux" : "GNU/Linux",
  };
  if (o.flags.has("a")) {
    t.out(`${[fields.s, fields.n, fields.r, fields.v, fields.m, fields.o].join(" ")}\n`);
    return 0;
  }
  const chosen = (["s", "n", "r", "v", "m", "o"] as const).filter((k) => o.flags.has(k));
  t.out(`${(chosen.length ? chosen : ["s" as const]).map((k) => fields[k]).join(" ")}\n`);
  return 0;
}

function test(t: Tool, args: string[]): number {
  const name = t.name;
  const r = name === "[" ? evalBracket(args, t.ctx.fs, t.ctx.cwd) : evalTest(args, t.ctx.fs, t.ctx.cwd);
  if (r.status === 2) {
    const e = r.error;
    t.error(
      e.kind === "missing-bracket"
        ? "missing ]"
        : e.kind === "bad-number"
          ? `invalid number '${e.arg}'`
          : `${e.arg}: unknown operand`,
    );
  }
  return r.status;
}

/** `env [-i] [NAME=VALUE…] [COMMAND [ARG…]]`: prints the environment, or runs COMMAND in place. */
function* env(t: Tool, args: string[]): ProcessBody {
  let i = 0;
  const vars = new Map(t.ctx.env);
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-i" || a === "-") vars.clear();
    else if (a === "-u") vars.delete(args[++i] ?? "");
    else if (/^[^=]+=/.test(a)) vars.set(a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1));
    else break;
  }
  const command = args.slice(i);
  if (command.length === 0) {
    for (const [k, v] of vars) t.out(`${k}=${v}\n`);
    return 0;
  }
  return yield* runInPlace(t, command, vars);
}

/** Runs a command in this process (exec), with `vars` as its environment. */
export function* runInPlace(t: Tool, argv: string[], vars: Map<string, string>): ProcessBody {
  const name = argv[0]!;
  const found = resolveCommand(
    t.ctx.fs,
    name,
    vars.get("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    t.ctx.cwd,
  );
  const program = found.ok ? t.ctx.ns.kernel.programs.get(found.program) : undefined;
  if (!found.ok || !program) {
    const errno = found.ok ? "EACCES" : found.errno;
    t.error(
      t.style === "busybox" ? `can't execute '${name}': ${strerror(errno)}` : `'${name}': ${strerror(errno)}`,
    );
    return errno === "ENOENT" ? 127 : 126;
  }
  t.ctx.env.clear();
  for (const [k, v] of vars) t.ctx.env.set(k, v);
  const view = Object.create(t.ctx) as typeof t.ctx;
  Object.defineProperty(view, "argv", {
    value: [...found.argvPrefix, ...(found.argvPrefix.length ? [found.path] : [name]), ...argv.slice(1)],
  });
  return yield* program(view);
}

/** System tools by name, for a given message style. */
export const sysTools: Record<string, (style: ToolStyle) => Program> = {
  date: (s) => syncTool(s, date),
  hostname: (s) => syncTool(s, hostname),
  id: (s) => syncTool(s, id),
  whoami: (s) =>
    syncTool(s, (t) => {
      t.out("root\n");
      return 0;
    }),
  uname: (s) => syncTool(s, uname),
  true: (s) => syncTool(s, () => 0),
  false: (s) => syncTool(s, () => 1),
  test: (s) => syncTool(s, test),
  "[": (s) => syncTool(s, test),
  env: (s) => blockingTool(s, env),
  nohup: (s) => blockingTool(s, (t, a) => runInPlace(t, a, new Map(t.ctx.env))),
};
