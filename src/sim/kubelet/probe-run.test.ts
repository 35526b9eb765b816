/**
 * The arithmetic of fast-forwarded probe workers: jumping a cursor over a stretch lands where
 * stepping through it does, and a run lists its steps in timer order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceCursor,
  nextStepMs,
  type ProbeCursor,
  ProbeRun,
  ProbeRunLines,
  probeSteps,
  stepArmedMs,
  stepCursor,
} from "./probe-run.ts";

const cursor = fc
  .record({
    periodMs: fc.integer({ min: 100, max: 20_000 }),
    sendMs: fc.integer({ min: 0, max: 100_000 }),
    inFlight: fc.boolean(),
    wait: fc.double({ min: 0, max: 0.99, noNaN: true }),
  })
  .map(({ periodMs, sendMs, inFlight, wait }): ProbeCursor => {
    const waitMs = Math.floor(wait * periodMs);
    // In flight: the probe before the next send was sent a period earlier.
    return { periodMs, waitMs, sendMs: sendMs + periodMs, sentMs: inFlight ? sendMs : -1 };
  });

describe("advanceCursor", () => {
  it("lands where stepping every step due before the end does", () => {
    fc.assert(
      fc.property(
        cursor,
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: -1, max: 3 }),
        (c, t, edge) => {
          // Edges: the end exactly at a send or at an answer, where "before" matters.
          const k = Math.floor(t / c.periodMs);
          const untilMs = edge < 0 ? t : c.sendMs + k * c.periodMs + (edge % 2 ? c.waitMs : 0);
          const stepped = { ...c };
          let sent = 0;
          let answered = 0;
          while (nextStepMs(stepped) < untilMs) {
            if (stepCursor(stepped) === "send") sent++;
            else answered++;
          }
          const jumped = { ...c };
          expect(advanceCursor(jumped, untilMs)).toEqual({ sent, answered });
          expect(jumped).toEqual(stepped);
        },
      ),
    );
  });
});

describe("probeSteps", () => {
  it("lists each worker's steps before the end, by time, then by when their timer was set", () => {
    fc.assert(
      fc.property(
        fc.array(cursor, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 200_000 }),
        (cs, untilMs) => {
          const order = cs.map((_, i) => cs.length - 1 - i);
          const steps = [...probeSteps(cs, order, untilMs)];
          for (let i = 0; i < cs.length; i++) {
            const own = { ...cs[i]! };
            const expected: number[] = [];
            while (nextStepMs(own) < untilMs) {
              expected.push(nextStepMs(own));
              stepCursor(own);
            }
            expect(steps.filter((s) => s.index === i).map((s) => s.atMs)).toEqual(expected);
          }
          for (let i = 1; i < steps.length; i++)
            expect(steps[i]!.atMs).toBeGreaterThanOrEqual(steps[i - 1]!.atMs);
        },
      ),
    );
  });

  it("puts the earlier-set timer first at the same time, then the earlier worker", () => {
    // Worker 0 answers at 1000 (sent at 900); worker 1 sends at 1000 (armed at its last answer, 950).
    const a: ProbeCursor = { sendMs: 900 + 5000, sentMs: 900, waitMs: 100, periodMs: 5000 };
    const b: ProbeCursor = { sendMs: 1000, sentMs: -1, waitMs: 50, periodMs: 100_000 };
    expect(stepArmedMs(a)).toBe(900);
    expect(stepArmedMs(b)).toBe(1000 - 100_000 + 50);
    const steps = [...probeSteps([a, b], [0, 1], 1001)].map((s) => [s.index, s.kind, s.atMs]);
    expect(steps).toEqual([
      [1, "send", 1000],
      [0, "answer", 1000],
    ]);
    const same: ProbeCursor = { sendMs: 1000, sentMs: -1, waitMs: 50, periodMs: 100_000 };
    expect([...probeSteps([same, { ...same }], [1, 0], 1001)].map((s) => s.index)).toEqual([1, 0]);
  });
});

describe("ProbeRunLines", () => {
  it("lists a joined line after the probe lines due at or before its time, as the run grows", () => {
    const probe = (t: number) => `probe ${t}\n`;
    const workers = {
      order: [0, 1],
      waitMs: [10, 5],
      periodMs: [100, 150],
      line: [probe, probe],
      attempt: [],
    };
    // Worker 0 sends at 100, 200, …; worker 1 (another log) at 50, 200, ….
    const run = new ProbeRun(workers, [100, -1, 50, -1], 250);
    const lines = new ProbeRunLines(run, 0b01);
    expect(lines.join(200, (t) => `a ${t}\n`)).toBe(true);
    lines.join(200, (t) => `b ${t}\n`);
    run.untilMs = 401;
    lines.join(400, (t) => `c ${t}\n`);
    run.untilMs = 600;
    expect([...lines]).toEqual([
      [100, "probe 100\n"],
      [200, "probe 200\n"],
      [200, "a 200\n"],
      [200, "b 200\n"],
      [300, "probe 300\n"],
      [400, "probe 400\n"],
      [400, "c 400\n"],
      [500, "probe 500\n"],
    ]);
    // Joined lines past the run's last probe line come last.
    lines.join(650, (t) => `d ${t}\n`);
    expect([...lines].slice(-2)).toEqual([
      [500, "probe 500\n"],
      [650, "d 650\n"],
    ]);
    // Once something else is written after it, nothing joins it.
    lines.close();
    expect(lines.open).toBe(false);
    expect(lines.join(700, (t) => `e ${t}\n`)).toBe(false);
    expect([...lines].length).toBe(9);
  });
});
