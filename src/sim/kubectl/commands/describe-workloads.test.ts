import { describe, expect, it } from "vitest";
import type { ApiObject } from "../api.ts";
import { FakeCluster, kubectl, pod, ts } from "../testing/fake-api.ts";

const template = {
  metadata: { labels: { app: "web" } },
  spec: {
    containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
  },
};

function cluster(): FakeCluster {
  const api = new FakeCluster();
  api.now = 120_000;
  const d: ApiObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      namespace: "default",
      uid: "d1",
      creationTimestamp: ts(0),
      generation: 2,
      annotations: { "deployment.kubernetes.io/revision": "2" },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      template,
    },
    status: {
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
      conditions: [
        { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
        { type: "Progressing", status: "True", reason: "ReplicaSetUpdated" },
      ],
    },
  };
  const owner = [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d1", controller: true }];
  const oldRS: ApiObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "web-old",
      namespace: "default",
      uid: "rs-old",
      creationTimestamp: ts(0),
      ownerReferences: owner,
    },
    spec: {
      replicas: 1,
      template: { ...template, spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } },
    },
    status: { replicas: 1 },
  };
  const newRS: ApiObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "web-new",
      namespace: "default",
      uid: "rs-new",
      creationTimestamp: ts(60_000),
      labels: { app: "web", "pod-template-hash": "new" },
      ownerReferences: owner,
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web", "pod-template-hash": "new" } },
      template: { ...template, metadata: { labels: { app: "web", "pod-template-hash": "new" } } },
    },
    status: { replicas: 2 },
  };
  const rsOwner = [
    { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-new", uid: "rs-new", controller: true },
  ];
  api.objects.push(
    d,
    oldRS,
    newRS,
    pod("web-new-1", { metadata: { ownerReferences: rsOwner } }),
    pod("web-new-2", { metadata: { ownerReferences: rsOwner }, status: { phase: "Pending" } }),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default", uid: "s1" },
      spec: {
        selector: { app: "web" },
        type: "ClusterIP",
        ipFamilyPolicy: "SingleStack",
        ipFamilies: ["IPv4"],
        clusterIP: "10.96.12.34",
        clusterIPs: ["10.96.12.34"],
        ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
        sessionAffinity: "None",
        internalTrafficPolicy: "Cluster",
      },
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-abc", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
      ports: [{ name: "", port: 8080, protocol: "TCP" }],
      endpoints: [
        { addresses: ["10.244.1.5"], conditions: { ready: true } },
        { addresses: ["10.244.1.6"], conditions: { ready: false } },
      ],
    } as unknown as ApiObject,
  );
  api.eventList.push({
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "web.1", namespace: "default" },
    involvedObject: {
      kind: "Deployment",
      name: "web",
      namespace: "default",
      uid: "d1",
      apiVersion: "apps/v1",
    },
    reason: "ScalingReplicaSet",
    message: "Scaled up replica set web-new from 0 to 2",
    type: "Normal",
    source: { component: "deployment-controller" },
    count: 1,
    firstTimestamp: ts(60_000),
    lastTimestamp: ts(60_000),
    eventTime: ts(60_000),
    reportingComponent: "deployment-controller",
    reportingInstance: "",
  });
  return api;
}

describe("kubectl describe deployment, replicaset and service", () => {
  it("describes a deployment with its pod template and replica sets", () => {
    expect(kubectl(cluster(), "kubectl describe deployment web").stdout).toBe(
      [
        "Name:                   web",
        "Namespace:              default",
        "CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000",
        "Labels:                 <none>",
        "Annotations:            deployment.kubernetes.io/revision: 2",
        "Selector:               app=web",
        "Replicas:               2 desired | 2 updated | 3 total | 2 available | 1 unavailable",
        "StrategyType:           RollingUpdate",
        "MinReadySeconds:        0",
        "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
        "Pod Template:",
        "  Labels:  app=web",
        "  Containers:",
        "   nginx:",
        "    Image:         nginx:1.27",
        "    Port:          80/TCP",
        "    Host Port:     0/TCP",
        "    Environment:   <none>",
        "    Mounts:        <none>",
        "  Volumes:         <none>",
        "  Node-Selectors:  <none>",
        "  Tolerations:     <none>",
        "Conditions:",
        "  Type           Status  Reason",
        "  ----           ------  ------",
        "  Available      True    MinimumReplicasAvailable",
        "  Progressing    True    ReplicaSetUpdated",
        "OldReplicaSets:  web-old (1/1 replicas created)",
        "NewReplicaSet:   web-new (2/2 replicas created)",
        "Events:",
        "  Type    Reason             Age   From                   Message",
        "  ----    ------             ----  ----                   -------",
        "  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-new from 0 to 2",
        "",
      ].join("\n"),
    );
  });

  it("describes a replica set with its pod counts", () => {
    const out = kubectl(cluster(), "kubectl describe rs web-new").stdout;
    expect(out).toContain("Controlled By:  Deployment/web\n");
    expect(out).toContain("Replicas:       2 current / 2 desired\n");
    expect(out).toContain("Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed\n");
    expect(out).toContain("Selector:       app=web,pod-template-hash=new\n");
    expect(out.endsWith("  Tolerations:     <none>\nEvents:            <none>\n")).toBe(true);
  });

  it("describes a service with its ready endpoints", () => {
    expect(kubectl(cluster(), "kubectl describe svc web").stdout).toBe(
      [
        "Name:                     web",
        "Namespace:                default",
        "Labels:                   <none>",
        "Annotations:              <none>",
        "Selector:                 app=web",
        "Type:                     ClusterIP",
        "IP Family Policy:         SingleStack",
        "IP Families:              IPv4",
        "IP:                       10.96.12.34",
        "IPs:                      10.96.12.34",
        "Port:                     <unset>  80/TCP",
        "TargetPort:               8080/TCP",
        "Endpoints:                10.244.1.5:8080",
        "Session Affinity:         None",
        "Internal Traffic Policy:  Cluster",
        "Events:                   <none>",
        "",
      ].join("\n"),
    );
  });
});
