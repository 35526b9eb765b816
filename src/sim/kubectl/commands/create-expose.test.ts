import { describe, expect, it } from "vitest";
import type { ApiObject } from "../api.ts";
import { FakeCluster, kubectl, pod } from "../testing/fake-api.ts";
import { containerNameFor } from "./create-expose.ts";

function applied(api: FakeCluster, i = 0): ApiObject {
  return JSON.parse((api.calls.filter((c) => c.op === "apply")[i]?.args[0] as string) ?? "null");
}

describe("kubectl create deployment", () => {
  it("builds kubectl's Deployment", () => {
    const api = new FakeCluster();
    expect(
      kubectl(api, "kubectl create deployment web --image=registry.k8s.io/nginx:1.27 --replicas=3 --port=80"),
    ).toEqual({
      exitCode: 0,
      stdout: "deployment.apps/web created\n",
      stderr: "",
    });
    expect(applied(api)).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web" } },
        strategy: {},
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            containers: [
              {
                name: "nginx",
                image: "registry.k8s.io/nginx:1.27",
                resources: {},
                ports: [{ containerPort: 80 }],
              },
            ],
          },
        },
      },
    });
  });

  it("names containers after their images", () => {
    expect(containerNameFor("busybox")).toBe("busybox");
    expect(containerNameFor("docker.io/library/my_app@sha256:abc")).toBe("my-app");
  });

  it("refuses an existing deployment", () => {
    const api = new FakeCluster();
    api.objects.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "default" },
    });
    expect(kubectl(api, "kubectl create deployment web --image=nginx").stderr).toBe(
      'Error from server (AlreadyExists): deployments.apps "web" already exists\n',
    );
  });
});

describe("kubectl create -f", () => {
  it("creates each document, reporting the ones that exist", () => {
    const api = new FakeCluster();
    api.objects.push(pod("a"));
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n";
    const r = kubectl(api, "kubectl create -f pods.yaml", { files: { "pods.yaml": text } });
    expect(r).toEqual({
      exitCode: 1,
      stdout: "pod/b created\n",
      stderr: 'Error from server (AlreadyExists): error when creating "pods.yaml": pods "a" already exists\n',
    });
    expect(api.calls.filter((c) => c.op === "apply")).toHaveLength(1);
  });
});

describe("kubectl expose", () => {
  it("exposes a deployment with its selector", () => {
    const api = new FakeCluster();
    api.objects.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "default", labels: { app: "web" } },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: { spec: { containers: [{ name: "nginx", ports: [{ containerPort: 8080 }] }] } },
      },
    });
    expect(
      kubectl(api, "kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort").stdout,
    ).toBe("service/web exposed\n");
    expect(applied(api)).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }],
        selector: { app: "web" },
        type: "NodePort",
      },
    });
    kubectl(api, "kubectl expose deploy/web --name=web2");
    expect((applied(api, 1).spec as { ports: unknown[] }).ports).toEqual([
      { port: 8080, protocol: "TCP", targetPort: 8080 },
    ]);
  });

  it("needs a port from the flag or the containers", () => {
    const api = new FakeCluster();
    api.objects.push(pod("p", { labels: { run: "p" } }));
    expect(kubectl(api, "kubectl expose pod p").stderr).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    );
    expect(kubectl(api, "kubectl expose pod p --port=80").stdout).toBe("service/p exposed\n");
  });
});

describe("kubectl create service", () => {
  it("builds kubectl's Service: app=NAME selector, one port per --tcp named PORT-TARGET", () => {
    const api = new FakeCluster();
    expect(
      kubectl(api, "kubectl create service nodeport web --tcp=80:http --tcp=9090 --node-port=30080"),
    ).toEqual({
      exitCode: 0,
      stdout: "service/web created\n",
      stderr: "",
    });
    expect(applied(api)).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", labels: { app: "web" } },
      spec: {
        type: "NodePort",
        selector: { app: "web" },
        ports: [
          { name: "80-http", port: 80, protocol: "TCP", targetPort: "http", nodePort: 30080 },
          { name: "9090", port: 9090, protocol: "TCP", targetPort: 9090, nodePort: 30080 },
        ],
      },
    });
  });

  it("wants a port unless headless, and knows its types", () => {
    const api = new FakeCluster();
    expect(kubectl(api, "kubectl create service clusterip web").stderr).toBe(
      "error: at least one tcp port specifier must be provided\n",
    );
    expect(kubectl(api, "kubectl create service clusterip db --clusterip=None").exitCode).toBe(0);
    expect(kubectl(api, "kubectl create service ingress x --tcp=80").stderr).toBe(
      'error: unknown command "ingress" for "kubectl create service"\n',
    );
  });
});
