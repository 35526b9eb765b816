import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Filesystem, newDir, resolvePath, treeChanged, watchTree } from "./vfs.ts";

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
