import { describe, expect, it } from "vitest";
import {
  decideStart,
  isOwnEntryChange,
  latestWork,
  listWork,
  MAX_ENTRIES,
  newWorkId,
  readWork,
  type StorageLike,
  saveWork,
  tabWorkId,
  WORK_ID_KEY,
  workKey,
} from "./local-work.ts";

/** An in-memory Web Storage, shared between "tabs" the way localStorage is. */
class MemoryStorage implements StorageLike {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

/** Storage that throws on every access, as in a sandboxed iframe or with a full quota. */
const throwing: StorageLike = {
  get length(): number {
    throw new DOMException("denied", "SecurityError");
  },
  key: () => {
    throw new DOMException("denied", "SecurityError");
  },
  getItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("quota", "QuotaExceededError");
  },
  removeItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
};

const DEFAULT = "kind: Pod # default\n";

describe("saving and restoring local work", () => {
  it("restores what a tab saved after a reload of that tab", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const id = tabWorkId(session, "tab-a");
    expect(saveWork(local, id, { text: "my edit" }, 1000)).toBe(true);

    // Reload: same session storage, so the same id and the same entry.
    const idAfterReload = tabWorkId(session, "never-used");
    expect(idAfterReload).toBe("tab-a");
    expect(readWork(local, idAfterReload)).toEqual({
      id: "tab-a",
      text: "my edit",
      savedAtMs: 1000,
      edited: true,
    });
  });

  it("gives two tabs separate entries, so neither overwrites the other", () => {
    const local = new MemoryStorage();
    const a = tabWorkId(new MemoryStorage(), "tab-a");
    const b = tabWorkId(new MemoryStorage(), "tab-b");
    saveWork(local, a, { text: "work in A" }, 1000);
    saveWork(local, b, { text: "work in B" }, 2000);
    saveWork(local, a, { text: "more work in A" }, 3000);
    expect(readWork(local, a)?.text).toBe("more work in A");
    expect(readWork(local, b)?.text).toBe("work in B");
    expect(latestWork(local)?.text).toBe("more work in A");
  });

  it("keeps only the newest entries", () => {
    const local = new MemoryStorage();
    for (let i = 0; i < MAX_ENTRIES + 3; i++) saveWork(local, `t${i}`, { text: `text ${i}` }, i);
    const kept = listWork(local);
    expect(kept).toHaveLength(MAX_ENTRIES);
    expect(kept[0]?.text).toBe(`text ${MAX_ENTRIES + 2}`);
    expect(readWork(local, "t0")).toBeUndefined();
    expect(readWork(local, "t2")).toBeUndefined();
    expect(readWork(local, "t3")?.text).toBe("text 3");
  });

  it("ignores malformed entries and unrelated keys", () => {
    const local = new MemoryStorage();
    local.setItem(workKey("bad-json"), "{");
    local.setItem(workKey("no-text"), JSON.stringify({ savedAtMs: 5 }));
    local.setItem(workKey("bad-time"), JSON.stringify({ text: "x", savedAtMs: "soon" }));
    local.setItem("podlife.theme", "dark");
    saveWork(local, "good", { text: "ok" }, 1);
    expect(listWork(local).map((w) => w.id)).toEqual(["good"]);
  });

  it("works without storage: nothing saved, nothing restored, nothing thrown", () => {
    expect(saveWork(undefined, "x", { text: "t" }, 1)).toBe(false);
    expect(saveWork(throwing, "x", { text: "t" }, 1)).toBe(false);
    expect(readWork(throwing, "x")).toBeUndefined();
    expect(listWork(throwing)).toEqual([]);
    expect(tabWorkId(throwing, "fresh")).toBe("fresh");
    expect(tabWorkId(undefined, "fresh")).toBe("fresh");
  });

  it("stores the tab's id in session storage", () => {
    const session = new MemoryStorage();
    tabWorkId(session, "tab-z");
    expect(session.getItem(WORK_ID_KEY)).toBe("tab-z");
  });

  it("makes different ids for different random draws", () => {
    expect(newWorkId(() => 0.1, 5)).not.toBe(newWorkId(() => 0.2, 5));
  });
});

describe("deciding what the editor starts with", () => {
  const saved = (text: string, savedAtMs = 1, edited = true) => ({ id: "t", text, savedAtMs, edited });

  it("opens the default when there is no link and no work", () => {
    expect(decideStart({ defaultText: DEFAULT })).toEqual({ text: DEFAULT, source: "default" });
  });

  it("restores local work when there is no link", () => {
    expect(decideStart({ defaultText: DEFAULT, latestWork: saved("mine") })).toEqual({
      text: "mine",
      source: "local",
    });
  });

  it("prefers the tab's own work over the newest of any tab", () => {
    const d = decideStart({
      defaultText: DEFAULT,
      tabWork: saved("this tab", 1),
      latestWork: saved("other", 9),
    });
    expect(d.text).toBe("this tab");
  });

  it("opens a link directly when there is no local work, or the same text, or only the default", () => {
    for (const latest of [undefined, saved("shared"), saved(DEFAULT)]) {
      expect(decideStart({ defaultText: DEFAULT, shared: { text: "shared" }, latestWork: latest })).toEqual({
        text: "shared",
        source: "shared",
      });
    }
  });

  it("never silently replaces different local work with a link: it keeps the work and asks", () => {
    expect(
      decideStart({ defaultText: DEFAULT, shared: { text: "shared" }, latestWork: saved("mine") }),
    ).toEqual({
      text: "mine",
      source: "local",
      pendingShared: { text: "shared" },
    });
  });
});

describe("links opened but not edited", () => {
  it("are restored on a reload of their tab, but another link opens without asking", () => {
    const local = new MemoryStorage();
    saveWork(local, "other-tab", { text: "edited elsewhere" }, 1);
    saveWork(local, "this-tab", { text: "link A" }, 2, false);
    expect(latestWork(local)?.text).toBe("edited elsewhere");

    const tabWork = readWork(local, "this-tab");
    expect(decideStart({ defaultText: DEFAULT, tabWork, latestWork: latestWork(local) })).toEqual({
      text: "link A",
      source: "local",
    });
    expect(
      decideStart({
        defaultText: DEFAULT,
        shared: { text: "link B" },
        tabWork,
        latestWork: latestWork(local),
      }),
    ).toEqual({ text: "link B", source: "shared" });
  });

  it("but edits made to a link in this tab are protected", () => {
    const tabWork = { id: "t", text: "link A, edited", savedAtMs: 2, edited: true };
    expect(decideStart({ defaultText: DEFAULT, shared: { text: "link B" }, tabWork }).pendingShared).toEqual({
      text: "link B",
    });
  });

  it("reads old entries without the flag as edited", () => {
    const local = new MemoryStorage();
    local.setItem(workKey("old"), JSON.stringify({ text: "x", savedAtMs: 1 }));
    expect(readWork(local, "old")?.edited).toBe(true);
  });
});

describe("a compare session as one piece of work", () => {
  const b = { text: "variant B", titles: ["A title", "B title"] as [string, string], tab: "B" as const };

  it("saves and restores both variants and the open tab", () => {
    const local = new MemoryStorage();
    saveWork(local, "t", { text: "variant A", compare: b }, 1);
    const tabWork = readWork(local, "t");
    expect(tabWork?.compare).toEqual(b);
    expect(decideStart({ defaultText: DEFAULT, tabWork })).toEqual({
      text: "variant A",
      compare: b,
      source: "local",
    });
  });

  it("keeps a compare session whose variant A is the default text", () => {
    const tabWork = { id: "t", text: DEFAULT, compare: b, savedAtMs: 1, edited: true };
    expect(decideStart({ defaultText: DEFAULT, tabWork }).compare).toEqual(b);
  });

  it("asks before a link replaces a compare session that differs only in variant B", () => {
    const tabWork = { id: "t", text: "same A", compare: b, savedAtMs: 1, edited: true };
    expect(decideStart({ defaultText: DEFAULT, shared: { text: "same A" }, tabWork })).toEqual({
      text: "same A",
      compare: b,
      source: "local",
      pendingShared: { text: "same A" },
    });
  });

  it("opens a compare link at once when local work is the same pair", () => {
    const tabWork = { id: "t", text: "A", compare: { ...b, tab: "A" as const }, savedAtMs: 1, edited: true };
    expect(decideStart({ defaultText: DEFAULT, shared: { text: "A", compare: b }, tabWork })).toEqual({
      text: "A",
      compare: b,
      source: "shared",
    });
  });

  it("reads a malformed variant B as variant A alone", () => {
    const local = new MemoryStorage();
    local.setItem(workKey("x"), JSON.stringify({ text: "a", savedAtMs: 1, compare: { text: 3 } }));
    expect(readWork(local, "x")).toEqual({ id: "x", text: "a", savedAtMs: 1, edited: true });
  });
});

describe("noticing another tab", () => {
  it("sees another document writing this tab's own entry (a duplicated tab)", () => {
    expect(isOwnEntryChange({ key: workKey("a"), newValue: "{}" }, "a")).toBe(true);
    expect(isOwnEntryChange({ key: workKey("b"), newValue: "{}" }, "a")).toBe(false);
    expect(isOwnEntryChange({ key: workKey("a"), newValue: null }, "a")).toBe(false);
    expect(isOwnEntryChange({ key: null, newValue: null }, "a")).toBe(false);
  });
});
