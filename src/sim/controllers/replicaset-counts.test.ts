/**
 * The ReplicaSet controller's kept counts against walking every pod: a run whose syncs may take
 * their status from the counts must equal one where every sync walks its pods, while pods are
 * adopted, released, relabelled, deleted, scaled and flap between ready and not.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSimulation } from "../index.ts";
import { ReplicaSetController } from "./replicaset-controller.ts";
import { ReplicaSetCounts } from "./replicaset-counts.ts";

const SCENARIO = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: plain}
spec:
  replicas: 3
  selector: {matchLabels: {app: plain}}
  template:
    metadata: {labels: {app: plain, tier: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2, failureThreshold: 1}
---
apiVersion: v1
kind: Pod
metadata:
  name: stray
  labels: {app: plain}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2, failureThreshold: 1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: slow}
spec:
  replicas: 2
  minReadySeconds: 5
  selector: {matchLabels: {app: slow}}
  template:
    metadata: {labels: {app: slow}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: counts}
spec:
  seed: 5
  nodes: [{name: node-1}, {name: node-2}]
  timeline:
  - at: 20s
    run: kubectl exec stray -- rm /usr/share/nginx/html/index.html
  - at: 30s
    run: kubectl exec stray -- sh -c "echo back > /usr/share/nginx/html/index.html"
  - at: 40s
    run: kubectl label pod stray tier=web
  - at: 50s
    run: kubectl label pod stray app=gone --overwrite
  - at: 60s
    run: kubectl scale rs/plain --replicas=5
  - at: 70s
    run: kubectl label pod stray app=plain --overwrite
  - at: 80s
    run: kubectl set image deployment/web nginx=nginx:1.28
  - at: 90s
    run: kubectl scale rs/plain --replicas=2
  - at: 100s
    run: kubectl delete pod stray --wait=false
  - at: 110s
    run: kubectl scale deployment/web --replicas=1
  - at: 120s
    run: kubectl set image deployment/slow nginx=nginx:1.28`;

/** What the run shows: the timeline, the events, the ReplicaSets and pods at a few times. */
function observe(): string {
  const created = createSimulation(SCENARIO);
  if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
  const sim = created.simulation;
  const seen: string[] = [];
  for (const at of [45_000, 75_000, 105_000, 180_000]) {
    sim.runUntil(at);
    seen.push(sim.run("kubectl get rs -o json").stdout, sim.run("kubectl get pods -o json").stdout);
  }
  seen.push(sim.run("kubectl get events -o json").stdout, JSON.stringify(sim.timeline()));
  return seen.join("\n");
}

afterEach(() => {
  vi.restoreAllMocks();
});

type WithCountedSync = {
  countedSync(...args: unknown[]): unknown;
  selectsAllItControls(...args: unknown[]): unknown;
};

describe("the ReplicaSet controller's kept counts", () => {
  it("give the run that walking every pod on every sync gives", () => {
    const proto = ReplicaSetController.prototype as unknown as WithCountedSync;
    const counted = vi.spyOn(proto, "countedSync");
    const claimSkipped = vi.spyOn(proto, "selectsAllItControls");
    const fast = observe();
    const taken = counted.mock.results.filter((r) => r.value !== undefined).length;
    const declined = counted.mock.results.filter((r) => r.value === undefined).length;
    expect(taken).toBeGreaterThan(0);
    expect(declined).toBeGreaterThan(0);
    expect(claimSkipped.mock.results.some((r) => r.value === true)).toBe(true);
    expect(claimSkipped.mock.results.some((r) => r.value === false)).toBe(true);
    counted.mockReturnValue(undefined);
    const slow = observe();
    expect(slow).toBe(fast);
    expect(fast).toContain("Created pod: plain-");
  });
});

describe("ReplicaSetCounts.isFor", () => {
  it("holds for the selector and labels it was made for, in any key order, until they change", () => {
    const selector = { matchLabels: { app: "web", tier: "a" } };
    const labels = { app: "web", tier: "a", "pod-template-hash": "abc" };
    const counts = new ReplicaSetCounts(selector, labels);
    expect(counts.isFor({ matchLabels: { tier: "a", app: "web" } }, { ...labels })).toBe(true);
    expect(counts.isFor(selector, { ...labels, tier: "b" })).toBe(false);
    expect(counts.isFor(undefined, labels)).toBe(false);
    // A spec changed in place is a change too: the counts keep copies, not the objects.
    selector.matchLabels.tier = "b";
    expect(counts.isFor(selector, labels)).toBe(false);
  });
});
