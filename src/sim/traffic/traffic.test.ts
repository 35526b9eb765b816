import { describe, expect, it } from "vitest";
import { simulate, workload } from "../controllers/testing.ts";

/** A 3-replica nginx Deployment behind a Service, 20 requests a second, rolled at 30 s. */
function rollout(opts: { preStop?: string; propagation?: string; traffic?: string } = {}): string {
  const container = `        ports:
        - {name: http, containerPort: 80}
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 2
${opts.preStop ? `        lifecycle:\n          preStop:\n${opts.preStop}` : ""}`;
  return `${workload("Deployment", "web", 3, "", container)}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: rollout}
spec:
${opts.propagation ? `  endpointPropagationDelay: ${opts.propagation}\n` : ""}  traffic:
  - service: web
    rps: 20
${opts.traffic ?? ""}  timeline:
  - at: 30s
    run: kubectl set image deployment/web nginx=nginx:1.28
`;
}

function totals(text: string, untilMs = 90_000) {
  const sim = simulate(text);
  sim.runUntil(untilMs);
  const t = sim.cluster.traffic[0]!;
  return { sim, t };
}

describe("traffic through kube-proxy during a rolling update", () => {
  it("fails requests when nginx stops without a preStop hook: refused by pods kube-proxy still routes to", () => {
    const { sim, t } = totals(rollout());
    expect(t.sent).toBeGreaterThan(1000);
    expect(t.failed).toBeGreaterThan(0);
    expect(t.byOutcome.refused).toBe(t.failed);
    const deleted = new Set(
      [...sim.cluster.podHistory.values()]
        .filter((h) => h.deletedMs !== undefined)
        .map((h) => h.pod.metadata.name),
    );
    for (const f of t.failures) {
      expect(deleted.has(f.pod!)).toBe(true);
      expect(f.atMs).toBeGreaterThanOrEqual(30_000);
      expect(f.why).toMatch(/kube-proxy/);
    }
  });

  it("drops nothing with a preStop sleep longer than the propagation delay", () => {
    const { t } = totals(rollout({ preStop: "            sleep: {seconds: 5}\n" }));
    expect(t.sent).toBeGreaterThan(1000);
    expect(t.failed).toBe(0);
    expect(t.sent - t.succeeded).toBeLessThanOrEqual(1);
  });

  it("fails again when the propagation delay outlasts the preStop sleep", () => {
    const { t } = totals(rollout({ preStop: "            sleep: {seconds: 2}\n", propagation: "5s" }));
    expect(t.failed).toBeGreaterThan(0);
  });

  it("resets requests still in flight when the server exits", () => {
    const { t } = totals(rollout({ traffic: "    requestSeconds: 2\n" }));
    expect(t.byOutcome.reset).toBeGreaterThan(0);
  });

  it("counts requests sent before any pod is ready as having no endpoints (explicit start)", () => {
    const { t } = totals(rollout({ traffic: "    start: 0s\n" }), 20_000);
    expect(t.byOutcome["no endpoints"]).toBeGreaterThan(0);
    expect(t.failures[0]!.why).toMatch(/no ready or serving endpoint|no rules/);
  });

  it("says a Service without ports has none, naming no port it was not given", () => {
    const sim = simulate(`apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}}
---
apiVersion: podlife.dev/v1alpha1
kind: Scenario
metadata: {name: s}
spec:
  traffic: [{service: web, rps: 1, start: 1s, stop: 5s}]
`);
    sim.runUntil(6000);
    const failures = sim.timeline().services?.[0]?.failures ?? [];
    const noPort = failures.find((f) => f.whyCode === "traffic.noPort");
    expect(noPort?.detail).toBe('service "web" has no ports');
    expect(noPort?.why).toBe('service "web" has no ports: nothing to connect to.');
  });

  it("starts by default once kube-proxy routes to a ready pod", () => {
    const { sim, t } = totals(rollout(), 20_000);
    expect(t.failed).toBe(0);
    const firstReady = Math.min(
      ...sim.cluster.proxy.history.filter((c) => c.state === "ready").map((c) => c.atMs),
    );
    expect(t.sent).toBe(Math.floor(((20_000 - firstReady) / 1000) * 20) + 1);
  });

  it("programs kube-proxy one propagation delay after the EndpointSlice changes", () => {
    const { sim } = totals(rollout({ propagation: "3s" }), 60_000);
    const order = <T extends { atMs: number; podUid: string }>(list: T[]) =>
      [...list].sort((a, b) => a.atMs - b.atMs || (a.podUid < b.podUid ? -1 : a.podUid > b.podUid ? 1 : 0));
    const slices = order(sim.cluster.controllers.endpointSlices.history);
    const proxy = order(sim.cluster.proxy.history);
    expect(proxy.length).toBe(slices.length);
    proxy.forEach((p, i) => {
      expect(p.podUid).toBe(slices[i]!.podUid);
      expect(p.state).toBe(slices[i]!.state);
      expect(p.atMs - slices[i]!.atMs).toBe(3000);
    });
  });

  it("is deterministic for a seed", () => {
    const a = totals(rollout()).t;
    const b = totals(rollout()).t;
    expect(b.failures).toEqual(a.failures);
    expect(b.okPerSecond).toEqual(a.okPerSecond);
  });
});
