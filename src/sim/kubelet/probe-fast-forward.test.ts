/**
 * Fast-forwarded probes (`ProbeFastForward`) against probes sent when due: the same timeline,
 * events and logs, whether the run goes in one step or many, while another pod rewrites the page
 * nginx serves through a shared hostPath volume, logs are read mid-run, and pods are deleted.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSimulation } from "../index.ts";
import { Kubelet } from "./kubelet.ts";
import { ProbeFastForward } from "./probe-fast-forward.ts";
import { ProbeWorker } from "./prober.ts";

const SCENARIO = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  nodeName: node-1
  volumes: [{name: html, hostPath: {path: /srv/html, type: DirectoryOrCreate}}]
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}]
    volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
    readinessProbe: {httpGet: {path: /index.html, port: 80}, periodSeconds: 3}
    livenessProbe: {httpGet: {path: /index.html, port: 80}, periodSeconds: 7, failureThreshold: 2}
---
apiVersion: v1
kind: Pod
metadata: {name: writer}
spec:
  nodeName: node-1
  volumes: [{name: html, hostPath: {path: /srv/html, type: DirectoryOrCreate}}]
  containers:
  - name: sh
    image: busybox:1.36
    volumeMounts: [{name: html, mountPath: /html}]
    command: [sh, -c, "echo up > /html/index.html; sleep 45; rm /html/index.html; sleep 40; echo back > /html/index.html; sleep 3600"]
---
apiVersion: v1
kind: Pod
metadata: {name: other, labels: {app: web}}
spec:
  nodeName: node-1
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}]
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: fast-forward}
spec:
  seed: 5
  nodes: [{name: node-1}]
  traffic: [{service: web, rps: 3}]
  timeline:
  - at: 100s
    run: kubectl logs other --tail=2
  - at: 170s
    run: kubectl delete pod other --wait=false`;

/** Everything the run shows, running to 4 minutes in `steps` equal steps. */
function observe(steps: number): string {
  const created = createSimulation(SCENARIO);
  if (!created.ok) throw new Error(JSON.stringify(created.diagnostics));
  const sim = created.simulation;
  for (let i = 1; i <= steps; i++) sim.runUntil((240_000 * i) / steps);
  const logs = ["web", "other"].map((p) => sim.run(`kubectl logs ${p}`).stdout);
  const events = sim.run("kubectl get events -o json").stdout;
  return JSON.stringify({ timeline: sim.timeline(), logs, events, commands: sim.commands });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("fast-forwarded probes", () => {
  it("give the run probes sent when due give", () => {
    // Why counted as called: the counts come back in an object the caller reuses.
    let sent = 0;
    const skip = ProbeWorker.prototype.ffSkip;
    vi.spyOn(ProbeWorker.prototype, "ffSkip").mockImplementation(function (this: ProbeWorker, ...args) {
      const r = skip.apply(this, args);
      sent += r.sent;
      return r;
    });
    const fast = observe(1);
    expect(sent).toBeGreaterThan(50);
    // The page went away for 40 s: the probes saw it at the right moments.
    expect(fast).toContain("Readiness probe failed: HTTP probe failed with statuscode: 404");
    expect(fast).toContain("Container nginx failed liveness probe, will be restarted");
    expect(observe(37)).toBe(fast);
    // Caught up step by step (the server's log cannot take deferred lines), then not at all.
    const original = ProbeWorker.prototype.ffState;
    vi.spyOn(ProbeWorker.prototype, "ffState").mockImplementation(function (this: ProbeWorker) {
      return { ...original.call(this), deferral: undefined };
    });
    const caughtUp = vi.spyOn(ProbeWorker.prototype, "catchUp");
    expect(observe(1)).toBe(fast);
    expect(caughtUp.mock.calls.length).toBeGreaterThan(50);
    vi.spyOn(Kubelet.prototype, "fastForward").mockReturnValue(false);
    expect(observe(1)).toBe(fast);
  });

  it("catch up only the log for a connection: the attempts wait and come out the same", () => {
    const fast = observe(1);
    // biome-ignore lint/suspicious/noExplicitAny: spying on private methods
    const ff = ProbeFastForward.prototype as any;
    const settled = vi.spyOn(ff, "settlePod");
    const handOver = ff.handOverAttempts;
    let handedOver = 0;
    vi.spyOn(ff, "handOverAttempts").mockImplementation(function (this: unknown, ...args: unknown[]) {
      if ((args[0] as { attempts?: unknown }).attempts) handedOver++;
      return handOver.apply(this, args);
    });
    expect(observe(1)).toBe(fast);
    const connections = settled.mock.calls.filter((c) => c[1] === true).length;
    expect(connections).toBeGreaterThan(100);
    expect(handedOver).toBeGreaterThan(0);
    expect(handedOver).toBeLessThan(connections / 2);
    vi.spyOn(Kubelet.prototype, "fastForward").mockReturnValue(false);
    expect(observe(1)).toBe(fast);
  });
});
