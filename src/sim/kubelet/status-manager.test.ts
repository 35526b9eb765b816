import { describe, expect, it } from "vitest";
import { simulate } from "../controllers/testing.ts";

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
`;

describe("status manager", () => {
  it("does not write an unchanged status: resyncs leave the pod's resourceVersion alone", () => {
    const sim = simulate(POD);
    const version = () => sim.cluster.store.get("Pod", "default", "web")?.metadata.resourceVersion;
    sim.runUntil(60_000);
    const settled = version();
    // Several pod-worker resyncs (every 60–90 s) and ~100 passing probes later: nothing changed.
    sim.runUntil(600_000);
    expect(version()).toBe(settled);
  });

  it("writes a changed status: the pod's resourceVersion moves when it stops being ready", () => {
    const sim = simulate(POD);
    const version = () => sim.cluster.store.get("Pod", "default", "web")?.metadata.resourceVersion;
    sim.runUntil(60_000);
    const settled = version();
    sim.run("kubectl exec web -- rm /usr/share/nginx/html/index.html");
    sim.runUntil(120_000);
    expect(version()).not.toBe(settled);
  });

  it("follows each new status into the container's lane: ready, not ready, ready again", () => {
    const sim = simulate(POD);
    const pod = () => sim.cluster.store.get("Pod", "default", "web")!;
    const lane = () => {
      const node = (pod().spec as { nodeName: string }).nodeName;
      return sim.cluster.nodes.get(node)!.kubelet.lifecycleOf(pod().metadata.uid!)!.get("nginx")!;
    };
    sim.runUntil(60_000);
    expect(lane().ready).toBe(true);
    sim.run("kubectl exec web -- rm /usr/share/nginx/html/index.html");
    sim.runUntil(120_000);
    expect(lane().ready).toBe(false);
    sim.run("kubectl exec web -- sh -c 'echo back > /usr/share/nginx/html/index.html'");
    sim.runUntil(180_000);
    expect(lane().ready).toBe(true);
  });
});
