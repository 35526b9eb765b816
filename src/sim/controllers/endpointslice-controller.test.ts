import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import type { SliceEndpoint, SliceView } from "./endpointslice-controller.ts";
import { podsOf, simulate, workload } from "./testing.ts";

const service = (name: string, extra = "") => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: http
${extra}`;

const readiness = `        ports:
        - {name: http, containerPort: 80}
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 1
`;

function slicesOf(objs: ApiObject[], svc: string): (ApiObject & SliceView)[] {
  return objs.filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc) as (ApiObject &
    SliceView)[];
}

function endpointsOf(slices: SliceView[]): SliceEndpoint[] {
  return slices.flatMap((s) => s.endpoints ?? []);
}

describe("EndpointSlice controller", () => {
  it("lists ready pods with their resolved named port, owned by the Service", () => {
    const sim = simulate(`${workload("Deployment", "web", 3, "", readiness)}---\n${service("web")}`);
    sim.runUntil(20_000);
    const svc = sim.cluster.get("Service", "default", "web")!;
    const slices = slicesOf(sim.cluster.list("EndpointSlice", "default"), "web");
    expect(slices).toHaveLength(1);
    const slice = slices[0]!;
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toMatchObject({
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
      "kubernetes.io/service-name": "web",
    });
    expect(slice.metadata.ownerReferences).toEqual([
      {
        apiVersion: "v1",
        kind: "Service",
        name: "web",
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice.ports).toEqual([{ name: "", port: 80, protocol: "TCP" }]);
    const ips = podsOf(sim).map((p) => (p.status as { podIP: string }).podIP);
    expect(
      endpointsOf(slices)
        .map((e) => e.addresses[0])
        .sort(),
    ).toEqual([...ips].sort());
    for (const e of endpointsOf(slices))
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect((svc.spec as { clusterIP: string }).clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
  });

  it("keeps a deleted pod as terminating: ready false at once, serving while its probe passes", () => {
    const prestop = `        lifecycle:\n          preStop:\n            sleep: {seconds: 10}\n`;
    const sim = simulate(
      `${workload("ReplicaSet", "web", 1, "", readiness + prestop)}---\n${service("web")}`,
    );
    sim.runUntil(15_000);
    const pod = podsOf(sim)[0]!;
    sim.run(`kubectl delete pod ${pod.metadata.name} --wait=false`);
    sim.runUntil(sim.nowMs + 100);
    const ep = endpointsOf(slicesOf(sim.cluster.list("EndpointSlice", "default"), "web")).find(
      (e) => e.targetRef.uid === pod.metadata.uid,
    );
    expect(ep?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    // The legacy Endpoints leave terminating pods out.
    const legacy = sim.run("kubectl get endpoints web");
    expect(legacy.stdout).toMatch(/^web\s+<none>\s+/m);
    expect(legacy.stderr).toBe(
      "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n",
    );
  });

  it("keeps one empty placeholder slice when nothing is selected", () => {
    const sim = simulate(service("web"));
    sim.runUntil(1000);
    const slices = slicesOf(sim.cluster.list("EndpointSlice", "default"), "web");
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toBeNull();
    expect(slices[0]!.ports).toBeUndefined();
    expect(sim.run("kubectl get endpointslices").stdout).toMatch(
      /^web-\w{5}\s+IPv4\s+<unset>\s+<unset>\s+1s$/m,
    );
  });

  it("splits more than 100 endpoints over several slices", () => {
    const sim = simulate(
      `${workload("ReplicaSet", "web", 150, "", "        ports: [{name: http, containerPort: 80}]\n")}---\n${service("web")}`,
    );
    sim.runUntil(30_000);
    const slices = slicesOf(sim.cluster.list("EndpointSlice", "default"), "web");
    expect(slices.map((s) => (s.endpoints ?? []).length).sort((a, b) => a - b)).toEqual([50, 100]);
    expect(new Set(endpointsOf(slices).map((e) => e.targetRef.uid)).size).toBe(150);
  });

  it("deletes the slices with their Service", () => {
    const sim = simulate(`${workload("ReplicaSet", "web", 1, "", readiness)}---\n${service("web")}`);
    sim.runUntil(10_000);
    expect(sim.run("kubectl delete service web").exitCode).toBe(0);
    sim.runUntil(sim.nowMs + 1000);
    expect(slicesOf(sim.cluster.list("EndpointSlice", "default"), "web")).toEqual([]);
    expect(sim.cluster.get("Endpoints", "default", "web")).toBeUndefined();
  });
});
