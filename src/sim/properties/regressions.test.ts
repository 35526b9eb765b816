/**
 * Minimal cases the property tests shrank to, kept as plain tests: each states what Kubernetes
 * does for a case the simulator once got wrong.
 */
import { describe, expect, it } from "vitest";
import { createSimulation, type Simulation } from "../index.ts";

function simulate(text: string): Simulation {
  const created = createSimulation(text, { seed: 1 });
  if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
  return created.simulation;
}

describe("property-test regressions", () => {
  // Was a bug (fixed in b2cee2a): Cluster.delete turned a grace period of 0 taken from the pod spec
  // into 1. Kubernetes: CheckGracefulDelete uses the spec's 0 and the registry deletes the object at once.
  it("a pod with terminationGracePeriodSeconds: 0 is removed at once by a plain kubectl delete", () => {
    const sim = simulate(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  terminationGracePeriodSeconds: 0
  containers:
  - name: c0
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`);
    sim.runUntil(20_000);
    expect(sim.run("kubectl delete pod p --wait=false").exitCode).toBe(0);
    expect(sim.run("kubectl get pod p").stderr).toBe('Error from server (NotFound): pods "p" not found\n');
  });
});

/** A one-container Pod with `extra` (YAML lines, indented for the container) appended. */
function podWith(extra: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p0
spec:
  containers:
    - name: c0
      image: busybox:1.36
${extra}`;
}

describe("null list items (property-test findings 2 and 3)", () => {
  // Kubernetes decodes a null item as the zero value and reports the Required fields.
  it.each([
    ["ports", "      ports:\n        - null\n", "spec.containers[0].ports[0].containerPort"],
    ["env", "      env:\n        - null\n", "spec.containers[0].env[0].name"],
    ["volumeMounts", "      volumeMounts:\n        - null\n", "spec.containers[0].volumeMounts[0].name"],
  ])("%s: [null] gives a diagnostic, not a TypeError", (_, extra, path) => {
    const created = createSimulation(podWith(extra));
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.diagnostics.map((d) => d.path)).toContain(path);
  });

  it("containers: [null] gives a diagnostic, not a TypeError", () => {
    const created = createSimulation(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p0\nspec:\n  containers:\n    - null\n",
    );
    expect(created.ok).toBe(false);
  });

  it("volumes: [null] gives a diagnostic, not a TypeError", () => {
    const created = createSimulation(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p0\nspec:\n  volumes:\n    - null\n  containers:\n    - name: c0\n      image: busybox:1.36\n",
    );
    expect(created.ok).toBe(false);
  });

  // Kubernetes decodes null as "" in a []string; the container then fails to start — nothing throws.
  it.each([
    ["command", "      command:\n        - null\n"],
    ["args", "      args:\n        - null\n"],
  ])("%s: [null] never throws while simulating", (_, extra) => {
    const created = createSimulation(podWith(extra));
    if (!created.ok) return;
    expect(() => created.simulation.runUntil(20_000)).not.toThrow();
  });
});
