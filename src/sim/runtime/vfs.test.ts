import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cloneTree,
  Filesystem,
  type FsDir,
  type FsNode,
  newDir,
  overlayTree,
  resolvePath,
  shareTree,
  treeChanged,
  watchTree,
} from "./vfs.ts";

/** `resolvePath` as written before its fast path for already-normal paths. */
function resolveBySplitting(cwd: string, path: string): string {
  const out: string[] = [];
  for (const p of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}

describe("resolvePath", () => {
  it("returns what splitting returns, for normal and odd paths alike", () => {
    const segment = fc.constantFrom("", ".", "..", "a", "b.c", "...", ".x", "x.");
    const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean());
    fc.assert(
      fc.property(path, ([absolute, parts, trailing]) => {
        const p = `${absolute ? "/" : ""}${parts.join("/")}${trailing ? "/" : ""}`;
        expect(resolvePath("/w/d", p)).toBe(resolveBySplitting("/w/d", p));
      }),
    );
  });
});

describe("Filesystem.lookup", () => {
  it("resolves a relative symlink against its own directory, under a mount too", () => {
    const fs = new Filesystem(newDir());
    fs.mkdir("/srv/www", true);
    fs.writeFile("/srv/www/index.html", "hi");
    fs.mount("/mnt/data", newDir());
    fs.mkdir("/mnt/data/pages", true);
    fs.writeFile("/mnt/data/pages/a.txt", "a");
    const links = fs.stat("/srv") as { kind: "dir"; entries: Map<string, unknown> };
    links.entries.set("current", { kind: "symlink", target: "www", mtimeMs: 0 });
    const data = fs.stat("/mnt/data") as { kind: "dir"; entries: Map<string, unknown> };
    data.entries.set("latest", { kind: "symlink", target: "pages", mtimeMs: 0 });
    expect(fs.readFile("/srv/current/index.html")).toEqual({ ok: true, value: "hi" });
    expect(fs.readFile("/mnt/data/latest/a.txt")).toEqual({ ok: true, value: "a" });
  });
});

describe("Filesystem.generation", () => {
  it("for a private root, moves with its own changes and direct edits, not with other trees", () => {
    const own = new Filesystem(newDir(), () => 0, { ownsRoot: true });
    const other = new Filesystem(newDir());
    const g0 = own.generation();
    other.writeFile("/pid", "1\n");
    expect(own.generation()).toBe(g0);
    own.writeFile("/index.html", "hi");
    const g1 = own.generation();
    expect(g1).not.toBe(g0);
    treeChanged(newDir());
    const g2 = own.generation();
    expect(g2).not.toBe(g1);
    own.mkdir("/data");
    own.mount("/data", newDir());
    // With something mounted, another filesystem may change what it sees: every change counts.
    const g3 = own.generation();
    expect(g3).not.toBe(g2);
    other.writeFile("/pid", "2\n");
    expect(own.generation()).not.toBe(g3);
  });

  it("for a shared root, moves with any tree's change", () => {
    const shared = new Filesystem(newDir());
    const other = new Filesystem(newDir());
    const g0 = shared.generation();
    other.touch("/x");
    expect(shared.generation()).not.toBe(g0);
  });
});

describe("watchTree", () => {
  it("tells of changes through any filesystem made of the tree, until unwatched", () => {
    const volume = newDir();
    const a = new Filesystem(newDir());
    const b = new Filesystem(newDir());
    a.mount("/data", volume);
    b.mount("/html", volume);
    const told: string[] = [];
    const unwatch = watchTree(volume, () => told.push("volume"));
    const other = new Filesystem(newDir());
    other.writeFile("/x", "1");
    expect(told).toEqual([]);
    b.writeFile("/html/index.html", "hi");
    expect(told).toEqual(["volume"]);
    // A change through a filesystem may be in any of its trees: its root counts too.
    a.writeFile("/pid", "1");
    expect(told).toEqual(["volume", "volume"]);
    treeChanged(volume);
    expect(told.length).toBe(3);
    unwatch();
    b.writeFile("/html/index.html", "bye");
    expect(told.length).toBe(3);
  });
});

/** An image-like template: nested directories, files, a program, absolute and relative symlinks. */
function template(): FsDir {
  const fs = new Filesystem(newDir());
  fs.mkdir("/etc/sub", true);
  fs.writeFile("/etc/a", "a");
  fs.writeFile("/etc/sub/b", "b");
  fs.mkdir("/run");
  fs.mkdir("/var");
  fs.mkdir("/usr/bin", true);
  fs.writeFile("/usr/bin/sh", "ELF");
  const sh = fs.stat("/usr/bin/sh");
  if (sh?.kind === "file") sh.program = "sh";
  const root = fs.stat("/") as FsDir;
  const v = fs.stat("/var") as FsDir;
  v.entries.set("run", { kind: "symlink", target: "/run", mtimeMs: 0 });
  root.entries.set("link", { kind: "symlink", target: "etc", mtimeMs: 0 });
  return root;
}

/** Everything a tree says, walked directly (symlinks not followed). */
function dump(node: FsNode, path = "/", out: string[] = []): string[] {
  if (node.kind === "dir") {
    out.push(`${path} dir ${node.mode} ${node.mtimeMs}`);
    for (const [name, child] of [...node.entries].sort(([a], [b]) => (a < b ? -1 : 1)))
      dump(child, `${path === "/" ? "" : path}/${name}`, out);
  } else if (node.kind === "file")
    out.push(`${path} file ${node.mode} ${node.mtimeMs} ${node.program ?? ""} ${JSON.stringify(node.data)}`);
  else out.push(`${path} -> ${node.target} ${node.mtimeMs}`);
  return out;
}

const PATHS = [
  "/",
  "/etc",
  "/etc/a",
  "/etc/sub",
  "/etc/sub/b",
  "/etc/new",
  "/link/a",
  "/link/sub/b",
  "/var/run",
  "/var/run/x.pid",
  "/run/x.pid",
  "/usr/bin/sh",
  "/usr/bin",
  "/mnt/v/f",
  "/mnt/v",
  "/nope/x",
];

type Op =
  | { op: "write"; path: string; data: string; append: boolean }
  | { op: "mkdir"; path: string; parents: boolean }
  | { op: "remove"; path: string; recursive: boolean }
  | { op: "touch"; path: string }
  | { op: "chmod"; path: string; mode: number }
  | { op: "edit"; path: string }
  | { op: "link"; from: string; to: string }
  | { op: "keep"; path: string; slot: number }
  | { op: "editKept"; slot: number }
  | { op: "read"; path: string };

const path = fc.constantFrom(...PATHS);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("write" as const),
    path,
    data: fc.constantFrom("x", "yy"),
    append: fc.boolean(),
  }),
  fc.record({ op: fc.constant("mkdir" as const), path, parents: fc.boolean() }),
  fc.record({ op: fc.constant("remove" as const), path, recursive: fc.boolean() }),
  fc.record({ op: fc.constant("touch" as const), path }),
  fc.record({ op: fc.constant("chmod" as const), path, mode: fc.constantFrom(0o600, 0o755) }),
  fc.record({ op: fc.constant("edit" as const), path }),
  fc.record({ op: fc.constant("link" as const), from: path, to: path }),
  fc.record({ op: fc.constant("keep" as const), path, slot: fc.nat(2) }),
  fc.record({ op: fc.constant("editKept" as const), slot: fc.nat(2) }),
  fc.record({ op: fc.constant("read" as const), path }),
);

/** Runs one operation as the runtime's programs and tools would; returns what it answered. */
function apply(fs: Filesystem, kept: (FsNode | undefined)[], o: Op): string {
  switch (o.op) {
    case "write":
      return JSON.stringify(fs.writeFile(o.path, o.data, o.append));
    case "mkdir":
      return JSON.stringify(fs.mkdir(o.path, o.parents));
    case "remove":
      return JSON.stringify(fs.remove(o.path, o.recursive));
    case "touch":
      return JSON.stringify(fs.touch(o.path));
    case "chmod": {
      const node = fs.stat(o.path);
      if (!node || node.kind === "symlink") return "none";
      treeChanged(fs);
      node.mode = o.mode;
      return "ok";
    }
    case "edit": {
      const r = fs.lookup(o.path);
      if (!r.ok || r.value.kind !== "file") return "none";
      treeChanged(fs);
      r.value.data += "!";
      return "ok";
    }
    case "link": {
      // `ln FROM TO`: the same node at a second path.
      const node = fs.stat(o.from);
      const parent = fs.stat(o.to.slice(0, o.to.lastIndexOf("/")) || "/");
      if (!node || node.kind === "dir" || parent?.kind !== "dir" || fs.exists(o.to)) return "none";
      treeChanged(fs);
      parent.entries.set(o.to.slice(o.to.lastIndexOf("/") + 1), node);
      return "ok";
    }
    case "keep":
      kept[o.slot] = fs.stat(o.path);
      return String(kept[o.slot]?.kind);
    case "editKept": {
      const node = kept[o.slot];
      if (node?.kind !== "file") return "none";
      treeChanged(fs);
      node.data += "?";
      return "ok";
    }
    case "read":
      return JSON.stringify([
        fs.readFile(o.path),
        fs.readdir(o.path),
        fs.exists(o.path),
        fs.peek(o.path)?.kind,
        fs.lookup(o.path, false).ok,
      ]);
  }
}

describe("overlayTree", () => {
  it("reads and changes exactly as a deep copy does, and leaves the template and its other copies alone", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const shared = template();
        shareTree(shared);
        const pristine = dump(template());
        let now = 0;
        const clock = () => now;
        const deep = new Filesystem(cloneTree(template()), clock, { ownsRoot: true });
        const lazy = new Filesystem(overlayTree(shared), clock, { ownsRoot: true });
        const sibling = new Filesystem(overlayTree(shared), clock, { ownsRoot: true });
        sibling.writeFile("/etc/sibling", "s");
        const volumes = [newDir(), newDir()];
        deep.mount("/mnt/v", volumes[0]!);
        lazy.mount("/mnt/v", volumes[1]!);
        const told = [0, 0, 0, 0];
        const roots = [deep.roots()[0]!, lazy.roots()[0]!, ...volumes];
        const unwatch = [
          watchTree(roots[0]!, () => told[0]!++),
          watchTree(roots[1]!, () => told[1]!++),
          watchTree(volumes[0]!, () => told[2]!++),
          watchTree(volumes[1]!, () => told[3]!++),
        ];
        const keptDeep: (FsNode | undefined)[] = [];
        const keptLazy: (FsNode | undefined)[] = [];
        for (const o of ops) {
          now++;
          const g0 = deep.generation();
          const a = apply(deep, keptDeep, o);
          const movedDeep = deep.generation() !== g0;
          const g1 = lazy.generation();
          const b = apply(lazy, keptLazy, o);
          const movedLazy = lazy.generation() !== g1;
          expect(b).toBe(a);
          expect(movedLazy).toBe(movedDeep);
          expect([told[1], told[3]]).toEqual([told[0], told[2]]);
        }
        for (const u of unwatch) u();
        expect(dump(lazy.roots()[0]!)).toEqual(dump(deep.roots()[0]!));
        expect(dump(volumes[1]!)).toEqual(dump(volumes[0]!));
        expect(dump(shared)).toEqual(pristine);
        expect(sibling.readFile("/etc/a")).toEqual({ ok: true, value: "a" });
        expect(dump(sibling.roots()[0]!).filter((l) => !l.startsWith("/etc"))).toEqual(
          pristine.filter((l) => !l.startsWith("/etc")),
        );
      }),
      { numRuns: 300 },
    );
  });
});
