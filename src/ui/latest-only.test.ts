import { describe, expect, it, vi } from "vitest";
import { latestOnly } from "./latest-only.ts";

/** A run whose promises the test resolves by hand. */
function manualRuns() {
  const calls: { input: string; resolve: (r: string) => void; reject: (e: Error) => void }[] = [];
  const run = (input: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ input, resolve, reject });
    });
  return { calls, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("latestOnly", () => {
  it("runs at once when idle, and only the newest request after a run in flight", async () => {
    const { calls, run } = manualRuns();
    const results: string[] = [];
    const s = latestOnly(run, (r) => results.push(r));
    s.request("a");
    expect(calls.map((c) => c.input)).toEqual(["a"]);
    s.request("b");
    s.request("c");
    expect(calls).toHaveLength(1); // never two at once
    calls[0]!.resolve("A");
    await flush();
    expect(results).toEqual([]); // "a" was overtaken: its result is stale
    expect(calls.map((c) => c.input)).toEqual(["a", "c"]); // "b" was never run
    calls[1]!.resolve("C");
    await flush();
    expect(results).toEqual(["C"]);
  });

  it("reports when the request was made and when its run started", async () => {
    const { calls, run } = manualRuns();
    let t = 100;
    const times: unknown[] = [];
    const s = latestOnly(run, (_r, _i, at) => times.push(at), { now: () => t });
    s.request("a");
    t = 130;
    calls[0]!.resolve("A");
    await flush();
    expect(times).toEqual([{ requestedAt: 100, startedAt: 100 }]);
  });

  it("cancels a stale run that has gone on for cancelAfterMs, then runs the newest", async () => {
    vi.useFakeTimers();
    try {
      const { calls, run } = manualRuns();
      const results: string[] = [];
      let t = 0;
      const cancel = vi.fn(() => calls[0]!.reject(new Error("cancelled")));
      const s = latestOnly(run, (r) => results.push(r), { cancel, cancelAfterMs: 300, now: () => t });
      s.request("slow");
      t = 100;
      s.request("new");
      expect(cancel).not.toHaveBeenCalled();
      t = 300;
      await vi.advanceTimersByTimeAsync(200);
      expect(cancel).toHaveBeenCalledOnce();
      expect(calls.map((c) => c.input)).toEqual(["slow", "new"]);
      calls[1]!.resolve("NEW");
      await vi.advanceTimersByTimeAsync(0);
      expect(results).toEqual(["NEW"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not cancel a run that finishes in time, and a failed fresh run reports nothing", async () => {
    vi.useFakeTimers();
    try {
      const { calls, run } = manualRuns();
      const results: string[] = [];
      const cancel = vi.fn();
      const s = latestOnly(run, (r) => results.push(r), { cancel, cancelAfterMs: 300, now: () => 0 });
      s.request("a");
      s.request("b");
      calls[0]!.resolve("A");
      await vi.advanceTimersByTimeAsync(1000);
      expect(cancel).not.toHaveBeenCalled();
      calls[1]!.reject(new Error("worker died"));
      await vi.advanceTimersByTimeAsync(0);
      expect(results).toEqual([]);
      s.request("c");
      expect(calls.map((c) => c.input)).toEqual(["a", "b", "c"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("after dispose nothing runs and nothing is reported", async () => {
    const { calls, run } = manualRuns();
    const results: string[] = [];
    const s = latestOnly(run, (r) => results.push(r));
    s.request("a");
    s.dispose();
    s.request("b");
    calls[0]!.resolve("A");
    await flush();
    expect(results).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
