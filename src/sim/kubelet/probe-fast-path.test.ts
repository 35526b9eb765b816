/**
 * The probe path's shortcuts against the long way round: an httpGet probe sent without a coroutine
 * (`sendHttpGet`) and nginx's remembered answers (`NginxResponseCache`) must give the run the
 * general path gives — same timeline, events, logs — while the served files, the configuration
 * and the containers change under them.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSimulation } from "../index.ts";
import { serveNginx } from "../runtime/programs/nginx/http.ts";
import { NginxResponseCache } from "../runtime/programs/nginx/response-cache.ts";
import { startTask } from "../task.ts";
import { Kubelet } from "./kubelet.ts";
import { runProbe } from "./probe-exec.ts";

const POD = (name: string, probes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}]
${probes}`;

const SCENARIO = [
  POD(
    "web-0",
    `    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}`,
  ),
  POD(
    "web-1",
    `    readinessProbe: {httpGet: {path: /index.html, port: 80}, periodSeconds: 3, failureThreshold: 2}
    livenessProbe: {httpGet: {path: /, port: 80, httpHeaders: [{name: User-Agent, value: custom}]}, periodSeconds: 7}`,
  ),
  POD(
    "web-2",
    `    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
    livenessProbe: {exec: {command: [cat, /usr/share/nginx/html/index.html]}, periodSeconds: 10}`,
  ),
  `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]`,
  `apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: fast-path}
spec:
  seed: 11
  nodes: [{name: node-1}]
  traffic: [{service: web, rps: 20}]
  timeline:
  - at: 40s
    run: kubectl exec web-0 -- rm /usr/share/nginx/html/index.html
  - at: 60s
    run: kubectl exec web-1 -- nginx -s reload
  - at: 75s
    run: kubectl exec web-2 -- sh -c "echo hello > /usr/share/nginx/html/index.html"
  - at: 90s
    run: kubectl exec web-1 -- mv /usr/share/nginx/html/index.html /usr/share/nginx/html/old.html
  - at: 110s
    run: kubectl exec web-1 -- ln -s /usr/share/nginx/html/old.html /usr/share/nginx/html/index.html
  - at: 130s
    run: kubectl delete pod web-2 --wait=false
  - at: 150s
    run: kubectl exec web-1 -- nginx -s quit`,
].join("\n---\n");

/** Everything the run shows: the timeline, every event, each pod's logs. */
function observe(): string {
  const created = createSimulation(SCENARIO);
  if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
  const sim = created.simulation;
  sim.runUntil(240_000);
  const logs = ["web-0", "web-1"].map((p) => sim.run(`kubectl logs ${p}`).stdout);
  const events = sim.run("kubectl get events -o json").stdout;
  return JSON.stringify({ timeline: sim.timeline(), logs, events, commands: sim.commands });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the probe path's shortcuts", () => {
  it("give the run the general path gives", () => {
    const fast = observe();
    // The long way: every probe through runProbe's coroutine, every request served afresh.
    vi.spyOn(Kubelet.prototype, "startProbe").mockImplementation(function (
      this: Kubelet,
      ps,
      c,
      containerId,
      probe,
      done,
    ) {
      const inst = ps.instances.get(c.name)?.find((i) => `containerd://${i.id}` === containerId);
      if (!inst || !ps.sandbox) {
        done(undefined);
        return;
      }
      startTask(this.clock, runProbe(this.runtime, ps.sandbox, inst, c, probe)).subscribe(done);
    });
    // Every probe sent when due: no fast-forwarding.
    vi.spyOn(Kubelet.prototype, "fastForward").mockReturnValue(false);
    const served = vi.fn(serveNginx);
    vi.spyOn(NginxResponseCache.prototype, "serve").mockImplementation(served);
    const slow = observe();
    expect(served).toHaveBeenCalled();
    expect(fast).toContain("Liveness probe failed");
    expect(fast).toContain("Readiness probe failed");
    expect(slow).toBe(fast);
  });
});
