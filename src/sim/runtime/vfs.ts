/**
 * A small in-memory virtual filesystem. A container sees one `Filesystem`: its image's files as a
 * private writable copy, plus mounted directories (emptyDir shared by the pod's containers,
 * hostPath subtrees of the node's own filesystem). Errors are errno codes; `strerror` gives the
 * Linux text that tools print.
 */
export type Errno = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "EROFS" | "EACCES" | "EINVAL";

const STRERROR: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EROFS: "Read-only file system",
  EACCES: "Permission denied",
  EINVAL: "Invalid argument",
};

/** The Linux message for an errno code ("No such file or directory"). */
export function strerror(e: Errno): string {
  return STRERROR[e];
}

/** A regular file. `program` names the simulated program an executable file runs. */
export interface FsFile {
  kind: "file";
  data: string;
  mode: number;
  program?: string;
  mtimeMs: number;
}

/** A directory. */
export interface FsDir {
  kind: "dir";
  entries: Map<string, FsNode>;
  mode: number;
  mtimeMs: number;
}

/** A symbolic link (absolute or relative target). */
export interface FsSymlink {
  kind: "symlink";
  target: string;
  mtimeMs: number;
}

export type FsNode = FsFile | FsDir | FsSymlink;

/**
 * A count of changes to filesystem trees, any tree: file contents, entries, modes, mounts. A cache
 * of what paths resolve to is valid while it stays the same. Every change made through a
 * `Filesystem` counts itself; code that edits the nodes of a tree in use directly calls
 * `treeChanged` (building a new tree, such as an image's, before anything reads it need not).
 */
let treeChanges = 0;
/** The changes among those made to nodes directly (`treeChanged`), not through a `Filesystem`. */
let directChanges = 0;

/** Where a tree changed: the filesystem it was changed through (any of its trees), or one tree. */
export type TreeChangeScope = Filesystem | FsDir;

/**
 * Told of changes to a tree (see `watchTree`). Weak: a simulation dropped with watchers left
 * takes its trees and their watchers with it.
 */
const treeWatchers = new WeakMap<FsDir, Set<() => void>>();

/** How many tree changes there have been so far (compare, never interpret). */
export function treeGeneration(): number {
  return treeChanges;
}

/**
 * Records a change made to a tree's nodes directly rather than through a `Filesystem` (whose own
 * changes count themselves): `where` says which trees it may be in.
 */
export function treeChanged(where: TreeChangeScope): void {
  directChanges++;
  treeChanges++;
  if (where instanceof Filesystem) where.tellWatchers();
  else tellTreeWatchers(where);
}

function tellTreeWatchers(tree: FsDir): void {
  const set = treeWatchers.get(tree);
  if (set) for (const fn of [...set]) fn();
}

/**
 * Calls `fn` after every change to `tree` (through any filesystem made of it: a file a pod
 * serves may sit in a volume another pod writes), until the returned function is called. The
 * kubelet watches while it fast-forwards probes whose answers depend on files.
 */
export function watchTree(tree: FsDir, fn: () => void): () => void {
  let set = treeWatchers.get(tree);
  if (!set) treeWatchers.set(tree, (set = new Set()));
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}

/** How a `Filesystem` is made. */
export interface FilesystemOptions {
  /**
   * The root tree is this filesystem's alone (a container's private copy of its image): nothing
   * else mounts it or any of its directories, so only this filesystem and direct edits change it.
   */
  ownsRoot?: boolean;
}

/** A new empty directory node. */
export function newDir(mtimeMs = 0): FsDir {
  return { kind: "dir", entries: new Map(), mode: 0o755, mtimeMs };
}

/**
 * Nodes of image templates (`shareTree`): every container tree made from a template holds them
 * until it changes one, and nothing ever changes them. Weak: a template goes with its catalog.
 */
const sharedNodes = new WeakSet<FsNode>();

/**
 * Marks a finished tree as a template that container trees share (see `overlayTree`). Nothing may
 * change it afterwards, directly or through a `Filesystem` made of it.
 */
export function shareTree(dir: FsDir): void {
  sharedNodes.add(dir);
  for (const node of dir.entries.values()) {
    if (node.kind === "dir") shareTree(node);
    else sharedNodes.add(node);
  }
}

/**
 * A container's private writable copy of a shared template (`shareTree`), copied lazily: a new
 * root directory holding the template's entries, whose nodes a `Filesystem` copies into the tree
 * the first time it hands one out or changes it (see `Filesystem.find`). What any path reads is
 * what a deep copy (`cloneTree`) would read.
 *
 * Why: a deep copy per container was a thousand trees of ~100 nodes in a 1000-replica rollout
 * (16 MB of heap, and the copying), while a container changes a handful of files. The tree may be
 * read and changed only through a `Filesystem` and the nodes it hands out, never walked to a node
 * and edited directly (that node may be the template's).
 */
export function overlayTree(template: FsDir): FsDir {
  return { kind: "dir", entries: new Map(template.entries), mode: template.mode, mtimeMs: template.mtimeMs };
}

/** A copy of one node of a shared template, for a tree that is about to hand it out or change it. */
function ownCopy(node: FsNode): FsNode {
  return node.kind === "dir"
    ? { kind: "dir", entries: new Map(node.entries), mode: node.mode, mtimeMs: node.mtimeMs }
    : { ...node };
}

/** A deep copy of a directory tree: what an `overlayTree` must read as (its test compares the two). */
export function cloneTree(dir: FsDir): FsDir {
  const out = newDir(dir.mtimeMs);
  out.mode = dir.mode;
  for (const [name, node] of dir.entries) {
    out.entries.set(name, node.kind === "dir" ? cloneTree(node) : { ...node });
  }
  return out;
}

/** Normalises a path against `cwd`: resolves `.`/`..`, collapses slashes; always absolute. */
export function resolvePath(cwd: string, path: string): string {
  if (isNormalPath(path)) return path;
  const parts = (path.startsWith("/") ? path : `${cwd}/${path}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}

/**
 * Whether an absolute path is already normal (no empty, `.` or `..` segment, no trailing slash),
 * as most paths programs pass are: `resolvePath` returns those as they are, without splitting.
 */
function isNormalPath(path: string): boolean {
  if (path.charCodeAt(0) !== SLASH) return false;
  const n = path.length;
  if (n === 1) return true;
  let start = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && path.charCodeAt(i) !== SLASH) continue;
    const len = i - start;
    if (len === 0) return false;
    if (path.charCodeAt(start) === DOT && (len === 1 || (len === 2 && path.charCodeAt(start + 1) === DOT)))
      return false;
    start = i + 1;
  }
  return true;
}

const SLASH = 47;
const DOT = 46;

interface Mount {
  path: string;
  root: FsDir;
  readOnly: boolean;
}

type Result<T> = { ok: true; value: T } | { ok: false; errno: Errno };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const err = <T>(errno: Errno): Result<T> => ({ ok: false, errno });

/** A mount namespace: a root tree plus mounts, longest mount path wins. */
export class Filesystem {
  private mounts: Mount[] = [];
  /** Changes made through this filesystem. */
  private changes = 0;
  private readonly ownsRoot: boolean;

  constructor(
    root: FsDir,
    private readonly clock: () => number = () => 0,
    opts: FilesystemOptions = {},
  ) {
    this.mounts.push({ path: "/", root, readOnly: false });
    this.ownsRoot = !!opts.ownsRoot;
  }

  /**
   * A number that changes whenever what this filesystem's paths resolve to may have changed
   * (compare, never interpret): a cache of lookups in it is valid while it stays the same.
   */
  generation(): number {
    // Why: a private root with nothing mounted on it changes only through this filesystem or by a
    // direct edit, so the rest of the cluster's writes (other containers' pid files, logs, …) leave
    // it alone. Negative, so that it never equals a count of all changes (after a mount).
    if (this.ownsRoot && this.mounts.length === 1) return -1 - (this.changes + directChanges);
    return treeChanges;
  }

  /** Counts a change made through this filesystem (before it is made, as watchers expect). */
  private changed(): void {
    this.changes++;
    treeChanges++;
    this.tellWatchers();
  }

  /** Tells the watchers of this filesystem's trees of a change (it may be in any of them). */
  tellWatchers(): void {
    for (const m of this.mounts) tellTreeWatchers(m.root);
  }

  /** Mounts `root` at `path` (creating the mount point in the underlying tree if missing). */
  mount(path: string, root: FsDir, readOnly = false): void {
    const p = resolvePath("/", path);
    this.mkdir(p, true);
    this.changed();
    this.mounts.push({ path: p, root, readOnly });
    this.mounts.sort((a, b) => b.path.length - a.path.length);
  }

  /** The trees this filesystem is made of (its root and every mount). */
  roots(): FsDir[] {
    return this.mounts.map((m) => m.root);
  }

  /** The mount `abs` (a normal absolute path) is under: the longest mount path that contains it. */
  private mountFor(abs: string): Mount {
    for (const m of this.mounts) {
      if (
        m.path === "/" ||
        abs === m.path ||
        (abs.startsWith(m.path) && abs.charCodeAt(m.path.length) === SLASH)
      )
        return m;
    }
    throw new Error("no root mount");
  }

  /** Looks a path up, following symlinks (up to 16 hops). */
  lookup(path: string, followLast = true, depth = 0): Result<FsNode> {
    const r = this.find(path, followLast, depth, true);
    return typeof r === "string" ? err(r) : ok(r);
  }

  /**
   * `lookup` without a result object: the node, or the errno. It walks the path's names in place
   * (no split): lookups are the runtime's most frequent filesystem operation.
   *
   * `own`: the node will be handed out or changed, so every node on the way that is a shared
   * template's (`overlayTree`) is first replaced by a copy of it in its directory, which the walk
   * then goes on through. Without it, the node found may be the template's: for a look only.
   */
  private find(path: string, followLast: boolean, depth: number, own: boolean): FsNode | Errno {
    if (depth > 16) return "EINVAL";
    const abs = resolvePath("/", path);
    const m = this.mountFor(abs);
    let node: FsNode = m.root;
    // The names below the mount point: abs[restStart..], separated by single slashes.
    const restStart = m.path === "/" ? 1 : m.path.length + 1;
    let start = restStart;
    while (start < abs.length) {
      let end = abs.indexOf("/", start);
      if (end < 0) end = abs.length;
      const last = end === abs.length;
      if (node.kind !== "dir") return "ENOTDIR";
      const name = abs.slice(start, end);
      let child: FsNode | undefined = node.entries.get(name);
      if (!child) return "ENOENT";
      if (own && sharedNodes.has(child)) {
        // Why no change is counted: the copy reads exactly as the node it replaces.
        child = ownCopy(child);
        node.entries.set(name, child);
      }
      if (child.kind === "symlink" && (followLast || !last)) {
        // The link's directory: the mount point plus the names walked before it.
        const linkDir = start > restStart ? abs.slice(0, start - 1) : m.path;
        const target = resolvePath(linkDir, child.target);
        return this.find(last ? target : `${target}/${abs.slice(end + 1)}`, followLast, depth + 1, own);
      }
      node = child;
      start = end + 1;
    }
    return node;
  }

  private parentOf(path: string): Result<{ dir: FsDir; name: string; readOnly: boolean }> {
    const abs = resolvePath("/", path);
    if (abs === "/") return err("EINVAL");
    const i = abs.lastIndexOf("/");
    const parent = abs.slice(0, i) || "/";
    const name = abs.slice(i + 1);
    const p = this.lookup(parent);
    if (!p.ok) return p;
    if (p.value.kind !== "dir") return err("ENOTDIR");
    return ok({ dir: p.value, name, readOnly: this.mountFor(abs).readOnly });
  }

  /** True when the path exists (following symlinks). */
  exists(path: string): boolean {
    return typeof this.find(path, true, 0, false) !== "string";
  }

  /** The node at a path, or undefined. */
  stat(path: string): FsNode | undefined {
    const r = this.find(path, true, 0, true);
    return typeof r === "string" ? undefined : r;
  }

  /**
   * `stat` for a look only: the node may be a shared template's (see `overlayTree`), so read it
   * at once and neither keep nor change it. The runtime's path lookups (a command on `PATH`)
   * use it. `followLast`: as for `lookup` (false: a symlink itself, not what it points to).
   */
  peek(path: string, followLast = true): Readonly<FsNode> | undefined {
    const r = this.find(path, followLast, 0, false);
    return typeof r === "string" ? undefined : r;
  }

  readFile(path: string): Result<string> {
    const r = this.find(path, true, 0, false);
    if (typeof r === "string") return err(r);
    if (r.kind === "dir") return err("EISDIR");
    if (r.kind !== "file") return err("EINVAL");
    return ok(r.data);
  }

  /** Writes (or appends to) a file, creating it if needed. */
  writeFile(path: string, data: string, append = false): Result<void> {
    const existing = this.lookup(path);
    if (existing.ok) {
      const n = existing.value;
      if (n.kind === "dir") return err("EISDIR");
      if (n.kind !== "file") return err("EINVAL");
      if (this.mountFor(resolvePath("/", path)).readOnly) return err("EROFS");
      this.changed();
      n.data = append ? n.data + data : data;
      n.mtimeMs = this.clock();
      return ok(undefined);
    }
    if (existing.errno !== "ENOENT") return existing;
    const p = this.parentOf(path);
    if (!p.ok) return p;
    if (p.value.readOnly) return err("EROFS");
    this.changed();
    p.value.dir.entries.set(p.value.name, { kind: "file", data, mode: 0o644, mtimeMs: this.clock() });
    return ok(undefined);
  }

  /** Creates a directory (and its parents with `parents`). */
  mkdir(path: string, parents = false): Result<void> {
    const abs = resolvePath("/", path);
    const existing = this.lookup(abs);
    if (existing.ok) return existing.value.kind === "dir" && parents ? ok(undefined) : err("EEXIST");
    const p = this.parentOf(abs);
    if (!p.ok) {
      if (p.errno === "ENOENT" && parents) {
        const made = this.mkdir(abs.slice(0, abs.lastIndexOf("/")) || "/", true);
        if (!made.ok) return made;
        return this.mkdir(abs, parents);
      }
      return p;
    }
    if (p.value.readOnly) return err("EROFS");
    this.changed();
    p.value.dir.entries.set(p.value.name, newDir(this.clock()));
    return ok(undefined);
  }

  /** Names in a directory, sorted. */
  readdir(path: string): Result<string[]> {
    const r = this.find(path, true, 0, false);
    if (typeof r === "string") return err(r);
    if (r.kind !== "dir") return err("ENOTDIR");
    return ok([...r.entries.keys()].sort());
  }

  /** Removes a file, symlink or (with `recursive`, or when empty) a directory. */
  remove(path: string, recursive = false): Result<void> {
    const abs = resolvePath("/", path);
    const node = this.lookup(abs, false);
    if (!node.ok) return node;
    if (this.mounts.some((m) => m.path === abs)) return err("EINVAL");
    if (node.value.kind === "dir" && !recursive && node.value.entries.size > 0) return err("ENOTEMPTY");
    const p = this.parentOf(abs);
    if (!p.ok) return p;
    if (p.value.readOnly) return err("EROFS");
    this.changed();
    p.value.dir.entries.delete(p.value.name);
    return ok(undefined);
  }

  /** Sets a file's modification time (creating an empty file if missing), as `touch` does. */
  touch(path: string): Result<void> {
    const r = this.lookup(path);
    if (r.ok) {
      this.changed();
      r.value.mtimeMs = this.clock();
      return ok(undefined);
    }
    if (r.errno !== "ENOENT") return r;
    return this.writeFile(path, "");
  }
}
