import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock.ts";
import { Latch, sleep, startTask, type Task } from "./task.ts";

describe("tasks on the virtual clock", () => {
  it("sleeps in virtual time and returns a value", () => {
    const c = new VirtualClock();
    const done = startTask(
      c,
      (function* (): Task<number> {
        yield sleep(1000);
        yield sleep(500);
        return c.now();
      })(),
    );
    c.advanceTo(10_000);
    expect(done.value).toBe(1500);
  });

  it("races a latch against a timeout", () => {
    const c = new VirtualClock();
    const l = new Latch<string>();
    const done = startTask(
      c,
      (function* (): Task<unknown> {
        return yield { race: [{ latch: l as Latch<unknown> }, { sleep: 3000 }] };
      })(),
    );
    c.setTimeout(() => l.fire("x"), 1000);
    c.advanceTo(5000);
    expect(done.value).toBe(0);
  });

  it("lets go of a long-lived cancel latch when it finishes", () => {
    const c = new VirtualClock();
    const cancel = new Latch<unknown>();
    for (let i = 0; i < 3; i++)
      startTask(
        c,
        (function* (): Task {
          yield sleep(10);
        })(),
        cancel,
      );
    expect(cancel.waiting).toBe(3);
    c.advanceTo(10);
    expect(cancel.waiting).toBe(0);
  });

  it("cancels at the current wait and runs finally blocks", () => {
    const c = new VirtualClock();
    const cancel = new Latch<void>();
    let cleaned = false;
    let reached = false;
    const done = startTask(
      c,
      (function* (): Task<void> {
        try {
          yield sleep(1000);
          reached = true;
        } finally {
          cleaned = true;
        }
      })(),
      cancel as Latch<unknown>,
    );
    c.setTimeout(() => cancel.fire(), 500);
    c.advanceTo(2000);
    expect(done.done).toBe(true);
    expect(cleaned).toBe(true);
    expect(reached).toBe(false);
  });
});
