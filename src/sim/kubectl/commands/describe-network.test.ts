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
