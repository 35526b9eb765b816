import { describe, expect, it } from "vitest";
import { createSimulation } from "../index.ts";

const pod = (image: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}${extra}
`;

function started() {
  const r = createSimulation(pod("nginx:1.27"));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  r.simulation.runUntil(20_000);
  return r.simulation;
}

describe("kubectl apply", () => {
  it("reports an identical manifest as unchanged", () => {
    const sim = started();
    expect(sim.cluster.apply(pod("nginx:1.27"), "default")).toEqual({
      ok: true,
      lines: ["pod/web unchanged"],
    });
  });

  it("creates what does not exist", () => {
    const sim = started();
    const r = sim.cluster.apply(
      pod("busybox:1.36").replace("name: web\nspec", "name: other\nspec"),
      "default",
    );
    expect(r).toEqual({ ok: true, lines: ["pod/other created"] });
  });

  it("restarts a container whose image changed, as the kubelet does on a new container hash", () => {
    const sim = started();
    expect(sim.cluster.apply(pod("nginx:1.28"), "default")).toEqual({
      ok: true,
      lines: ["pod/web configured"],
    });
    sim.runUntil(60_000);
    const events = sim.cluster.events("default").map((e) => `${e.reason}: ${e.message}`);
    expect(events).toContain("Killing: Container web definition changed, will be restarted");
    expect(events).toContain('Pulling: Pulling image "nginx:1.28"');
    const status = sim.cluster.get("Pod", "default", "web")?.status as {
      containerStatuses: { image: string; restartCount: number; state: { running?: unknown } }[];
    };
    expect(status.containerStatuses[0]?.restartCount).toBe(1);
    expect(status.containerStatuses[0]?.state.running).toBeDefined();
  });

  it("rejects other pod spec changes with the API server's message", () => {
    const sim = started();
    const r = sim.cluster.apply(pod("nginx:1.27", "\n    command: [sleep, '1']"), "default");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatch(
        /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields/,
      );
  });

  it("reports a broken manifest with its line and column", () => {
    const sim = started();
    const r = sim.cluster.apply("apiVersion: v1\nkind: Pod\nmetadata: {name: [\n", "default");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^error: STDIN: document 1, line \d+, column \d+/);
  });

  it("kubectl set image and label update a pod through the same rules", () => {
    const sim = started();
    expect(sim.run("kubectl set image pod/web web=nginx:1.28").stdout).toBe("pod/web image updated\n");
    expect(sim.run("kubectl label pod web tier=front").stdout).toBe("pod/web labeled\n");
    sim.runUntil(60_000);
    const pod = sim.cluster.get("Pod", "default", "web");
    if (!pod) throw new Error("pod web is gone");
    expect(pod.metadata.labels).toEqual({ tier: "front" });
    expect((pod.spec as { containers: { image: string }[] }).containers[0]?.image).toBe("nginx:1.28");
    expect(sim.run("kubectl get pod web").stdout).toMatch(/web\s+1\/1\s+Running\s+1 \(/);
  });

  it("rolls a Deployment out when an applied manifest changes its template", () => {
    const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;
    const r = createSimulation(deployment("nginx:1.27"));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const sim = r.simulation;
    sim.runUntil(20_000);
    expect(sim.cluster.apply(deployment("nginx:1.27"), "default")).toEqual({
      ok: true,
      lines: ["deployment.apps/web unchanged"],
    });
    expect(sim.cluster.apply(deployment("nginx:1.28"), "default")).toEqual({
      ok: true,
      lines: ["deployment.apps/web configured"],
    });
    sim.runUntil(60_000);
    const history = sim.run("kubectl rollout history deployment/web").stdout;
    expect(history).toMatch(/^2\s+<none>$/m);
    const rs = sim.cluster.list("ReplicaSet", "default");
    expect(rs.map((x) => (x.spec as { replicas: number }).replicas).sort()).toEqual([0, 2]);
  });
});
