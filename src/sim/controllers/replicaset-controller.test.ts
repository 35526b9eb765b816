import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import { controllerOf } from "./meta.ts";
import { isPodActive } from "./pods.ts";
import { eventsFrom, podsOf, simulate, workload } from "./testing.ts";

describe("ReplicaSet controller", () => {
  it("creates pods named <rs>-<5 chars> owned by the ReplicaSet, with SuccessfulCreate events", () => {
    const sim = simulate(workload("ReplicaSet", "web", 3));
    sim.runUntil(10_000);
    const rs = sim.cluster.get("ReplicaSet", "default", "web")!;
    const pods = podsOf(sim);
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe("web-");
      expect(controllerOf(pod)).toMatchObject({ kind: "ReplicaSet", name: "web", uid: rs.metadata.uid });
      expect((pod.spec as { serviceAccountName?: string }).serviceAccountName).toBe("default");
    }
    expect(eventsFrom(sim, "replicaset-controller")).toEqual(
      pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`),
    );
    expect(rs.status).toEqual({
      availableReplicas: 3,
      fullyLabeledReplicas: 3,
      observedGeneration: 1,
      readyReplicas: 3,
      replicas: 3,
    });
  });

  it("creates pods from the template as it is now, after an edit", () => {
    const sim = simulate(workload("ReplicaSet", "web", 2));
    sim.runUntil(10_000);
    const image = (p: ApiObject) => (p.spec as { containers: { image: string }[] }).containers[0]?.image;
    expect(podsOf(sim).map(image)).toEqual(["nginx:1.27", "nginx:1.27"]);
    sim.run("kubectl set image replicaset/web nginx=nginx:1.28");
    sim.run("kubectl scale replicaset web --replicas=3");
    sim.runUntil(20_000);
    const pods = podsOf(sim);
    expect(pods.map(image)).toEqual(["nginx:1.27", "nginx:1.27", "nginx:1.28"]);
    // Defaulted as the API server stores it, and a copy of its own.
    const [, second, third] = pods;
    expect(
      (third!.spec as { containers: { imagePullPolicy: string }[] }).containers[0]?.imagePullPolicy,
    ).toBe("IfNotPresent");
    expect(third!.spec!.tolerations).not.toBe(second!.spec!.tolerations);
  });

  it("is deterministic: the same seed gives the same pod names", () => {
    const names = () => {
      const sim = simulate(workload("ReplicaSet", "web", 2));
      sim.runUntil(1000);
      return podsOf(sim).map((p) => p.metadata.name);
    };
    expect(names()).toEqual(names());
  });

  it("replaces a deleted pod at once", () => {
    const sim = simulate(workload("ReplicaSet", "web", 2));
    sim.runUntil(10_000);
    const victim = podsOf(sim)[0]!.metadata.name;
    sim.run(`kubectl delete pod ${victim} --wait=false`);
    sim.runUntil(10_100);
    const active = podsOf(sim).filter(isPodActive);
    expect(active).toHaveLength(2);
    expect(active.map((p) => p.metadata.name)).not.toContain(victim);
  });

  it("deletes not-ready pods before ready ones when scaling down", () => {
    const probe = `        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
          periodSeconds: 1
`;
    const sim = simulate(workload("ReplicaSet", "web", 2, "", probe));
    sim.runUntil(5000);
    const [first] = podsOf(sim);
    sim.run(`kubectl exec ${first!.metadata.name} -- touch /tmp/ready`);
    sim.runUntil(10_000);
    sim.run("kubectl scale rs web --replicas=3");
    sim.runUntil(10_050);
    sim.run("kubectl scale rs web --replicas=1");
    sim.runUntil(10_100);
    const active = podsOf(sim).filter(isPodActive);
    expect(active.map((p) => p.metadata.name)).toEqual([first!.metadata.name]);
    const deletes = eventsFrom(sim, "replicaset-controller").filter((e) => e.startsWith("SuccessfulDelete"));
    expect(deletes).toHaveLength(2);
  });

  it("waits minReadySeconds before counting a ready pod as available", () => {
    const sim = simulate(workload("ReplicaSet", "web", 1, "  minReadySeconds: 10\n"));
    sim.runUntil(5000);
    const rs = () => sim.cluster.get("ReplicaSet", "default", "web")!;
    expect(rs().status).toMatchObject({ readyReplicas: 1 });
    expect(rs().status?.availableReplicas).toBeUndefined();
    sim.runUntil(20_000);
    expect(rs().status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it("garbage-collects its pods when the ReplicaSet is deleted", () => {
    const sim = simulate(workload("ReplicaSet", "web", 2));
    sim.runUntil(5000);
    sim.run("kubectl delete rs web");
    sim.runUntil(60_000);
    expect(podsOf(sim)).toHaveLength(0);
  });
});
