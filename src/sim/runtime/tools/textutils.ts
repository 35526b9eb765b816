/**
 * Text tools: echo, printf, head, tail, grep, wc, sort, uniq, cut, tr, tee, seq, yes. They read
 * files or standard input (a string) and write to standard output.
 */
import type { ProcessBody, Program } from "../kernel.ts";
import { isPipe } from "../shell/io.ts";
import { strerror } from "../vfs.ts";
import { interpretEscapes } from "./escapes.ts";
import { formatPrintf } from "./printf-format.ts";
import { blockingTool, parseOptions, syncTool, type Tool, type ToolStyle } from "./tool.ts";

/** Lines of a text, without the empty string after a final newline. */
function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

/** Reads every operand (or stdin), reporting open errors; returns the texts that could be read. */
function readAll(
  t: Tool,
  operands: string[],
  onError: (f: string, e: Parameters<Tool["openError"]>[1]) => void,
): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of operands.length ? operands : ["-"]) {
    const r = t.read(f);
    if (r.ok) out.push({ name: f, text: r.value });
    else onError(f, r.errno);
  }
  return out;
}

function echo(t: Tool, args: string[]): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    for (const f of args[i]!.slice(1)) {
      if (f === "n") newline = false;
      else if (f === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const r = interpretEscapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  t.out(newline ? `${text}\n` : text);
  return 0;
}

function printf(t: Tool, args: string[]): number {
  if (args.length === 0) {
    t.error(t.style === "busybox" ? "missing operand" : "missing operand");
    return 1;
  }
  const r = formatPrintf(args[0]!, args.slice(1));
  t.out(r.out);
  for (const e of r.errors) t.error(e);
  return r.errors.length ? 1 : 0;
}

/** `-5` (obsolete) as `-n 5`. */
function obsoleteCount(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(which: "head" | "tail") {
  return (t: Tool, args: string[]): number => {
    const o = parseOptions(obsoleteCount(args), "n:c:qvfF", { lines: "n", bytes: "c", follow: "f" });
    let status = 0;
    const files = readAll(t, o.operands, (f, e) => {
      t.error(
        t.style === "busybox"
          ? `can't open '${f}': ${strerror(e)}`
          : `cannot open '${f}' for reading: ${strerror(e)}`,
      );
      status = 1;
    });
    const nSpec = o.values.get("n") ?? "10";
    const cSpec = o.values.get("c");
    files.forEach((f, i) => {
      if (files.length > 1 && !o.flags.has("q"))
        t.out(`${i > 0 ? "\n" : ""}==> ${f.name === "-" ? "standard input" : f.name} <==\n`);
      if (cSpec !== undefined) {
        const n = Number(cSpec.replace(/^[+-]/, "")) || 0;
        t.out(
          which === "head"
            ? f.text.slice(0, n)
            : cSpec.startsWith("+")
              ? f.text.slice(n - 1)
              : f.text.slice(-n || f.text.length),
        );
        return;
      }
      const all = lines(f.text);
      const n = Number(nSpec.replace(/^[+-]/, "")) || 0;
      let chosen: string[];
      if (which === "head")
        chosen = nSpec.startsWith("-") ? all.slice(0, Math.max(0, all.length - n)) : all.slice(0, n);
      else chosen = nSpec.startsWith("+") ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n);
      const trailing = f.text.endsWith("\n") || chosen[chosen.length - 1] !== all[all.length - 1];
      t.out(chosen.join("\n") + (chosen.length && trailing ? "\n" : ""));
    });
    return status;
  };
}

/** `tail -f`: after the last lines, follows the file's growth once a second (forever). */
function* tailFollow(t: Tool, args: string[]): ProcessBody {
  const status = headTail("tail")(t, args);
  const o = parseOptions(obsoleteCount(args), "n:c:qvfF", { lines: "n", bytes: "c", follow: "f" });
  if (!o.flags.has("f") && !o.flags.has("F")) return status;
  const followed = o.operands.filter((f) => f !== "-" && f !== "/dev/null");
  if (followed.length === 0) {
    for (;;) yield { op: "pause" };
  }
  const sizes = new Map(followed.map((f) => [f, readSize(t, f)]));
  for (;;) {
    yield { op: "sleep", ms: 1000 };
    for (const f of followed) {
      const r = t.ctx.fs.readFile(t.path(f));
      if (!r.ok) continue;
      const before = sizes.get(f) ?? 0;
      if (r.value.length > before) t.out(r.value.slice(before));
      sizes.set(f, r.value.length);
    }
  }
}

function readSize(t: Tool, f: string): number {
  const r = t.ctx.fs.readFile(t.path(f));
  return r.ok ? r.value.length : 0;
}

/** Translates a POSIX basic or extended regular expression to a JavaScript one. */
export function posixRegex(pattern: string, extended: boolean, flags = ""): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "[") {
      const end = pattern.indexOf("]", i + (pattern[i + 1] === "]" || pattern[i + 1] === "^" ? 2 : 1));
      if (end > 0) {
        out += pattern
          .slice(i, end + 1)
          .replace(/\[:alpha:\]/g, "a-zA-Z")
          .replace(/\[:digit:\]/g, "0-9")
          .replace(/\[:alnum:\]/g, "a-zA-Z0-9")
          .replace(/\[:space:\]/g, "\\s")
          .replace(/\[:upper:\]/g, "A-Z")
          .replace(/\[:lower:\]/g, "a-z");
        i = end;
        continue;
      }
    }
    if (c === "\\") {
      const n = pattern[++i] ?? "\\";
      if (!extended && "(){}|+?".includes(n)) out += n;
      else out += `\\${n}`;
      continue;
    }
    if (!extended && "(){}|+?".includes(c)) out += `\\${c}`;
    else out += c;
  }
  return new RegExp(out, flags);
}

function grep(t: Tool, args: string[]): number {
  const o = parseOptions(args, "qvcinlLhHEFowxsre:", {
    quiet: "q",
    silent: "q",
    count: "c",
    "ignore-case": "i",
    "invert-match": "v",
  });
  const patterns = o.values.has("e") ? [o.values.get("e")!] : [];
  const operands = [...o.operands];
  if (patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) {
      t.error(t.style === "busybox" ? "missing operand" : "usage: grep [OPTION]... PATTERNS [FILE]...");
      return 2;
    }
    patterns.push(...p.split("\n"));
  }
  const flags = o.flags.has("i") ? "i" : "";
  let res: RegExp[];
  try {
    res = patterns.map((p) => {
      let src = o.flags.has("F")
        ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        : posixRegex(p, o.flags.has("E"), flags).source;
      if (o.flags.has("w")) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (o.flags.has("x")) src = `^(?:${src})$`;
      return new RegExp(src, `${flags}${o.flags.has("o") ? "g" : ""}`);
    });
  } catch {
    t.error(`bad regex '${patterns[0]}'`);
    return 2;
  }
  let status = 1;
  let error = false;
  const files = readAll(t, operands, (f, e) => {
    if (!o.flags.has("s")) t.error(`${f}: ${strerror(e)}`);
    error = true;
  });
  const showNames = (operands.length > 1 || o.flags.has("H")) && !o.flags.has("h");
  for (const f of files) {
    let count = 0;
    const name = f.name === "-" ? "(standard input)" : f.name;
    for (const [idx, line] of lines(f.text).entries()) {
      const hit = res.some((re) => {
        re.lastIndex = 0;
        return re.test(line);
      });
      if (hit === o.flags.has("v")) continue;
      count++;
      status = 0;
      if (o.flags.has("q")) return 0;
      if (o.flags.has("c") || o.flags.has("l") || o.flags.has("L")) continue;
      const prefix = `${showNames ? `${name}:` : ""}${o.flags.has("n") ? `${idx + 1}:` : ""}`;
      if (o.flags.has("o") && !o.flags.has("v")) {
        for (const re of res) for (const m of line.matchAll(re)) if (m[0]) t.out(`${prefix}${m[0]}\n`);
      } else t.out(`${prefix}${line}\n`);
    }
    if (o.flags.has("c")) t.out(`${showNames ? `${name}:` : ""}${count}\n`);
    if (o.flags.has("l") && count > 0) t.out(`${name}\n`);
    if (o.flags.has("L") && count === 0) t.out(`${name}\n`);
  }
  return error && status !== 0 ? 2 : status;
}

function wc(t: Tool, args: string[]): number {
  const o = parseOptions(args, "lwcmL", { lines: "l", words: "w", bytes: "c", chars: "m" });
  const sel = ["l", "w", "c", "m"].filter((f) => o.flags.has(f));
  const which = sel.length ? sel : ["l", "w", "c"];
  let status = 0;
  const files = readAll(t, o.operands, (f, e) => {
    t.error(t.style === "busybox" ? `can't open '${f}': ${strerror(e)}` : `${f}: ${strerror(e)}`);
    status = 1;
  });
  const totals = which.map(() => 0);
  const rows: { counts: number[]; name: string }[] = [];
  for (const f of files) {
    const counts = which.map((w) =>
      w === "l"
        ? (f.text.match(/\n/g) ?? []).length
        : w === "w"
          ? f.text.split(/\s+/).filter(Boolean).length
          : f.text.length,
    );
    counts.forEach((c, i) => {
      totals[i]! += c;
    });
    rows.push({ counts, name: f.name === "-" ? "" : f.name });
  }
  if (rows.length > 1) rows.push({ counts: totals, name: "total" });
  const single = which.length === 1 && rows.length === 1 && rows[0]!.name === "";
  const width =
    t.style === "busybox" ? 9 : Math.max(1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)));
  for (const r of rows) {
    const cols = single
      ? String(r.counts[0])
      : r.counts
          .map((c) => String(c).padStart(t.style === "busybox" ? width : width))
          .join(t.style === "busybox" ? " " : " ");
    t.out(`${cols}${r.name ? ` ${r.name}` : ""}\n`);
  }
  return status;
}

function sort(t: Tool, args: string[]): number {
  const o = parseOptions(args, "rnufk:t:", { reverse: "r", numeric: "n", unique: "u" });
  let status = 0;
  const files = readAll(t, o.operands, (f, e) => {
    t.error(
      t.style === "busybox" ? `can't open '${f}': ${strerror(e)}` : `cannot read: ${f}: ${strerror(e)}`,
    );
    status = 2;
  });
  const sep = o.values.get("t");
  const keyField = o.values.has("k") ? Number.parseInt(o.values.get("k")!, 10) : 0;
  const key = (l: string): string => {
    if (!keyField) return l;
    const fields = sep ? l.split(sep) : l.trim().split(/\s+/);
    return fields.slice(keyField - 1).join(sep ?? " ");
  };
  let all = files.flatMap((f) => lines(f.text));
  const fold = o.flags.has("f");
  all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (o.flags.has("n")) {
      const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else {
      const x = fold ? ka.toUpperCase() : ka;
      const y = fold ? kb.toUpperCase() : kb;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  if (o.flags.has("r")) all.reverse();
  if (o.flags.has("u")) all = all.filter((l, i) => i === 0 || key(l) !== key(all[i - 1]!));
  t.out(all.map((l) => `${l}\n`).join(""));
  return status;
}

function uniq(t: Tool, args: string[]): number {
  const o = parseOptions(args, "cdui");
  const f = t.read(o.operands[0] ?? "-");
  if (!f.ok) {
    t.openError(o.operands[0]!, f.errno);
    return 1;
  }
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(f.value)) {
    const last = groups[groups.length - 1];
    if (last && (o.flags.has("i") ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (o.flags.has("d") && g.n < 2) continue;
    if (o.flags.has("u") && g.n > 1) continue;
    t.out(o.flags.has("c") ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return 0;
}

/** `1,3-5,7-` as a predicate on 1-based positions. */
function ranges(spec: string): (n: number) => boolean {
  const parts = spec.split(",").map((r) => {
    const [a, b] = r.split("-");
    const lo = a ? Number(a) : 1;
    const hi = r.includes("-") ? (b ? Number(b) : Number.POSITIVE_INFINITY) : lo;
    return [lo, hi] as const;
  });
  return (n) => parts.some(([lo, hi]) => n >= lo && n <= hi);
}

function cut(t: Tool, args: string[]): number {
  const o = parseOptions(args, "d:f:c:b:s", { delimiter: "d", fields: "f", characters: "c", bytes: "b" });
  const fieldSpec = o.values.get("f");
  const charSpec = o.values.get("c") ?? o.values.get("b");
  if (!fieldSpec && !charSpec) {
    t.error(
      t.style === "busybox"
        ? "expected a list of bytes, characters, or fields"
        : "you must specify a list of bytes, characters, or fields",
    );
    return 1;
  }
  const delim = o.values.get("d") ?? "\t";
  let status = 0;
  for (const f of readAll(t, o.operands, (name, e) => {
    t.openError(name, e);
    status = 1;
  })) {
    for (const l of lines(f.text)) {
      if (charSpec) {
        const keep = ranges(charSpec);
        t.out(`${[...l].filter((_, i) => keep(i + 1)).join("")}\n`);
        continue;
      }
      if (!l.includes(delim)) {
        if (!o.flags.has("s")) t.out(`${l}\n`);
        continue;
      }
      const keep = ranges(fieldSpec!);
      t.out(
        `${l
          .split(delim)
          .filter((_, i) => keep(i + 1))
          .join(delim)}\n`,
      );
    }
  }
  return status;
}

/** Expands a `tr` set: ranges `a-z`, classes `[:upper:]`, escapes. */
function trSet(spec: string): string[] {
  const classes: Record<string, string> = {
    "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
    "[:digit:]": "0123456789",
    "[:space:]": " \t\n\r\f\v",
    "[:alpha:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "[:alnum:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  };
  let s = spec;
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v);
  s = interpretEscapes(s, false).text;
  const out: string[] = [];
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === "-" && chars[i + 2] !== undefined) {
      for (let c = chars[i]!.charCodeAt(0); c <= chars[i + 2]!.charCodeAt(0); c++)
        out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

function tr(t: Tool, args: string[]): number {
  const o = parseOptions(args, "dsc");
  const [a, b] = o.operands;
  if (a === undefined) {
    t.error("missing operand");
    return 1;
  }
  const from = trSet(a);
  const to = b !== undefined ? trSet(b) : [];
  let text = t.ctx.stdin;
  if (o.flags.has("d")) text = [...text].filter((c) => !from.includes(c)).join("");
  else if (to.length)
    text = [...text]
      .map((c) => (from.includes(c) ? (to[from.indexOf(c)] ?? to[to.length - 1]!) : c))
      .join("");
  if (o.flags.has("s")) {
    const squeeze = new Set(to.length ? to : from);
    text = [...text].filter((c, i, all) => !(i > 0 && c === all[i - 1] && squeeze.has(c))).join("");
  }
  t.out(text);
  return 0;
}

function tee(t: Tool, args: string[]): number {
  const o = parseOptions(args, "ai", { append: "a" });
  const text = t.ctx.stdin;
  t.out(text);
  let status = 0;
  for (const f of o.operands) {
    const r = t.ctx.fs.writeFile(t.path(f), text, o.flags.has("a"));
    if (!r.ok) {
      t.error(t.style === "busybox" ? `${f}: ${strerror(r.errno)}` : `${f}: ${strerror(r.errno)}`);
      status = 1;
    }
  }
  return status;
}

function seq(t: Tool, args: string[]): number {
  const o = parseOptions(
    args.map((a) => (/^-\d/.test(a) ? ` ${a}` : a)),
    "s:w",
    { separator: "s" },
  );
  const nums = o.operands.map((a) => Number(a.trim()));
  if (nums.length === 0 || nums.some(Number.isNaN)) {
    t.error(
      nums.length === 0
        ? "missing operand"
        : `invalid floating point argument: '${o.operands.find((a) => Number.isNaN(Number(a.trim())))?.trim()}'`,
    );
    return 1;
  }
  const [first, step, last] =
    nums.length === 1
      ? [1, 1, nums[0]!]
      : nums.length === 2
        ? [nums[0]!, 1, nums[1]!]
        : [nums[0]!, nums[1]!, nums[2]!];
  const sep = o.values.get("s") ?? "\n";
  const decimals = Math.max(...o.operands.map((a) => (a.includes(".") ? a.trim().split(".")[1]!.length : 0)));
  const out: string[] = [];
  if (step !== 0)
    for (let v = first; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; v += step)
      out.push(v.toFixed(decimals));
  const width = Math.max(...out.map((s) => s.length));
  t.out(out.length ? `${out.map((s) => (o.flags.has("w") ? s.padStart(width, "0") : s)).join(sep)}\n` : "");
  return 0;
}

/** Lines `yes` writes into a pipe before its reader is deemed gone (SIGPIPE). */
const YES_PIPE_LINES = 4096;

/** `yes`: writes its line forever, burning CPU; into a pipe it stops as if the reader closed it. */
function* yes(t: Tool, args: string[]): ProcessBody {
  const line = `${args.length ? args.join(" ") : "y"}\n`;
  for (let n = 1; ; n++) {
    t.out(line);
    if (n % 1000 === 0) yield { op: "cpu", ms: 1 };
    if (n >= YES_PIPE_LINES && isPipe(t.ctx.stdout)) return 141;
  }
}

/** Text tools by name, for a given message style. */
export const textTools: Record<string, (style: ToolStyle) => Program> = {
  echo: (s) => syncTool(s, echo),
  printf: (s) => syncTool(s, printf),
  head: (s) => syncTool(s, headTail("head")),
  tail: (s) => blockingTool(s, tailFollow),
  grep: (s) => syncTool(s, grep),
  egrep: (s) => syncTool(s, (t, a) => grep(t, ["-E", ...a])),
  fgrep: (s) => syncTool(s, (t, a) => grep(t, ["-F", ...a])),
  wc: (s) => syncTool(s, wc),
  sort: (s) => syncTool(s, sort),
  uniq: (s) => syncTool(s, uniq),
  cut: (s) => syncTool(s, cut),
  tr: (s) => syncTool(s, tr),
  tee: (s) => syncTool(s, tee),
  seq: (s) => syncTool(s, seq),
  yes: (s) => blockingTool(s, yes),
};
