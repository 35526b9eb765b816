/**
 * Shell builtins: the POSIX special builtins (`exit`, `export`, `set`, `trap`, …) and the regular
 * ones every shell here has built in (`cd`, `echo`, `printf`, `test`, `kill`, `wait`, `read`, …).
 * Each gets the interpreter, its arguments and its (redirected) io, and returns an exit status.
 */
import { parseSignal, SIGNALS, type Signal, signalNumber } from "../signals.ts";
import { interpretEscapes } from "../tools/escapes.ts";
import { formatPrintf } from "../tools/printf-format.ts";
import { evalBracket, evalTest, type TestError } from "../tools/test-expr.ts";
import { resolvePath, strerror } from "../vfs.ts";
import { ExitRequest, LoopControl, ReturnRequest } from "./control.ts";
import type { Gen } from "./expand.ts";
import type { Interpreter } from "./interpreter.ts";
import type { Io } from "./io.ts";
import { resolveCommand } from "./resolve.ts";
import type { TrapCondition } from "./state.ts";

/** A builtin: `outer` is the io before the command's own redirections (what `exec` changes). */
export type Builtin = (sh: Interpreter, argv: string[], io: Io, outer: Io) => number | Gen<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parseCount(sh: Interpreter, io: Io, builtin: string, arg: string | undefined, dflt: number): number {
  if (arg === undefined) return dflt;
  if (!/^\d+$/.test(arg)) {
    sh.message(io, sh.flavour.badNumber(builtin, arg));
    throw new ExitRequest(2);
  }
  return Number(arg);
}

const exit: Builtin = (sh, argv, io) => {
  const arg = argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    sh.message(io, sh.flavour.badNumber("exit", arg));
    throw new ExitRequest(2);
  }
  throw new ExitRequest(arg === undefined ? sh.state.lastStatus : Number(arg) & 0xff);
};

const returnBuiltin: Builtin = (sh, argv, io) => {
  throw new ReturnRequest(parseCount(sh, io, "return", argv[1], sh.state.lastStatus) & 0xff);
};

const loopControl =
  (kind: "break" | "continue"): Builtin =>
  (sh, argv, io) => {
    const n = parseCount(sh, io, kind, argv[1], 1);
    throw new LoopControl(kind, Math.max(1, n));
  };

const exportBuiltin =
  (readonly: boolean): Builtin =>
  (sh, argv, io) => {
    const args = argv.slice(1).filter((a) => a !== "-p");
    if (args.length === 0) {
      for (const [k, v] of [...sh.state.vars].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (readonly ? v.readonly : v.exported)
          io.out(`${readonly ? "readonly" : "export"} ${k}='${v.value.replace(/'/g, `'\\''`)}'\n`);
      }
      return 0;
    }
    for (const a of args) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!NAME.test(name)) {
        sh.message(io, `${argv[0]}: ${name}: bad variable name`);
        return 2;
      }
      if (eq >= 0) sh.assign(name, a.slice(eq + 1));
      let v = sh.state.vars.get(name);
      if (!v) {
        v = { value: "", exported: false };
        sh.state.vars.set(name, v);
      }
      if (readonly) v.readonly = true;
      else v.exported = true;
    }
    return 0;
  };

const unset: Builtin = (sh, argv, io) => {
  let functions = false;
  for (const a of argv.slice(1)) {
    if (a === "-f") functions = true;
    else if (a === "-v") functions = false;
    else if (functions) sh.state.functions.delete(a);
    else if (sh.state.vars.get(a)?.readonly) {
      sh.message(io, `unset: ${a}: is read only`);
      return 1;
    } else sh.state.vars.delete(a);
  }
  return 0;
};

const OPTION_LETTERS: Record<string, keyof Interpreter["state"]["options"]> = {
  e: "errexit",
  x: "xtrace",
  u: "nounset",
  f: "noglob",
};

const set: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [k, v] of [...sh.state.vars].sort(([a], [b]) => (a < b ? -1 : 1)))
      io.out(`${k}='${v.value.replace(/'/g, `'\\''`)}'\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      sh.state.positional = args.slice(i);
      return 0;
    }
    if (!/^[-+]/.test(a) || a === "-" || a === "+") break;
    const on = a[0] === "-";
    if (a.slice(1) === "o") {
      const name = args[++i];
      const opt = Object.values(OPTION_LETTERS).find((o) => o === name);
      if (opt) sh.state.options[opt] = on;
      else if (name !== "pipefail" && name !== "nounset" && name !== undefined) {
        sh.message(io, `set: Illegal option -o ${name}`);
        return 2;
      }
      if (name === "nounset") sh.state.options.nounset = on;
      continue;
    }
    for (const letter of a.slice(1)) {
      const opt = OPTION_LETTERS[letter];
      if (opt) sh.state.options[opt] = on;
    }
  }
  if (i < args.length) sh.state.positional = args.slice(i);
  return 0;
};

const shift: Builtin = (sh, argv, io) => {
  const n = parseCount(sh, io, "shift", argv[1], 1);
  if (n > sh.state.positional.length) {
    if (sh.flavour.name !== "bash") sh.message(io, "shift: can't shift that many");
    return sh.flavour.name === "bash" ? 1 : 2;
  }
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

function trapCondition(name: string): TrapCondition | undefined {
  if (name === "0" || name.toUpperCase() === "EXIT") return "EXIT";
  return parseSignal(name);
}

const trap: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args[0] === "--") args.shift();
  if (args.length === 0 || args[0] === "-p") {
    for (const [cond, action] of sh.state.traps) {
      io.out(`trap -- '${action.replace(/'/g, `'\\''`)}' ${cond === "EXIT" ? "EXIT" : cond.slice(3)}\n`);
    }
    return 0;
  }
  if (args[0] === "-l") {
    io.out(
      `${Object.keys(SIGNALS)
        .map((s) => s.slice(3))
        .join(" ")}\n`,
    );
    return 0;
  }
  // Why: POSIX — a first operand that is an unsigned integer means every operand is a condition to reset.
  const reset = args.length === 1 || /^\d+$/.test(args[0]!);
  const action = reset ? "-" : args.shift()!;
  let status = 0;
  for (const name of args) {
    const cond = trapCondition(name);
    if (!cond) {
      sh.message(
        io,
        sh.flavour.name === "dash"
          ? `trap: ${name}: bad trap`
          : `trap: ${name}: invalid signal specification`,
      );
      status = 1;
      continue;
    }
    if (action === "-") sh.state.traps.delete(cond);
    else sh.state.traps.set(cond, action);
    if (cond !== "EXIT")
      sh.ctx.setDisposition(cond, action === "-" ? "default" : action === "" ? "ignore" : "catch");
  }
  return status;
};

const cd: Builtin = (sh, argv, io) => {
  let target = argv[1] ?? sh.state.get("HOME") ?? "/";
  if (target === "-") {
    target = sh.state.get("OLDPWD") ?? sh.state.cwd;
    io.out(`${target}\n`);
  }
  const path = resolvePath(sh.state.cwd, target);
  const r = sh.ctx.fs.lookup(path);
  const errno = !r.ok ? r.errno : r.value.kind !== "dir" ? "ENOTDIR" : undefined;
  if (errno) {
    sh.message(io, sh.flavour.cannotCd(target, errno));
    return sh.flavour.name === "bash" ? 1 : 2;
  }
  sh.state.set("OLDPWD", sh.state.cwd);
  sh.state.cwd = path;
  sh.state.set("PWD", path);
  return 0;
};

const pwd: Builtin = (sh, _argv, io) => {
  io.out(`${sh.state.cwd}\n`);
  return 0;
};

const echo: Builtin = (sh, argv, io) => {
  let args = argv.slice(1);
  let newline = true;
  // Why: dash's echo takes only -n and always interprets escapes; ash's and bash's take -n/-e/-E.
  let escapes = sh.flavour.name === "dash";
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!) && (sh.flavour.name !== "dash" || args[0] === "-n")) {
    for (const f of args[0]!.slice(1)) {
      if (f === "n") newline = false;
      else if (f === "e") escapes = true;
      else if (f === "E") escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (escapes) {
    const r = interpretEscapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.out(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (sh, argv, io) => {
  if (argv.length < 2) {
    sh.message(io, "printf: usage: printf format [arguments]");
    return 2;
  }
  const r = formatPrintf(argv[1]!, argv.slice(2));
  io.out(r.out);
  for (const e of r.errors) sh.message(io, `printf: ${e}`);
  return r.errors.length ? 1 : 0;
};

function testMessage(sh: Interpreter, name: string, e: TestError): string {
  const bash = sh.flavour.name === "bash";
  switch (e.kind) {
    case "missing-bracket":
      return bash ? `${name}: missing \`]'` : `${name}: missing ]`;
    case "bad-number":
      return bash ? `${name}: ${e.arg}: integer expression expected` : `${name}: Illegal number: ${e.arg}`;
    case "unary-expected":
      return bash ? `${name}: ${e.arg}: unary operator expected` : `${name}: ${e.arg}: unexpected operator`;
    case "syntax":
      return bash ? `${name}: too many arguments` : `${name}: ${e.arg}: unexpected operator`;
  }
}

const test: Builtin = (sh, argv, io) => {
  const name = argv[0]!;
  const r =
    name === "["
      ? evalBracket(argv.slice(1), sh.ctx.fs, sh.state.cwd)
      : evalTest(argv.slice(1), sh.ctx.fs, sh.state.cwd);
  if (r.status === 2) sh.message(io, testMessage(sh, name, r.error));
  return r.status;
};

const read: Builtin = (sh, argv, io) => {
  let raw = false;
  let names: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-r") raw = true;
    else if (a === "-p") io.err(args[++i] ?? "");
    else if (a === "-t" || a === "-u" || a === "-n" || a === "-d") i++;
    else names = args.slice(i);
    if (names.length) break;
  }
  if (names.length === 0) names = ["REPLY"];
  let text = "";
  let eof = false;
  for (;;) {
    const l = io.stdin.readLine();
    if (!l) {
      eof = true;
      break;
    }
    if (!raw && l.line.endsWith("\\") && !l.partial) {
      text += l.line.slice(0, -1);
      continue;
    }
    text += l.line;
    if (l.partial) eof = true;
    break;
  }
  if (!raw) text = text.replace(/\\(.)/g, "$1");
  const ifs = sh.state.get("IFS") ?? " \t\n";
  const ws = ifs.replace(/[^ \t\n]/g, "");
  let rest = ws ? text.replace(new RegExp(`^[${ws}]+`), "") : text;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (i === names.length - 1) {
      sh.assign(name, ws ? rest.replace(new RegExp(`[${ws}]+$`), "") : rest);
      break;
    }
    const m = new RegExp(`[${ifs.replace(/[\\\]^-]/g, "\\$&")}]`).exec(rest);
    if (!m) {
      sh.assign(name, rest);
      rest = "";
      continue;
    }
    sh.assign(name, rest.slice(0, m.index));
    rest = rest.slice(m.index + 1);
    if (ws) rest = rest.replace(new RegExp(`^[${ws}]+`), "");
  }
  return eof && text === "" ? 1 : eof ? 1 : 0;
};

function* wait(sh: Interpreter, argv: string[], io: Io): Gen<number> {
  const pids = argv.slice(1).filter((a) => !a.startsWith("-"));
  if (pids.length === 0) {
    for (;;) {
      const r = yield* sh.sys({ op: "wait", pid: -1 });
      if (r.kind === "nochild") return 0;
      if (r.kind === "exited") sh.reaped.set(r.pid, r.status.code);
      if (r.kind === "signal" && sh.state.traps.get(r.signal)) return 128 + signalNumber(r.signal);
    }
  }
  let status = 0;
  for (const p of pids) {
    if (!/^\d+$/.test(p)) {
      sh.message(io, `wait: Illegal number: ${p}`);
      return 2;
    }
    const r = yield* sh.waitJob(Number(p));
    if ("interrupted" in r) return 128 + signalNumber(r.interrupted);
    status = "status" in r ? r.status : 127;
  }
  return status;
}

/** Parses `kill` arguments: the signal and the targets, or an error message. */
function killArgs(
  argv: string[],
): { sig: Signal | 0; targets: string[] } | { list: string[] } | { error: string } {
  const args = argv.slice(1);
  let sig: Signal | 0 = "SIGTERM";
  let i = 0;
  const a0 = args[0];
  if (a0 === "-l" || a0 === "-L") {
    return { list: args.slice(1) };
  }
  if (a0 === "-s" || a0 === "-n") {
    const name = args[1] ?? "";
    const s = name === "0" ? 0 : parseSignal(name);
    if (s === undefined) return { error: `invalid signal: ${name}` };
    sig = s;
    i = 2;
  } else if (a0 && /^-./.test(a0) && a0 !== "--") {
    const name = a0.slice(1);
    const s = name === "0" ? 0 : parseSignal(name);
    if (s === undefined) return { error: `invalid signal: ${name}` };
    sig = s;
    i = 1;
  }
  if (args[i] === "--") i++;
  return { sig, targets: args.slice(i) };
}

const kill: Builtin = (sh, argv, io) => {
  const parsed = killArgs(argv);
  if ("error" in parsed) {
    sh.message(io, `kill: ${parsed.error}`);
    return sh.flavour.name === "bash" ? 1 : 2;
  }
  if ("list" in parsed) {
    if (parsed.list.length === 0)
      io.out(
        `${Object.keys(SIGNALS)
          .map((s) => s.slice(3))
          .join(" ")}\n`,
      );
    for (const a of parsed.list) {
      const n = Number(a);
      const s = parseSignal(String(n > 128 ? n - 128 : n));
      io.out(`${s ? s.slice(3) : a}\n`);
    }
    return 0;
  }
  if (parsed.targets.length === 0) {
    sh.message(io, "kill: usage: kill [-s sigspec | -signum | -sigspec] pid | jobspec ...");
    return sh.flavour.name === "bash" ? 2 : 2;
  }
  let status = 0;
  for (const t of parsed.targets) {
    if (!/^-?\d+$/.test(t)) {
      sh.message(
        io,
        sh.flavour.name === "bash"
          ? `kill: ${t}: arguments must be process or job IDs`
          : `kill: Illegal number: ${t}`,
      );
      status = 1;
      continue;
    }
    const pid = Number(t);
    const targets =
      pid > 0
        ? [pid]
        : sh.ctx
            .processes()
            .map((p) => p.pid)
            .filter((p) => p !== 1 || pid === 0);
    let any = false;
    for (const target of targets) {
      any =
        parsed.sig === 0
          ? sh.ctx.processes().some((p) => p.pid === target) || any
          : sh.ctx.kill(target, parsed.sig) || any;
    }
    if (!any) {
      sh.message(io, sh.flavour.noSuchProcess(t));
      status = 1;
    }
  }
  return status;
};

function* evalBuiltin(sh: Interpreter, argv: string[], io: Io): Gen<number> {
  return yield* sh.evalString(argv.slice(1).join(" "), io);
}

function* dot(sh: Interpreter, argv: string[], io: Io): Gen<number> {
  const name = argv[1];
  if (!name) return 0;
  const path = name.includes("/") ? resolvePath(sh.state.cwd, name) : findOnPath(sh, name);
  const r = path ? sh.ctx.fs.readFile(path) : undefined;
  if (!r?.ok) {
    sh.message(
      io,
      sh.flavour.name === "ash"
        ? `.: can't open '${name}'`
        : `.: cannot open ${name}: ${strerror(r && !r.ok ? r.errno : "ENOENT")}`,
    );
    throw new ExitRequest(sh.flavour.name === "bash" ? 1 : 2);
  }
  try {
    return yield* sh.evalString(r.value, io);
  } catch (e) {
    if (e instanceof ReturnRequest) return e.status;
    throw e;
  }
}

function findOnPath(sh: Interpreter, name: string): string | undefined {
  for (const dir of (sh.state.get("PATH") ?? "").split(":")) {
    const p = resolvePath(sh.state.cwd, `${dir || "."}/${name}`);
    if (sh.ctx.fs.peek(p)?.kind === "file") return p;
  }
  return resolvePath(sh.state.cwd, name);
}

function* exec(sh: Interpreter, argv: string[], io: Io, outer: Io): Gen<number> {
  const args = argv.slice(1);
  if (args.length === 0) {
    // `exec >file 2>&1`: the redirections stay for the rest of the shell.
    for (const [fd, sink] of io.fds) outer.fds.set(fd, sink);
    for (const fd of [...outer.fds.keys()]) if (!io.fds.has(fd)) outer.fds.delete(fd);
    outer.stdin = io.stdin;
    return 0;
  }
  const status = yield* sh.execReplace(args, io);
  throw new ExitRequest(status);
}

const command: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args[0] === "-v" || args[0] === "-V") {
    let status = 0;
    for (const name of args.slice(1)) {
      const d = describeCommand(sh, name);
      if (!d) status = 1;
      else io.out(`${args[0] === "-v" ? d.short : d.long}\n`);
    }
    return status;
  }
  if (args[0] === "-p") args.shift();
  if (args.length === 0) return 0;
  const name = args[0]!;
  if (BUILTINS.has(name)) return sh.runBuiltin(name, args, io, io);
  return sh.runExternal(args, new Map(), io);
};

const type: Builtin = (sh, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describeCommand(sh, name);
    if (d) io.out(`${d.long}\n`);
    else {
      io.out(`${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

function describeCommand(sh: Interpreter, name: string): { short: string; long: string } | undefined {
  if (sh.state.functions.has(name)) return { short: name, long: `${name} is a function` };
  if (SPECIAL_BUILTINS.has(name)) return { short: name, long: `${name} is a special shell builtin` };
  if (BUILTINS.has(name)) return { short: name, long: `${name} is a shell builtin` };
  const r = resolveCommand(sh.ctx.fs, name, sh.state.get("PATH") ?? "", sh.state.cwd);
  return r.ok ? { short: r.path, long: `${name} is ${r.path}` } : undefined;
}

const local: Builtin = (sh, argv, io) => {
  const frame = sh.localFrames[sh.localFrames.length - 1];
  if (!frame) {
    sh.message(io, "local: not in a function");
    return 2;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!frame.has(name)) {
      const v = sh.state.vars.get(name);
      frame.set(name, v ? { value: v.value, exported: v.exported } : undefined);
    }
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
  }
  return 0;
};

const noop: Builtin = () => 0;

/** POSIX special builtins: assignments before them persist, and they are found before functions. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  ":",
  ".",
  "break",
  "continue",
  "eval",
  "exec",
  "exit",
  "export",
  "readonly",
  "return",
  "set",
  "shift",
  "trap",
  "unset",
  "times",
]);

/** Every builtin by name. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [":", noop],
  ["true", noop],
  ["false", () => 1],
  [".", dot],
  ["source", dot],
  ["break", loopControl("break")],
  ["continue", loopControl("continue")],
  ["eval", evalBuiltin],
  ["exec", exec],
  ["exit", exit],
  ["export", exportBuiltin(false)],
  ["readonly", exportBuiltin(true)],
  ["return", returnBuiltin],
  ["set", set],
  ["shift", shift],
  ["trap", trap],
  ["unset", unset],
  [
    "times",
    (_sh, _a, io) => {
      io.out("0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
      return 0;
    },
  ],
  ["cd", cd],
  ["pwd", pwd],
  ["echo", echo],
  ["printf", printf],
  ["test", test],
  ["[", test],
  ["read", read],
  ["wait", wait],
  ["kill", kill],
  ["command", command],
  ["type", type],
  ["local", local],
  ["umask", noop],
  ["ulimit", noop],
  ["hash", noop],
  ["alias", noop],
]);
