/**
 * Helpers that lay files into an image's root tree while it is built (before any `Filesystem`
 * wraps it). Paths are absolute; parent directories are created as needed and symlinked
 * directories (Debian's `/bin → usr/bin`) are followed, as `COPY` in a Dockerfile would.
 */
import { type FsDir, type FsNode, newDir, resolvePath } from "../vfs.ts";

/** The directory at `path`, created (with parents) when missing. */
export function ensureDir(root: FsDir, path: string, depth = 0): FsDir {
  const parts = resolvePath("/", path).split("/").filter(Boolean);
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    let node: FsNode | undefined = dir.entries.get(name);
    if (!node) {
      node = newDir();
      dir.entries.set(name, node);
    }
    if (node.kind === "symlink") {
      if (depth > 8) throw new Error(`rootfs: symlink loop at ${path}`);
      const base = `/${parts.slice(0, i).join("/")}`;
      const rest = parts.slice(i + 1).join("/");
      return ensureDir(root, resolvePath(base, `${node.target}/${rest}`), depth + 1);
    }
    if (node.kind !== "dir") throw new Error(`rootfs: ${path} crosses a file`);
    dir = node;
  }
  return dir;
}

function parentAndName(root: FsDir, path: string): { dir: FsDir; name: string } {
  const abs = resolvePath("/", path);
  const i = abs.lastIndexOf("/");
  return { dir: ensureDir(root, abs.slice(0, i) || "/"), name: abs.slice(i + 1) };
}

/** Writes a regular file (replacing what was there). */
export function putFile(root: FsDir, path: string, data: string, mode = 0o644): void {
  const { dir, name } = parentAndName(root, path);
  dir.entries.set(name, { kind: "file", data, mode, mtimeMs: 0 });
}

/**
 * Installs an executable that runs the simulated program `program`. `data` stands for the binary's
 * contents; programs may read build facts (a version) from it.
 */
export function putProgram(root: FsDir, path: string, program: string, data = ""): void {
  const { dir, name } = parentAndName(root, path);
  dir.entries.set(name, { kind: "file", data, mode: 0o755, program, mtimeMs: 0 });
}

/** Creates a symbolic link. */
export function putSymlink(root: FsDir, path: string, target: string): void {
  const { dir, name } = parentAndName(root, path);
  dir.entries.set(name, { kind: "symlink", target, mtimeMs: 0 });
}

/** Ensures `/run` exists and `/var/run` links to it, as on every modern distribution. */
export function putRunDirs(root: FsDir): void {
  ensureDir(root, "/run");
  const varDir = ensureDir(root, "/var");
  if (!varDir.entries.has("run")) varDir.entries.set("run", { kind: "symlink", target: "/run", mtimeMs: 0 });
  ensureDir(root, "/tmp").mode = 0o1777;
}
