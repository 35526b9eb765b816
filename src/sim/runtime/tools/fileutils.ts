/**
 * File tools over the virtual filesystem: cat, touch, rm, rmdir, mkdir, ls, cp, mv, ln, chmod,
 * pwd, basename, dirname — with busybox or GNU wording of their errors.
 */
import type { Program } from "../kernel.ts";
import { type Errno, type FsDir, type FsNode, resolvePath, strerror, treeChanged } from "../vfs.ts";
import { formatLsTime } from "./clock-format.ts";
import { parseOptions, syncTool, type Tool, type ToolStyle } from "./tool.ts";

function cat(t: Tool, args: string[]): number {
  const o = parseOptions(args, "nuvteA");
  const operands = o.operands.length ? o.operands : ["-"];
  let status = 0;
  let lineNo = 0;
  for (const f of operands) {
    const r = t.read(f);
    if (!r.ok) {
      if (r.errno === "EISDIR" && t.style === "busybox") t.error("read error: Is a directory");
      else t.openError(f, r.errno);
      status = 1;
      continue;
    }
    if (o.flags.has("n")) {
      t.out(
        r.value.replace(/^(.*)$/gm, (line, _l, offset: number) =>
          offset === r.value.length && line === "" ? "" : `${String(++lineNo).padStart(6)}\t${line}`,
        ),
      );
    } else t.out(r.value);
  }
  return status;
}

function touch(t: Tool, args: string[]): number {
  const o = parseOptions(args, "cam", {});
  let status = 0;
  for (const f of o.operands) {
    if (o.flags.has("c") && !t.ctx.fs.exists(t.path(f))) continue;
    const r = t.ctx.fs.touch(t.path(f));
    if (!r.ok) {
      t.error(
        t.style === "busybox" ? `${f}: ${strerror(r.errno)}` : `cannot touch '${f}': ${strerror(r.errno)}`,
      );
      status = 1;
    }
  }
  if (o.operands.length === 0) return missingOperand(t);
  return status;
}

function missingOperand(t: Tool): number {
  t.error(t.style === "busybox" ? "missing operand" : "missing operand");
  if (t.style === "gnu") t.ctx.stderr(`Try '${t.name} --help' for more information.\n`);
  return 1;
}

function rm(t: Tool, args: string[]): number {
  const o = parseOptions(args, "rRfiv", { recursive: "r", force: "f" });
  const recursive = o.flags.has("r") || o.flags.has("R");
  const force = o.flags.has("f");
  if (o.operands.length === 0) return force ? 0 : missingOperand(t);
  let status = 0;
  for (const f of o.operands) {
    const path = t.path(f);
    const node = t.ctx.fs.lookup(path, false);
    if (!node.ok) {
      if (force && node.errno === "ENOENT") continue;
      t.error(`${t.cant} remove '${f}': ${strerror(node.errno)}`);
      status = 1;
      continue;
    }
    if (node.value.kind === "dir" && !recursive) {
      t.error(t.style === "busybox" ? `'${f}' is a directory` : `cannot remove '${f}': Is a directory`);
      status = 1;
      continue;
    }
    const r = t.ctx.fs.remove(path, recursive);
    if (!r.ok) {
      t.error(`${t.cant} remove '${f}': ${strerror(r.errno === "EINVAL" ? "EACCES" : r.errno)}`);
      status = 1;
    }
  }
  return status;
}

function rmdir(t: Tool, args: string[]): number {
  const o = parseOptions(args, "p");
  let status = 0;
  for (const f of o.operands) {
    const node = t.ctx.fs.stat(t.path(f));
    const r: { ok: boolean; errno?: Errno } = !node
      ? { ok: false, errno: "ENOENT" }
      : node.kind !== "dir"
        ? { ok: false, errno: "ENOTDIR" }
        : t.ctx.fs.remove(t.path(f), false);
    if (!r.ok) {
      t.error(
        t.style === "busybox"
          ? `'${f}': ${strerror(r.errno ?? "EINVAL")}`
          : `failed to remove '${f}': ${strerror(r.errno ?? "EINVAL")}`,
      );
      status = 1;
    }
  }
  return status;
}

function mkdir(t: Tool, args: string[]): number {
  const o = parseOptions(args, "pm:v", { parents: "p", mode: "m" });
  if (o.operands.length === 0) return missingOperand(t);
  let status = 0;
  for (const f of o.operands) {
    const r = t.ctx.fs.mkdir(t.path(f), o.flags.has("p"));
    if (!r.ok) {
      t.error(`${t.cant} create directory '${f}': ${strerror(r.errno)}`);
      status = 1;
    }
  }
  return status;
}

function modeString(node: FsNode): string {
  if (node.kind === "symlink") return "lrwxrwxrwx";
  const bits = node.mode;
  let s = node.kind === "dir" ? "d" : "-";
  for (const shift of [6, 3, 0]) {
    const b = (bits >> shift) & 7;
    s += `${b & 4 ? "r" : "-"}${b & 2 ? "w" : "-"}${b & 1 ? "x" : "-"}`;
  }
  return s;
}

function ls(t: Tool, args: string[]): number {
  const o = parseOptions(args, "laA1dFRht", { all: "a" });
  const long = o.flags.has("l");
  const all = o.flags.has("a");
  const almost = o.flags.has("A");
  const operands = o.operands.length ? o.operands : ["."];
  const epochMs = Number(t.ctx.env.get("PODLIFE_EPOCH_MS") ?? 0) || 0;
  let status = 0;
  const line = (name: string, node: FsNode) => {
    if (!long) return `${name}${o.flags.has("F") && node.kind === "dir" ? "/" : ""}\n`;
    const size = node.kind === "file" ? node.data.length : node.kind === "dir" ? 4096 : node.target.length;
    const when = formatLsTime(epochMs + node.mtimeMs);
    const target = node.kind === "symlink" ? ` -> ${node.target}` : "";
    return t.style === "busybox"
      ? `${modeString(node)}    1 root     root     ${String(size).padStart(9)} ${when} ${name}${target}\n`
      : `${modeString(node)} 1 root root ${String(size).padStart(4)} ${when} ${name}${target}\n`;
  };
  const files: string[] = [];
  const dirs: string[] = [];
  for (const f of operands) {
    const r = t.ctx.fs.lookup(t.path(f), false);
    const followed = r.ok && r.value.kind === "symlink" && !long ? t.ctx.fs.lookup(t.path(f)) : r;
    if (!followed.ok) {
      t.error(
        t.style === "busybox"
          ? `${f}: ${strerror(followed.errno)}`
          : `cannot access '${f}': ${strerror(followed.errno)}`,
      );
      status = t.style === "busybox" ? 1 : 2;
      continue;
    }
    if (followed.value.kind === "dir" && !o.flags.has("d")) dirs.push(f);
    else files.push(line(f, followed.value));
  }
  t.out(files.join(""));
  dirs.forEach((d, i) => {
    const dir = t.ctx.fs.stat(t.path(d)) as FsDir;
    if (operands.length > 1) t.out(`${files.length || i > 0 ? "\n" : ""}${d}:\n`);
    const names = [...dir.entries.keys()].filter((n) => all || almost || !n.startsWith(".")).sort();
    if (all) names.unshift(".", "..");
    if (long && t.style === "gnu") t.out(`total ${names.length * 4}\n`);
    for (const n of names) {
      const node = n === "." || n === ".." ? dir : dir.entries.get(n)!;
      t.out(line(n, node));
    }
  });
  return status;
}

function copyNode(node: FsNode, mtimeMs: number): FsNode {
  if (node.kind === "dir") {
    const out: FsDir = { kind: "dir", entries: new Map(), mode: node.mode, mtimeMs };
    for (const [k, v] of node.entries) out.entries.set(k, copyNode(v, mtimeMs));
    return out;
  }
  return { ...node, mtimeMs };
}

/** Places `node` at `dest` (into it when it is a directory). */
function place(t: Tool, node: FsNode, src: string, dest: string): Errno | undefined {
  const fs = t.ctx.fs;
  let target = t.path(dest);
  if (fs.stat(target)?.kind === "dir") target = resolvePath(target, src.slice(src.lastIndexOf("/") + 1));
  if (node.kind === "file") {
    const r = fs.writeFile(target, node.data);
    if (!r.ok) return r.errno;
    const written = fs.stat(target);
    if (written?.kind === "file") {
      treeChanged(fs);
      written.mode = node.mode;
      if (node.program) written.program = node.program;
    }
    return undefined;
  }
  const parent = fs.stat(target.slice(0, target.lastIndexOf("/")) || "/");
  if (!parent) return "ENOENT";
  if (parent.kind !== "dir") return "ENOTDIR";
  treeChanged(fs);
  parent.entries.set(target.slice(target.lastIndexOf("/") + 1), copyNode(node, t.ctx.now()));
  return undefined;
}

function cp(t: Tool, args: string[]): number {
  const o = parseOptions(args, "rRafpdv", { recursive: "r", archive: "a", force: "f" });
  if (o.operands.length < 2) return missingOperand(t);
  const dest = o.operands[o.operands.length - 1]!;
  let status = 0;
  for (const src of o.operands.slice(0, -1)) {
    const node = t.ctx.fs.stat(t.path(src));
    if (!node) {
      t.error(`${t.cant} stat '${src}': No such file or directory`);
      status = 1;
      continue;
    }
    if (node.kind === "dir" && !["r", "R", "a"].some((f) => o.flags.has(f))) {
      t.error(
        t.style === "busybox"
          ? `omitting directory '${src}'`
          : `-r not specified; omitting directory '${src}'`,
      );
      status = 1;
      continue;
    }
    const e = place(t, node, src, dest);
    if (e) {
      t.error(`${t.cant} create '${dest}': ${strerror(e)}`);
      status = 1;
    }
  }
  return status;
}

function mv(t: Tool, args: string[]): number {
  const o = parseOptions(args, "fiv");
  if (o.operands.length < 2) return missingOperand(t);
  const dest = o.operands[o.operands.length - 1]!;
  let status = 0;
  for (const src of o.operands.slice(0, -1)) {
    const r = t.ctx.fs.lookup(t.path(src), false);
    if (!r.ok) {
      t.error(
        t.style === "busybox"
          ? `can't rename '${src}': ${strerror(r.errno)}`
          : `cannot stat '${src}': ${strerror(r.errno)}`,
      );
      status = 1;
      continue;
    }
    const e = place(t, r.value, src, dest);
    const removed = e ? undefined : t.ctx.fs.remove(t.path(src), true);
    if (e || (removed && !removed.ok)) {
      t.error(
        `${t.cant} move '${src}': ${strerror(e ?? (removed && !removed.ok ? removed.errno : "EINVAL"))}`,
      );
      status = 1;
    }
  }
  return status;
}

function ln(t: Tool, args: string[]): number {
  const o = parseOptions(args, "sfnv", { symbolic: "s", force: "f" });
  if (o.operands.length === 0) return missingOperand(t);
  const target = o.operands[0]!;
  let link = o.operands[1] ?? target.slice(target.lastIndexOf("/") + 1);
  const fs = t.ctx.fs;
  if (fs.stat(t.path(link))?.kind === "dir") link = `${link}/${target.slice(target.lastIndexOf("/") + 1)}`;
  const abs = t.path(link);
  if (fs.lookup(abs, false).ok) {
    if (!o.flags.has("f")) {
      t.error(
        t.style === "busybox"
          ? `${link}: File exists`
          : `failed to create ${o.flags.has("s") ? "symbolic " : "hard "}link '${link}': File exists`,
      );
      return 1;
    }
    fs.remove(abs, false);
  }
  const parent = fs.stat(abs.slice(0, abs.lastIndexOf("/")) || "/");
  if (parent?.kind !== "dir") {
    t.error(`${t.cant} create link '${link}': No such file or directory`);
    return 1;
  }
  const name = abs.slice(abs.lastIndexOf("/") + 1);
  if (o.flags.has("s")) {
    treeChanged(fs);
    parent.entries.set(name, { kind: "symlink", target, mtimeMs: t.ctx.now() });
    return 0;
  }
  const node = fs.stat(t.path(target));
  if (!node) {
    t.error(`${t.cant} access '${target}': No such file or directory`);
    return 1;
  }
  treeChanged(fs);
  parent.entries.set(name, node);
  return 0;
}

function chmod(t: Tool, args: string[]): number {
  const o = parseOptions(
    args.map((a) => (/^[-+][rwxXst]+$/.test(a) ? `=${a}` : a)),
    "Rfv",
  );
  const operands = o.operands.map((a) => (a.startsWith("=") ? a.slice(1) : a));
  const mode = operands[0];
  if (!mode || operands.length < 2) return missingOperand(t);
  let status = 0;
  for (const f of operands.slice(1)) {
    const node = t.ctx.fs.stat(t.path(f));
    if (!node || node.kind === "symlink") {
      t.error(
        t.style === "busybox"
          ? `${f}: No such file or directory`
          : `cannot access '${f}': No such file or directory`,
      );
      status = 1;
      continue;
    }
    treeChanged(t.ctx.fs);
    node.mode = applyMode(node.mode, mode);
  }
  return status;
}

function applyMode(current: number, spec: string): number {
  if (/^[0-7]+$/.test(spec)) return Number.parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) continue;
    const who = m[1] || "a";
    let bits = 0;
    for (const p of m[3]!) bits |= p === "r" ? 4 : p === "w" ? 2 : p === "x" || p === "X" ? 1 : 0;
    let mask = 0;
    if (who.includes("u") || who.includes("a")) mask |= bits << 6;
    if (who.includes("g") || who.includes("a")) mask |= bits << 3;
    if (who.includes("o") || who.includes("a")) mask |= bits;
    if (m[2] === "+") mode |= mask;
    else if (m[2] === "-") mode &= ~mask;
    else mode = (mode & ~0o777) | mask;
  }
  return mode;
}

function pwd(t: Tool): number {
  t.out(`${t.ctx.cwd}\n`);
  return 0;
}

function basename(t: Tool, args: string[]): number {
  const [path, suffix] = args;
  if (path === undefined) return missingOperand(t);
  let base = path.replace(/\/+$/, "");
  base = base === "" && path.startsWith("/") ? "/" : base.slice(base.lastIndexOf("/") + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  t.out(`${base}\n`);
  return 0;
}

function dirname(t: Tool, args: string[]): number {
  const path = args[0];
  if (path === undefined) return missingOperand(t);
  const trimmed = path.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  const dir = i < 0 ? "." : trimmed.slice(0, i).replace(/\/+$/, "") || "/";
  t.out(`${path.startsWith("/") && trimmed === "" ? "/" : dir}\n`);
  return 0;
}

/** File tools by name, for a given message style. */
export const fileTools: Record<string, (style: ToolStyle) => Program> = {
  cat: (s) => syncTool(s, cat),
  touch: (s) => syncTool(s, touch),
  rm: (s) => syncTool(s, rm),
  rmdir: (s) => syncTool(s, rmdir),
  mkdir: (s) => syncTool(s, mkdir),
  ls: (s) => syncTool(s, ls),
  cp: (s) => syncTool(s, cp),
  mv: (s) => syncTool(s, mv),
  ln: (s) => syncTool(s, ln),
  chmod: (s) => syncTool(s, chmod),
  pwd: (s) => syncTool(s, pwd),
  basename: (s) => syncTool(s, basename),
  dirname: (s) => syncTool(s, dirname),
};
