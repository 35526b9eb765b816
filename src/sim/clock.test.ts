import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";

describe("VirtualClock", () => {
  it("fires timers in due order, equal due times in creation order", () => {
    const c = new VirtualClock();
    const fired: string[] = [];
    c.setTimeout(() => fired.push("b@20"), 20);
    c.setTimeout(() => fired.push("a@10"), 10);
    c.setTimeout(() => fired.push("c@20"), 20);
    c.advanceTo(100);
    expect(fired).toEqual(["a@10", "b@20", "c@20"]);
    expect(c.now()).toBe(100);
  });

  it("sets now to each timer's due time while it fires", () => {
    const c = new VirtualClock();
    const seen: number[] = [];
    c.setTimeout(() => seen.push(c.now()), 30);
    c.setTimeout(() => seen.push(c.now()), 70);
    c.advanceTo(50);
    expect(seen).toEqual([30]);
    expect(c.now()).toBe(50);
    c.advanceTo(70);
    expect(seen).toEqual([30, 70]);
  });

  it("honours timers created while advancing, from the time they were created", () => {
    const c = new VirtualClock();
    const seen: number[] = [];
    c.setTimeout(() => {
      seen.push(c.now());
      c.setTimeout(() => seen.push(c.now()), 15);
    }, 10);
    c.advanceTo(1000);
    expect(seen).toEqual([10, 25]);
  });

  it("fires a chain of zero-delay timers at the same instant", () => {
    const c = new VirtualClock();
    let n = 0;
    const tick = () => {
      if (++n < 5) c.setTimeout(tick, 0);
    };
    c.setTimeout(tick, 5);
    c.advanceTo(5);
    expect(n).toBe(5);
    expect(c.now()).toBe(5);
  });

  it("does not fire cancelled timers", () => {
    const c = new VirtualClock();
    const fired: number[] = [];
    const h = c.setTimeout(() => fired.push(1), 10);
    c.setTimeout(() => fired.push(2), 20);
    c.clearTimeout(h);
    c.advanceTo(30);
    expect(fired).toEqual([2]);
  });

  it("stops early when the stop predicate holds", () => {
    const c = new VirtualClock();
    let done = false;
    c.setTimeout(() => {
      done = true;
    }, 40);
    c.setTimeout(() => {}, 80);
    expect(c.advanceTo(100, () => done)).toBe(true);
    expect(c.now()).toBe(40);
    expect(c.nextDueMs()).toBe(80);
  });

  it("never moves backwards", () => {
    const c = new VirtualClock();
    c.advanceTo(100);
    c.advanceTo(50);
    expect(c.now()).toBe(100);
    const seen: number[] = [];
    c.setTimeout(() => seen.push(c.now()), -5);
    c.advanceTo(100);
    expect(seen).toEqual([100]);
  });
});
