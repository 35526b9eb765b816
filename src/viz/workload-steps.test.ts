import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate, workload } from "../sim/controllers/testing.ts";
import { layoutSwimlanes } from "./layout.ts";
import { describeWorkloadItem, stepWhy } from "./workload-items.ts";

describe("Deployment tracks", () => {
  it("carry the resolved strategy and each condition change, and the steps name the numbers", () => {
    const sim = simulate(
      `${workload("Deployment", "web", 4)}---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: roll}
spec:
  timeline:
  - {at: 20s, run: kubectl set image deployment/web nginx=nginx:1.28}
`,
    );
    sim.runUntil(60_000);
    const d = sim.timeline().deployments![0]!;
    expect(d.strategy).toEqual({ type: "RollingUpdate", maxSurge: 1, maxUnavailable: 1 });
    const progressing = d.conditions!.filter((c) => c.type === "Progressing").map((c) => c.reason);
    expect(progressing).toEqual([
      "NewReplicaSetCreated",
      "ReplicaSetUpdated",
      "NewReplicaSetAvailable",
      "NewReplicaSetCreated",
      "ReplicaSetUpdated",
      "NewReplicaSetAvailable",
    ]);
    const up = d.steps.find((s) => s.message.includes("from 1 to 2"))!;
    expect(stepWhy(d, up)).toContain("up to 5 pods in all (4 + maxSurge 1)");
    const down = d.steps.find((s) => s.message.startsWith("Scaled down") && s.atMs > 20_000)!;
    expect(stepWhy(d, down)).toContain("keeps at least 3 (4 − maxUnavailable 1) available");
  });
});

describe("the progress deadline on the drawing", () => {
  it("marks ProgressDeadlineExceeded in the rollout steps, with the condition's message and why", () => {
    const text = readFileSync(
      join(import.meta.dirname, "../../conformance/cases/deployment-progress-deadline/scenario.yaml"),
      "utf8",
    );
    const sim = simulate(text);
    sim.run("kubectl set image deployment/web web=example.com/shop/web-next:2.0");
    sim.runUntil(150_000);
    const timeline = sim.timeline();
    const laid = layoutSwimlanes(timeline, { width: 900 });
    const marks = laid.workloads!.deployments[0]!.steps.marks.filter((m) => m.direction === "deadline");
    expect(marks).toHaveLength(1);
    const details = describeWorkloadItem(timeline, marks[0]!.id)!;
    expect(details.heading).toBe("Progressing False: ProgressDeadlineExceeded");
    expect(details.facts).toEqual([
      expect.stringMatching(/^ReplicaSet "web-\w+" has timed out progressing\.$/),
    ]);
    expect(details.why).toMatch(/progressDeadlineSeconds/);
    expect(laid.workloads!.legend!.entries.map((e) => e.label)).toContain("progress deadline exceeded");
  });
});
