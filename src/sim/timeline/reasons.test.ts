import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../index.ts";
import { WHY_CODES, whyOf } from "./reasons.ts";

const CASES = join(import.meta.dirname, "../../../conformance/cases");

describe("why sentences", () => {
  it("carry their code and values next to the English", () => {
    expect(whyOf("backoff.crashLoop", { delay: "20s" })).toEqual({
      why: "CrashLoopBackOff: the kubelet waits 20s after this container's last exit before restarting it (back-off doubles from 10s up to 5m).",
      whyCode: "backoff.crashLoop",
      whyArgs: { delay: "20s" },
    });
    expect(whyOf("start.specOrder")).toEqual({ why: "Started in spec order.", whyCode: "start.specOrder" });
    expect(whyOf("probe.restart", { probe: "liveness", run: 3, threshold: 3 }).why).toBe(
      "Liveness probe: 3rd failure in a row (failureThreshold 3): the kubelet kills the container and restarts it per the restart policy.",
    );
    expect(whyOf("traffic.reset", { owner: "nginx" }).why).toMatch(/^nginx in the pod exited/);
  });

  it("has unique codes", () => {
    expect(new Set(WHY_CODES).size).toBe(WHY_CODES.length);
    expect(WHY_CODES.length).toBeGreaterThan(40);
  });

  it("gives every why the simulator writes a code", () => {
    const uncoded: string[] = [];
    const codes = new Set<string>();
    for (const name of [
      "crashloop-backoff-delays",
      "traffic-rollout-no-prestop",
      "endpointslice-terminating",
    ]) {
      const r = simulate(readFileSync(join(CASES, name, "scenario.yaml"), "utf8"));
      if (!r.ok) throw new Error(`${name} did not load`);
      JSON.stringify(r.timeline, (_key, v: unknown) => {
        if (v && typeof v === "object" && "why" in v) {
          const { why, whyCode } = v as { why: string; whyCode?: string };
          if (whyCode) codes.add(whyCode);
          else uncoded.push(why);
        }
        return v;
      });
    }
    expect(uncoded).toEqual([]);
    expect(codes.size).toBeGreaterThan(10);
  });
});
