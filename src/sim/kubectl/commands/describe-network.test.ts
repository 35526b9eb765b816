import { describe, expect, it } from "vitest";
import type { ApiObject } from "../api.ts";
import { FakeCluster, kubectl, ts } from "../testing/fake-api.ts";

function service(name: string, spec: Record<string, unknown>, status?: Record<string, unknown>): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", uid: `svc-${name}`, creationTimestamp: ts(0) },
    spec: {
      type: "ClusterIP",
      ipFamilyPolicy: "SingleStack",
      ipFamilies: ["IPv4"],
      clusterIP: "10.96.0.10",
      clusterIPs: ["10.96.0.10"],
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
      ...spec,
    },
    status: status ?? { loadBalancer: {} },
  };
}

function slice(name: string, service: string, body: Record<string, unknown>): ApiObject {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name,
      namespace: "default",
      uid: `eps-${name}`,
      creationTimestamp: ts(0),
      labels: {
        "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        "kubernetes.io/service-name": service,
      },
    },
    addressType: "IPv4",
    ...body,
  } as unknown as ApiObject;
}

function readyEndpoint(ip: string, ready = true): Record<string, unknown> {
  return { addresses: [ip], conditions: { ready, serving: ready, terminating: false } };
}

describe("kubectl describe service", () => {
  it("prints the load balancer fields in describe.go's order", () => {
    const api = new FakeCluster();
    api.objects.push(
      service(
        "lb",
        {
          type: "LoadBalancer",
          selector: { app: "web" },
          loadBalancerIP: "203.0.113.9",
          ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http", nodePort: 30080 }],
          externalTrafficPolicy: "Local",
          healthCheckNodePort: 31000,
          loadBalancerSourceRanges: ["10.0.0.0/8", "192.168.0.0/16"],
          trafficDistribution: "PreferClose",
        },
        { loadBalancer: { ingress: [{ ip: "203.0.113.9", ipMode: "VIP" }, { hostname: "lb.example" }] } },
      ),
    );
    expect(kubectl(api, "kubectl describe svc lb").stdout).toBe(
      [
        "Name:                        lb",
        "Namespace:                   default",
        "Labels:                      <none>",
        "Annotations:                 <none>",
        "Selector:                    app=web",
        "Type:                        LoadBalancer",
        "IP Family Policy:            SingleStack",
        "IP Families:                 IPv4",
        "IP:                          10.96.0.10",
        "IPs:                         10.96.0.10",
        "Desired LoadBalancer IP:     203.0.113.9",
        "LoadBalancer Ingress:        203.0.113.9 (VIP), lb.example",
        "Port:                        http  80/TCP",
        "TargetPort:                  http/TCP",
        "NodePort:                    http  30080/TCP",
        "Endpoints:                   <none>",
        "Session Affinity:            None",
        "External Traffic Policy:     Local",
        "Internal Traffic Policy:     Cluster",
        "HealthCheck NodePort:        31000",
        "LoadBalancer Source Ranges:  10.0.0.0/8,192.168.0.0/16",
        "Traffic Distribution:        PreferClose",
        "Events:                      <none>",
        "",
      ].join("\n"),
    );
  });

  it("lists ready endpoints per port name, three at most, as formatEndpointSlices does", () => {
    const api = new FakeCluster();
    api.objects.push(
      service("web", {
        selector: { app: "web" },
        ports: [
          { name: "http", port: 80, protocol: "TCP", targetPort: 8080 },
          { name: "admin", port: 9090, protocol: "TCP", targetPort: 9090 },
        ],
      }),
      slice("web-a", "web", {
        ports: [
          { name: "http", port: 8080, protocol: "TCP" },
          { name: "admin", port: 9090, protocol: "TCP" },
        ],
        endpoints: [
          readyEndpoint("10.244.0.1"),
          readyEndpoint("10.244.0.2"),
          readyEndpoint("10.244.0.3"),
          // Not ready: left out, but it still sets `more` once the list is full.
          readyEndpoint("10.244.0.4", false),
        ],
      }),
    );
    const out = kubectl(api, "kubectl describe service web").stdout;
    expect(out).toContain(
      "Endpoints:                10.244.0.1:8080,10.244.0.2:8080,10.244.0.3:8080 + 0 more...\n",
    );
    expect(out).toContain(
      "Endpoints:                10.244.0.1:9090,10.244.0.2:9090,10.244.0.3:9090 + 0 more...\n",
    );
  });

  it("prints an empty Endpoints line when a slice exists but nothing is ready", () => {
    const api = new FakeCluster();
    api.objects.push(
      service("web", { selector: { app: "web" }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] }),
      slice("web-a", "web", {
        ports: [{ name: "", port: 80, protocol: "TCP" }],
        endpoints: [readyEndpoint("10.244.0.1", false)],
      }),
    );
    expect(kubectl(api, "kubectl describe svc web").stdout).toContain("\nEndpoints:                \n");
  });
});

const WARNING = "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

function endpoints(name: string, subsets: unknown[] | undefined): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name,
      namespace: "default",
      uid: `ep-${name}`,
      creationTimestamp: ts(0),
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": ts(4_000) },
    },
    ...(subsets ? { subsets } : {}),
  } as unknown as ApiObject;
}

function endpointsCluster(): FakeCluster {
  const api = new FakeCluster();
  api.now = 60_000;
  const pod = (n: string, ip: string) => ({
    ip,
    nodeName: "node-1",
    targetRef: { kind: "Pod", name: n, namespace: "default", uid: `p-${n}` },
  });
  api.objects.push(
    endpoints("web", [
      {
        addresses: [pod("web-1", "10.244.1.2"), pod("web-2", "10.244.1.3")],
        notReadyAddresses: [pod("web-3", "10.244.1.4")],
        ports: [
          { name: "http", port: 8080, protocol: "TCP" },
          { port: 9090, protocol: "UDP" },
        ],
      },
    ]),
    endpoints("empty", undefined),
  );
  return api;
}

describe("kubectl describe endpoints", () => {
  it("prints each subset's addresses and ports, then a blank line, as describeEndpoints does", () => {
    expect(kubectl(endpointsCluster(), "kubectl describe endpoints web")).toEqual({
      exitCode: 0,
      stdout: [
        "Name:         web",
        "Namespace:    default",
        "Labels:       <none>",
        "Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2025-01-01T00:00:04Z",
        "Subsets:",
        "  Addresses:          10.244.1.2,10.244.1.3",
        "  NotReadyAddresses:  10.244.1.4",
        "  Ports:",
        "    Name     Port  Protocol",
        "    ----     ----  --------",
        "    http     8080  TCP",
        "    <unset>  9090  UDP",
        "",
        "Events:  <none>",
        "",
      ].join("\n"),
      stderr: WARNING,
    });
  });

  it("prints a bare Subsets: line for an Endpoints object without subsets", () => {
    expect(kubectl(endpointsCluster(), "kubectl describe ep/empty").stdout).toBe(
      [
        "Name:         empty",
        "Namespace:    default",
        "Labels:       <none>",
        "Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2025-01-01T00:00:04Z",
        "Subsets:",
        "Events:  <none>",
        "",
      ].join("\n"),
    );
  });

  it("describes every object in the namespace, separated as kubectl does, with the warning once", () => {
    const r = kubectl(endpointsCluster(), "kubectl describe ep");
    expect(r.stderr).toBe(WARNING);
    expect(r.stdout).toContain("Events:  <none>\n\n\nName:         web\n");
    expect(r.stdout.startsWith("Name:         empty\n")).toBe(true);
  });

  it("answers NotFound after the warning", () => {
    expect(kubectl(endpointsCluster(), "kubectl describe endpoints nope")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`,
    });
  });
});

describe("kubectl describe endpointslice", () => {
  function sliceCluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = 60_000;
    api.objects.push(
      slice("web-x7k2p", "web", {
        ports: [
          { name: "http", port: 8080, protocol: "TCP" },
          { name: "", port: null, protocol: "TCP" },
        ],
        endpoints: [
          {
            addresses: ["10.244.1.2"],
            conditions: { ready: false, serving: true, terminating: true },
            targetRef: { kind: "Pod", name: "web-1", namespace: "default", uid: "p1" },
            nodeName: "node-1",
          },
          { addresses: ["10.244.1.3", "10.244.1.9"], conditions: {}, hostname: "web-2", zone: "zone-a" },
        ],
      }),
      slice("idle-abcde", "idle", { ports: null, endpoints: null }),
    );
    return api;
  }

  it("prints ports, then each endpoint with only its Ready condition, as describeEndpointSliceV1 does", () => {
    expect(kubectl(sliceCluster(), "kubectl describe endpointslice web-x7k2p")).toEqual({
      exitCode: 0,
      stdout: [
        "Name:         web-x7k2p",
        "Namespace:    default",
        "Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io",
        "              kubernetes.io/service-name=web",
        "Annotations:  <none>",
        "AddressType:  IPv4",
        "Ports:",
        "  Name     Port     Protocol",
        "  ----     ----     --------",
        "  http     8080     TCP",
        "  <unset>  <unset>  TCP",
        "Endpoints:",
        "  - Addresses:  10.244.1.2",
        "    Conditions:",
        "      Ready:    false",
        "    Hostname:   <unset>",
        "    TargetRef:  Pod/web-1",
        "    NodeName:   node-1",
        "    Zone:       <unset>",
        "  - Addresses:  10.244.1.3, 10.244.1.9",
        "    Conditions:",
        "      Ready:   <unset>",
        "    Hostname:  web-2",
        "    NodeName:  <unset>",
        "    Zone:      zone-a",
        "Events:        <none>",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("prints Ports: <unset> and Endpoints: <none> for an empty slice", () => {
    const out = kubectl(sliceCluster(), "kubectl describe endpointslices.discovery.k8s.io idle").stdout;
    expect(out).toContain("AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n");
  });

  it("answers NotFound with the qualified resource name and no warning", () => {
    expect(kubectl(sliceCluster(), "kubectl describe endpointslices nope")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): endpointslices.discovery.k8s.io "nope" not found\n',
    });
  });

  it("leaves the Events section out with --show-events=false", () => {
    const out = kubectl(sliceCluster(), "kubectl describe endpointslice idle --show-events=false").stdout;
    expect(out.endsWith("Ports: <unset>\nEndpoints: <none>\n")).toBe(true);
  });
});
