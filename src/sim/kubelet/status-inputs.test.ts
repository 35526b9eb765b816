/**
 * `StatusInputs` lets a pod worker keep the status it has when nothing `generateStatus` reads has
 * changed. These tests run every golden case (tutorial demos and conformance cases: crash loops,
 * init containers, sidecars, hooks, probes, readiness gates patched through the status
 * subresource, deletions) and check, at every status update, that the status the worker keeps or
 * generates is the one a full generation from the previous status gives.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../cli/script.ts";
import { createSimulation } from "../index.ts";
import { sameJson } from "../same-json.ts";
import type { PodState } from "./pod-state.ts";
import { PodWorker } from "./pod-worker.ts";
import { generateStatus, StatusInputs } from "./status.ts";

const caseDirs = [
  join(import.meta.dirname, "../golden/cases"),
  join(import.meta.dirname, "../../../conformance/cases"),
].flatMap((root) =>
  readdirSync(root)
    .sort()
    .map((name) => ({ name, dir: join(root, name) })),
);

type Updating = { ps: PodState; clock: { now(): number }; updateStatus(): void };

describe("status inputs", () => {
  const proto = PodWorker.prototype as unknown as Updating;
  const original = proto.updateStatus;
  let checked = 0;
  let mismatches: string[] = [];
  beforeAll(() => {
    proto.updateStatus = function (this: Updating) {
      const before = this.ps.pod.status;
      original.call(this);
      // A full generation from the status before, on a copy of the pod's state.
      const copy: PodState = { ...this.ps, pod: { ...this.ps.pod, status: before } };
      generateStatus(copy, this.ps.epochMs, this.clock.now());
      checked++;
      if (!sameJson(copy.pod.status, this.ps.pod.status)) {
        mismatches.push(
          `${this.ps.name} at ${this.clock.now()} ms:\n${JSON.stringify(copy.pod.status)}\n${JSON.stringify(this.ps.pod.status)}`,
        );
      }
    };
  });
  afterAll(() => {
    proto.updateStatus = original;
  });

  for (const { name, dir } of caseDirs) {
    it(`keeps or generates the status a full generation gives: ${name}`, { timeout: 60_000 }, () => {
      mismatches = [];
      checked = 0;
      const script = parseScript(readFileSync(join(dir, "script.txt"), "utf8"));
      if (!script.ok) throw new Error(script.error);
      const created = createSimulation(readFileSync(join(dir, "scenario.yaml"), "utf8"));
      if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
      const sim = created.simulation;
      let prevEnd = 0;
      for (const line of script.lines) {
        sim.runUntil(Math.max(line.relative ? prevEnd + line.ms : line.ms, sim.nowMs));
        prevEnd = sim.run(line.command).endMs;
      }
      // Resyncs with nothing new, after the script.
      sim.runUntil(sim.nowMs + 300_000);
      expect(checked).toBeGreaterThan(0);
      expect(mismatches.slice(0, 1)).toEqual([]);
    });
  }

  it("reports a change in any input, and none when nothing changed", () => {
    const created = createSimulation(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe: {httpGet: {path: /, port: 80}}
`);
    if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
    const sim = created.simulation;
    sim.runUntil(30_000);
    const kubelet = [...sim.cluster.nodes.values()][0]!.kubelet;
    const ps = [...kubelet.workers.values()][0]!.ps;
    const inputs = new StatusInputs();
    expect(inputs.changed(ps, ps.epochMs)).toBe(true);
    expect(inputs.changed(ps, ps.epochMs)).toBe(false);
    const id = [...ps.readiness.keys()][0]!;
    ps.readiness.set(id, "failure");
    expect(inputs.changed(ps, ps.epochMs)).toBe(true);
    expect(inputs.changed(ps, ps.epochMs)).toBe(false);
    ps.spec.containers[0]!.image = "nginx:1.28";
    expect(inputs.changed(ps, ps.epochMs)).toBe(true);
    ps.pod.metadata.deletionTimestamp = "2025-01-01T00:00:00Z";
    expect(inputs.changed(ps, ps.epochMs)).toBe(true);
    ps.instances.get("nginx")![0]!.state = "exited";
    expect(inputs.changed(ps, ps.epochMs)).toBe(true);
    expect(inputs.changed(ps, ps.epochMs)).toBe(false);
  });
});
