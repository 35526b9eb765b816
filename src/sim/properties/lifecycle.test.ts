/**
 * Property tests over generated Pods and kubectl scripts (issue 3's acceptance): the simulator never
 * throws, always finishes, and the lifecycle invariants hold — no regular container before the init
 * containers complete, restartCount never decreases, no SIGKILL before the grace period ends, the
 * same seed gives the same timeline.
 * Runs use a fixed fast-check seed (see `params.ts`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GenScenario, scenario, scenarioText } from "./arbitraries.ts";
import {
  apiInitGating,
  apiPhaseAndReadiness,
  type CaseRun,
  deletesFinish,
  describeCase,
  noStartAfterDeletion,
  restartBackoffRespected,
  restartCountMatchesCreations,
  restartCountsNeverDecrease,
  restartPolicyRespected,
  runCase,
  sigkillExits137,
  sigkillNotEarly,
  spansWellFormed,
  succeededMeansExit0,
  timelineInitGating,
} from "./harness.ts";
import { fcParams } from "./params.ts";

const RUNS = 30;

// One simulation per case, shared by the invariants below (they walk the same cases).
const cache = new Map<string, CaseRun>();
function run(s: GenScenario): CaseRun {
  const text = scenarioText(s);
  const key = `${s.seed}\n${JSON.stringify(s.script)}\n${s.horizonSeconds}\n${text}`;
  let r = cache.get(key);
  if (!r) {
    r = runCase(s, text);
    cache.set(key, r);
  }
  return r;
}

/** Asserts that `check` finds nothing on every generated case. */
function holds(check: (s: GenScenario, r: CaseRun) => string[], runs = RUNS): void {
  fc.assert(
    fc.property(scenario, (s) => {
      const r = run(s);
      const violations = check(s, r);
      if (violations.length > 0)
        throw new Error(`${violations.slice(0, 5).join("\n")}\n${describeCase(s, r.text)}`);
    }),
    fcParams(runs),
  );
}

describe("generated pods and kubectl scripts", { timeout: 120_000 }, () => {
  it("never throw and always finish within the horizon and the work budget", () => {
    holds((s, r) => {
      const out: string[] = [];
      if (r.endMs < s.horizonSeconds * 1000) out.push(`clock stopped at ${r.endMs}ms`);
      if (r.timeline.endMs !== r.endMs) out.push(`timeline ends at ${r.timeline.endMs}, clock at ${r.endMs}`);
      for (const c of r.commands)
        if (c.origin === "user" && c.endMs < c.atMs) out.push(`"${c.command}" ended before it started`);
      return out;
    });
  });

  it("restartCount never decreases", () => {
    holds((_, r) => restartCountsNeverDecrease(r));
  });

  it("no regular container runs before the init containers complete (API status)", () => {
    holds((_, r) => apiInitGating(r));
  });

  it("no regular container starts before the init containers complete (timeline)", () => {
    holds((s, r) => timelineInitGating(s, r));
  });

  it("no SIGKILL before the grace period ends, and never within 2 s of the stop signal", () => {
    holds((s, r) => sigkillNotEarly(s, r));
  });

  it("terminal phases are final and ready containers are running", () => {
    holds((_, r) => apiPhaseAndReadiness(r));
  });

  it("kubectl delete returns once the pod is gone, within its grace period", () => {
    holds((s, r) => deletesFinish(s, r));
  });

  it("no container starts after its pod's deletion was requested", () => {
    holds((s, r) => noStartAfterDeletion(s, r));
  });

  it("restarts wait out CrashLoopBackOff (0, 10, 20, 40 … 300 s)", () => {
    holds((_, r) => restartBackoffRespected(r));
  });

  it("restarts follow restartPolicy", () => {
    holds((s, r) => restartPolicyRespected(s, r));
  });

  it("a SIGKILL ends the container with exit code 137", () => {
    holds((_, r) => sigkillExits137(r));
  });

  it("restartCount never exceeds the containers created minus one", () => {
    holds((_, r) => restartCountMatchesCreations(r));
  });

  it("a Succeeded pod's containers all exited 0", () => {
    holds((_, r) => succeededMeansExit0(r));
  });

  it("timeline spans are well formed", () => {
    holds((_, r) => spansWellFormed(r));
  });

  it("reading the cluster (get, describe, logs, status samples) does not change what happens", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const observed = run(s);
        const quiet = runCase(s, scenarioText(s), { sampleEveryMs: 0, skipReadOnly: true });
        expect(quiet.timeline).toEqual(observed.timeline);
      }),
      fcParams(10),
    );
  });

  it("the same text and seed give the same timeline and command output", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = run(s);
        const second = runCase(s, scenarioText(s));
        expect(second.timeline).toEqual(first.timeline);
        expect(second.commands).toEqual(first.commands);
        expect(second.samples).toEqual(first.samples);
      }),
      fcParams(10),
    );
  });
});
