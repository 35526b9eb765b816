/**
 * Process tools over the container's PID namespace: kill, killall, pidof, ps (busybox applets;
 * Debian slim images have none of them, `kill` being a shell builtin there).
 */
import type { ProcessInfo, Program } from "../kernel.ts";
import { parseSignal, SIGNALS, type Signal } from "../signals.ts";
import { syncTool, type Tool, type ToolStyle } from "./tool.ts";

/** The names a process answers to: its command's basename, its argv[0] up to a colon, its program. */
function processNames(p: ProcessInfo): string[] {
  const a0 = p.argv[0] ?? "";
  const base = a0.slice(a0.lastIndexOf("/") + 1);
  const beforeColon = base.split(":")[0]!;
  const program = p.program.slice(p.program.lastIndexOf("/") + 1);
  return [base, beforeColon, program];
}

function matches(p: ProcessInfo, name: string): boolean {
  const want = name.slice(name.lastIndexOf("/") + 1);
  return processNames(p).includes(want);
}

/** Parses `-SIG`, `-s SIG`, `-n N`; returns the signal (0: existence check) and the remaining args. */
function signalOption(args: string[]): { sig: Signal | 0; rest: string[] } | { bad: string } {
  const a = args[0];
  if (a === "-s" || a === "-n") {
    const s = args[1] === "0" ? 0 : parseSignal(args[1] ?? "");
    return s === undefined ? { bad: args[1] ?? "" } : { sig: s, rest: args.slice(2) };
  }
  if (a && /^-[A-Za-z0-9]+$/.test(a) && a !== "-q" && a !== "-l" && a !== "-i" && a !== "-e") {
    const s = a === "-0" ? 0 : parseSignal(a.slice(1));
    return s === undefined ? { bad: a.slice(1) } : { sig: s, rest: args.slice(1) };
  }
  return { sig: "SIGTERM", rest: args };
}

function send(t: Tool, pid: number, sig: Signal | 0): boolean {
  if (sig === 0) return t.ctx.processes().some((p) => p.pid === pid);
  return t.ctx.kill(pid, sig);
}

function listSignals(t: Tool): number {
  t.out(`${(Object.keys(SIGNALS) as Signal[]).map((s) => s.slice(3)).join(" ")}\n`);
  return 0;
}

function kill(t: Tool, args: string[]): number {
  if (args[0] === "-l") return listSignals(t);
  const opt = signalOption(args);
  if ("bad" in opt) {
    t.error(`bad signal name '${opt.bad}'`);
    return 1;
  }
  const targets = opt.rest[0] === "--" ? opt.rest.slice(1) : opt.rest;
  if (targets.length === 0) {
    t.ctx.stderr(
      "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: kill [-l] [-SIG] PID...\n",
    );
    return 1;
  }
  let status = 0;
  for (const target of targets) {
    const pid = Number(target);
    if (!/^-?\d+$/.test(target)) {
      t.error(`invalid number '${target}'`);
      status = 1;
      continue;
    }
    const pids =
      pid > 0
        ? [pid]
        : t.ctx
            .processes()
            .map((p) => p.pid)
            .filter((p) => p !== t.ctx.pid && (pid === 0 || p !== 1));
    const any = pids.map((p) => send(t, p, opt.sig)).some(Boolean);
    if (!any) {
      t.error(`can't kill pid ${target}: No such process`);
      status = 1;
    }
  }
  return status;
}

function killall(t: Tool, args: string[]): number {
  if (args[0] === "-l") return listSignals(t);
  let quiet = false;
  const rest: string[] = [];
  for (const a of args) {
    if (a === "-q") quiet = true;
    else rest.push(a);
  }
  const opt = signalOption(rest);
  if ("bad" in opt) {
    t.error(`bad signal name '${opt.bad}'`);
    return 1;
  }
  if (opt.rest.length === 0) {
    t.ctx.stderr(
      "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: killall [-lq] [-SIG] PROCESS_NAME...\n",
    );
    return 1;
  }
  let status = 0;
  for (const name of opt.rest) {
    const victims = t.ctx.processes().filter((p) => p.pid !== t.ctx.pid && matches(p, name));
    const hit = victims.map((p) => send(t, p.pid, opt.sig)).some(Boolean);
    if (!hit) {
      if (!quiet) t.error(`${name}: no process killed`);
      status = 1;
    }
  }
  return status;
}

function pidof(t: Tool, args: string[]): number {
  let single = false;
  const omit = new Set<number>();
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-s") single = true;
    else if (a === "-o") {
      const v = args[++i] ?? "";
      for (const o of v.split(",")) omit.add(o === "%PPID" ? t.ctx.ppid : Number(o));
    } else names.push(a);
  }
  const found: number[] = [];
  for (const name of names) {
    const pids = t.ctx
      .processes()
      .filter((p) => matches(p, name) && !omit.has(p.pid))
      .map((p) => p.pid)
      .sort((a, b) => b - a);
    found.push(...(single ? pids.slice(0, 1) : pids));
  }
  if (found.length) t.out(`${found.join(" ")}\n`);
  return found.length ? 0 : 1;
}

function ps(t: Tool): number {
  t.out("PID   USER     TIME  COMMAND\n");
  for (const p of t.ctx.processes().sort((a, b) => a.pid - b.pid)) {
    t.out(`${String(p.pid).padStart(5)} root      0:00 ${p.argv.join(" ")}\n`);
  }
  return 0;
}

/** Process tools by name, for a given message style. */
export const procTools: Record<string, (style: ToolStyle) => Program> = {
  kill: (s) => syncTool(s, kill),
  killall: (s) => syncTool(s, killall),
  pidof: (s) => syncTool(s, pidof),
  ps: (s) => syncTool(s, ps),
};
