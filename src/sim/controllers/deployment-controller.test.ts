import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import type { Simulation } from "../simulation.ts";
import { isPodActive } from "./pods.ts";
import { eventsFrom, podsOf, simulate, workload } from "./testing.ts";

const READINESS = `        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 2
`;

function deploymentOf(sim: Simulation, name = "web"): ApiObject {
  return sim.cluster.get("Deployment", "default", name)!;
}

function status(sim: Simulation): Record<string, number> {
  return (deploymentOf(sim).status ?? {}) as Record<string, number>;
}

function condition(sim: Simulation, type: string) {
  const list = (deploymentOf(sim).status as { conditions?: { type: string }[] }).conditions ?? [];
  return list.find((c) => c.type === type) as { status: string; reason: string; message: string } | undefined;
}

function replicaSets(sim: Simulation): ApiObject[] {
  return sim.cluster.list("ReplicaSet", "default");
}

/** ScalingReplicaSet messages with the hashes replaced by OLD/NEW (first and second ReplicaSet). */
function scalingSteps(sim: Simulation): string[] {
  const [oldRS, newRS] = replicaSets(sim).map((r) => r.metadata.name);
  return eventsFrom(sim, "deployment-controller").map((e) =>
    e.replace(`${newRS}`, "NEW").replace(`${oldRS}`, "OLD").replace("ScalingReplicaSet: ", ""),
  );
}

describe("Deployment controller", () => {
  it("creates one ReplicaSet named <deployment>-<pod-template-hash> and completes", () => {
    const sim = simulate(workload("Deployment", "web", 3, "", READINESS));
    sim.runUntil(30_000);
    const [rs] = replicaSets(sim);
    const hash = rs!.metadata.labels?.["pod-template-hash"];
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect((rs!.spec as { selector: unknown }).selector).toEqual({
      matchLabels: { app: "web", "pod-template-hash": hash },
    });
    expect(rs!.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    expect(deploymentOf(sim).metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(status(sim)).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(condition(sim, "Available")).toMatchObject({
      status: "True",
      reason: "MinimumReplicasAvailable",
      message: "Deployment has minimum availability.",
    });
    expect(condition(sim, "Progressing")).toMatchObject({
      status: "True",
      reason: "NewReplicaSetAvailable",
      message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`,
    });
    expect(eventsFrom(sim, "deployment-controller")).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${rs!.metadata.name} from 0 to 3`,
    ]);
  });

  it("rolls 4 replicas at 25%/25% in §9's steps, never below 3 available or above 5 counted", () => {
    const sim = simulate(workload("Deployment", "web", 4, "", READINESS));
    sim.runUntil(30_000);
    sim.run("kubectl set image deployment/web nginx=nginx:1.28");
    let minAvailable = Number.POSITIVE_INFINITY;
    let maxCounted = 0;
    for (let t = 30_000; t <= 90_000; t += 10) {
      sim.runUntil(t);
      const counted = replicaSets(sim).reduce(
        (n, rs) => n + ((rs.spec as { replicas: number }).replicas ?? 0),
        0,
      );
      maxCounted = Math.max(maxCounted, counted);
      const available = podsOf(sim).filter(
        (p) =>
          isPodActive(p) &&
          (p.status as { conditions?: { type: string; status: string }[] }).conditions?.some(
            (c) => c.type === "Ready" && c.status === "True",
          ),
      ).length;
      minAvailable = Math.min(minAvailable, available);
      minAvailable = Math.min(minAvailable, status(sim).availableReplicas ?? 0);
    }
    expect(minAvailable).toBe(3);
    expect(maxCounted).toBe(5);
    expect(scalingSteps(sim)).toEqual([
      "Scaled up replica set OLD from 0 to 4",
      "Scaled up replica set NEW from 0 to 1",
      "Scaled down replica set OLD from 4 to 3",
      "Scaled up replica set NEW from 1 to 2",
      "Scaled down replica set OLD from 3 to 2",
      "Scaled up replica set NEW from 2 to 3",
      "Scaled down replica set OLD from 2 to 1",
      "Scaled up replica set NEW from 3 to 4",
      "Scaled down replica set OLD from 1 to 0",
    ]);
    // The first three steps are separate syncs, milliseconds apart.
    const steps = sim.cluster.recorder.occurrences
      .filter((o) => o.reason === "ScalingReplicaSet")
      .slice(1, 4);
    expect(steps[2]!.atMs - steps[0]!.atMs).toBeGreaterThan(0);
    expect(steps[2]!.atMs - steps[0]!.atMs).toBeLessThan(100);
    expect(deploymentOf(sim).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(condition(sim, "Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });

  it("reports ProgressDeadlineExceeded when new pods never become ready", () => {
    const sim = simulate(workload("Deployment", "web", 2, "  progressDeadlineSeconds: 30\n", READINESS));
    sim.runUntil(20_000);
    const d = structuredClone(deploymentOf(sim));
    const c = (d.spec as { template: { spec: { containers: { readinessProbe: unknown }[] } } }).template.spec
      .containers[0]!;
    c.readinessProbe = {
      exec: { command: ["false"] },
      periodSeconds: 2,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    };
    expect(sim.cluster.update(d)).toBeUndefined();
    sim.runUntil(45_000);
    expect(condition(sim, "Progressing")?.reason).not.toBe("ProgressDeadlineExceeded");
    sim.runUntil(60_000);
    const newRS = replicaSets(sim)[replicaSets(sim).length - 1]!;
    expect(condition(sim, "Progressing")).toMatchObject({
      status: "False",
      reason: "ProgressDeadlineExceeded",
      message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
    });
    // The old pods keep serving: 2 replicas at 25% may not lose any.
    expect(status(sim)).toMatchObject({ availableReplicas: 2, updatedReplicas: 1, unavailableReplicas: 1 });
    const rollout = sim.run("kubectl rollout status deployment/web");
    expect(rollout.exitCode).toBe(1);
    expect(rollout.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
  });

  it("rolls back to the previous template with `kubectl rollout undo`, reusing its ReplicaSet", () => {
    const sim = simulate(workload("Deployment", "web", 2, "", READINESS));
    sim.runUntil(20_000);
    const [first] = replicaSets(sim);
    sim.run("kubectl set image deployment/web nginx=nginx:1.28");
    sim.runUntil(60_000);
    expect(sim.run("kubectl rollout undo deployment/web").stdout).toBe("deployment.apps/web rolled back\n");
    sim.runUntil(90_000);
    const image = (deploymentOf(sim).spec as { template: { spec: { containers: { image: string }[] } } })
      .template.spec.containers[0]!.image;
    expect(image).toBe("nginx:1.27");
    expect(replicaSets(sim)).toHaveLength(2);
    const reused = sim.cluster.get("ReplicaSet", "default", first!.metadata.name)!;
    expect((reused.spec as { replicas: number }).replicas).toBe(2);
    expect(reused.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(reused.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(deploymentOf(sim).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    const active = podsOf(sim).filter(isPodActive);
    expect(active.every((p) => p.metadata.name.startsWith(first!.metadata.name))).toBe(true);
    expect(sim.run("kubectl rollout history deployment/web").stdout).toContain(
      "2         <none>\n3         <none>",
    );
  });

  it("scales up and down with ScalingReplicaSet events", () => {
    const sim = simulate(workload("Deployment", "web", 2));
    sim.runUntil(10_000);
    sim.run("kubectl scale deployment web --replicas=5");
    sim.runUntil(20_000);
    expect(podsOf(sim).filter(isPodActive)).toHaveLength(5);
    sim.run("kubectl scale deployment web --replicas=1");
    sim.runUntil(60_000);
    const name = replicaSets(sim)[0]!.metadata.name;
    expect(eventsFrom(sim, "deployment-controller")).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${name} from 0 to 2`,
      `ScalingReplicaSet: Scaled up replica set ${name} from 2 to 5`,
      `ScalingReplicaSet: Scaled down replica set ${name} from 5 to 1`,
    ]);
    expect(
      eventsFrom(sim, "replicaset-controller").filter((e) => e.startsWith("SuccessfulDelete")),
    ).toHaveLength(4);
    expect(status(sim)).toMatchObject({ replicas: 1, availableReplicas: 1 });
  });

  it("Recreate stops every old pod before the new ReplicaSet creates any", () => {
    const sim = simulate(workload("Deployment", "web", 3, "  strategy: {type: Recreate}\n"));
    sim.runUntil(20_000);
    sim.run("kubectl set image deployment/web nginx=nginx:1.28");
    sim.runUntil(60_000);
    const [oldRS, newRS] = replicaSets(sim);
    const history = [...sim.cluster.podHistory.values()];
    // Why (oldPodsRunning): an old pod stops counting once its phase is terminal.
    const lastOldStopped = Math.max(
      ...history
        .filter((h) => h.pod.metadata.name.startsWith(`${oldRS!.metadata.name}-`))
        .map(
          (h) => h.samples.find((s) => s.phase === "Succeeded" || s.phase === "Failed")?.atMs ?? h.deletedMs!,
        ),
    );
    const firstNew = Math.min(
      ...history
        .filter((h) => h.pod.metadata.name.startsWith(`${newRS!.metadata.name}-`))
        .map((h) => h.samples[0]!.atMs),
    );
    expect(firstNew).toBeGreaterThan(lastOldStopped);
    expect(scalingSteps(sim)).toEqual([
      "Scaled up replica set OLD from 0 to 3",
      "Scaled down replica set OLD from 3 to 0",
      "Scaled up replica set NEW from 0 to 3",
    ]);
  });

  it("keeps only revisionHistoryLimit old ReplicaSets", () => {
    const sim = simulate(workload("Deployment", "web", 1, "  revisionHistoryLimit: 1\n"));
    for (const [i, tag] of ["1.28", "1.29", "1.27-alpine"].entries()) {
      sim.runUntil(30_000 * (i + 1));
      sim.run(`kubectl set image deployment/web nginx=nginx:${tag}`);
    }
    sim.runUntil(150_000);
    const revisions = replicaSets(sim).map(
      (rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"],
    );
    expect(revisions.sort()).toEqual(["3", "4"]);
  });

  it("waits minReadySeconds before counting new pods available", () => {
    const sim = simulate(workload("Deployment", "web", 1, "  minReadySeconds: 20\n"));
    sim.runUntil(10_000);
    expect(status(sim).availableReplicas ?? 0).toBe(0);
    expect(condition(sim, "Available")?.reason).toBe("MinimumReplicasUnavailable");
    sim.runUntil(40_000);
    expect(status(sim).availableReplicas).toBe(1);
  });

  it("deletes its ReplicaSets and pods when deleted", () => {
    const sim = simulate(workload("Deployment", "web", 2));
    sim.runUntil(10_000);
    sim.run("kubectl delete deployment web");
    sim.runUntil(60_000);
    expect(replicaSets(sim)).toHaveLength(0);
    expect(podsOf(sim)).toHaveLength(0);
  });
});

describe("RollingUpdate bounds", () => {
  it.each([
    [4, "0", "1", 3, 4],
    [10, "25%", "25%", 8, 13],
    [3, "1", "0", 3, 4],
  ])(
    "%i replicas, maxSurge %s, maxUnavailable %s: ≥ %i available, ≤ %i counted",
    (replicas, surge, unavailable, floor, ceiling) => {
      const strategy = `  strategy:\n    rollingUpdate: {maxSurge: ${surge}, maxUnavailable: ${unavailable}}\n`;
      const sim = simulate(workload("Deployment", "web", replicas, strategy, READINESS));
      sim.runUntil(40_000);
      sim.run("kubectl set image deployment/web nginx=nginx:1.28");
      let minAvailable = Number.POSITIVE_INFINITY;
      let maxCounted = 0;
      for (let t = 40_000; t <= 120_000; t += 20) {
        sim.runUntil(t);
        maxCounted = Math.max(
          maxCounted,
          replicaSets(sim).reduce((n, rs) => n + (rs.spec as { replicas: number }).replicas, 0),
        );
        minAvailable = Math.min(minAvailable, status(sim).availableReplicas ?? 0);
      }
      expect(minAvailable).toBeGreaterThanOrEqual(floor);
      expect(maxCounted).toBeLessThanOrEqual(ceiling);
      expect(status(sim)).toMatchObject({ replicas, updatedReplicas: replicas, availableReplicas: replicas });
    },
  );
});
