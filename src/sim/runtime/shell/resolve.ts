/**
 * Command lookup as `execvp` and the kernel's `execve` see it: a name with a slash is a path,
 * others are searched on PATH; an executable with a `#!` line runs its interpreter, and an
 * executable text file without one runs in `/bin/sh` (the ENOEXEC fallback shells apply).
 */
import type { Errno, Filesystem } from "../vfs.ts";
import { resolvePath } from "../vfs.ts";

/** A found command: the program to run, and the interpreter words to put before the script path. */
export type CommandLookup =
  | { ok: true; path: string; program: string; argvPrefix: string[] }
  | { ok: false; errno: Errno };

const MAX_INTERPRETER_DEPTH = 4;

/** Resolves a command name against PATH and the filesystem. */
export function resolveCommand(fs: Filesystem, name: string, path: string, cwd: string): CommandLookup {
  if (!name) return { ok: false, errno: "ENOENT" };
  if (name.includes("/")) return resolveFile(fs, resolvePath(cwd, name), 0);
  let denied = false;
  for (const dir of path.split(":")) {
    const candidate = resolvePath(cwd, `${dir || "."}/${name}`);
    const node = fs.peek(candidate);
    if (node?.kind !== "file") continue;
    const r = resolveFile(fs, candidate, 0);
    if (r.ok) return r;
    denied = true;
  }
  return { ok: false, errno: denied ? "EACCES" : "ENOENT" };
}

function resolveFile(fs: Filesystem, path: string, depth: number): CommandLookup {
  const node = fs.peek(path);
  if (!node) return { ok: false, errno: "ENOENT" };
  if (node.kind === "dir") return { ok: false, errno: "EISDIR" };
  if (node.kind !== "file") return { ok: false, errno: "EACCES" };
  if (node.program) return { ok: true, path, program: node.program, argvPrefix: [] };
  if ((node.mode & 0o111) === 0 || depth >= MAX_INTERPRETER_DEPTH) return { ok: false, errno: "EACCES" };
  const shebang = /^#!\s*(\S+)(?:[ \t]+(.*?))?\s*$/m.exec(node.data.split("\n", 1)[0] ?? "");
  const interpreter = shebang?.[1] ?? "/bin/sh";
  const inner = resolveFile(fs, interpreter, depth + 1);
  if (!inner.ok) return { ok: false, errno: shebang ? "ENOENT" : "EACCES" };
  const args = shebang?.[2] ? [shebang[2]] : [];
  return { ok: true, path, program: inner.program, argvPrefix: [...inner.argvPrefix, interpreter, ...args] };
}
