import { describe, expect, it } from "vitest";
import type { ApiObject } from "../api.ts";
import { FakeCluster, kubectl, pod } from "../testing/fake-api.ts";

function deployment(): ApiObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", uid: "d1" },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
      },
    },
  };
}

/** The cluster calls that would have changed something. */
function writes(api: FakeCluster): string[] {
  return api.calls.filter((c) => ["apply", "update", "delete"].includes(c.op)).map((c) => c.op);
}

describe("--dry-run=client", () => {
  it("prints the Deployment create deployment would send, and sends nothing", () => {
    const api = new FakeCluster();
    const r = kubectl(
      api,
      "kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml",
    );
    expect(r).toEqual({
      exitCode: 0,
      stdout: [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  labels:",
        "    app: web",
        "  name: web",
        "spec:",
        "  replicas: 3",
        "  selector:",
        "    matchLabels:",
        "      app: web",
        "  strategy: {}",
        "  template:",
        "    metadata:",
        "      labels:",
        "        app: web",
        "    spec:",
        "      containers:",
        "      - image: nginx",
        "        name: nginx",
        "        resources: {}",
        "status: {}",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(writes(api)).toEqual([]);
  });

  it("keeps the Go struct order in -o json and sets the namespace only for an explicit -n", () => {
    const json = kubectl(
      new FakeCluster(),
      "kubectl create deployment web -n prod --image=nginx --port=80 --dry-run=client -o json",
    ).stdout;
    expect(Object.keys(JSON.parse(json))).toEqual(["kind", "apiVersion", "metadata", "spec", "status"]);
    expect(JSON.parse(json).metadata).toEqual({ name: "web", namespace: "prod", labels: { app: "web" } });
    expect(Object.keys(JSON.parse(json).spec)).toEqual(["replicas", "selector", "template", "strategy"]);
    expect(json).toContain(
      '"name": "nginx",\n                        "image": "nginx",\n                        "ports": [',
    );
  });

  it("adds (dry run) to the usual line; -o name stays bare", () => {
    const api = new FakeCluster();
    expect(kubectl(api, "kubectl create deployment web --image=nginx --dry-run=client").stdout).toBe(
      "deployment.apps/web created (dry run)\n",
    );
    expect(kubectl(api, "kubectl create deployment web --image=nginx --dry-run=client -o name").stdout).toBe(
      "deployment.apps/web\n",
    );
    expect(kubectl(api, "kubectl run box --image=busybox --dry-run=client").stdout).toBe(
      "pod/box created (dry run)\n",
    );
    expect(writes(api)).toEqual([]);
  });

  it("prints kubectl run's Pod and create service's Service", () => {
    const api = new FakeCluster();
    expect(
      kubectl(api, "kubectl run box --image=busybox --dry-run=client -o yaml -- sleep 3600").stdout,
    ).toBe(
      [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  labels:",
        "    run: box",
        "  name: box",
        "spec:",
        "  containers:",
        "  - args:",
        "    - sleep",
        '    - "3600"',
        "    image: busybox",
        "    name: box",
        "    resources: {}",
        "  dnsPolicy: ClusterFirst",
        "  restartPolicy: Always",
        "status: {}",
        "",
      ].join("\n"),
    );
    expect(
      kubectl(api, "kubectl create service clusterip my-svc --tcp=5678:8080 --dry-run=client -o yaml").stdout,
    ).toBe(
      [
        "apiVersion: v1",
        "kind: Service",
        "metadata:",
        "  labels:",
        "    app: my-svc",
        "  name: my-svc",
        "spec:",
        "  ports:",
        "  - name: 5678-8080",
        "    port: 5678",
        "    protocol: TCP",
        "    targetPort: 8080",
        "  selector:",
        "    app: my-svc",
        "  type: ClusterIP",
        "status:",
        "  loadBalancer: {}",
        "",
      ].join("\n"),
    );
    expect(writes(api)).toEqual([]);
  });

  it("does not delete, and does not look the object up first", () => {
    const api = new FakeCluster();
    api.objects.push(pod("web"));
    expect(kubectl(api, "kubectl delete pod web nothere --dry-run=client")).toEqual({
      exitCode: 0,
      stdout:
        'pod "web" deleted from default namespace (dry run)\npod "nothere" deleted from default namespace (dry run)\n',
      stderr: "",
    });
    expect(api.objects).toHaveLength(1);
    expect(writes(api)).toEqual([]);
  });

  it("scales, sets images, labels and pauses nothing", () => {
    const api = new FakeCluster();
    api.objects.push(deployment());
    const before = JSON.stringify(api.objects);
    expect(kubectl(api, "kubectl scale deployment/web --replicas=5 --dry-run=client").stdout).toBe(
      "deployment.apps/web scaled (dry run)\n",
    );
    expect(kubectl(api, "kubectl set image deployment/web nginx=nginx:1.28 --dry-run=client").stdout).toBe(
      "deployment.apps/web image updated (dry run)\n",
    );
    expect(kubectl(api, "kubectl label deployment/web tier=front --dry-run=client").stdout).toBe(
      "deployment.apps/web labeled (dry run)\n",
    );
    expect(kubectl(api, "kubectl rollout pause deployment/web --dry-run=client").stdout).toBe(
      "deployment.apps/web paused (dry run)\n",
    );
    expect(JSON.stringify(api.objects)).toBe(before);
    expect(writes(api)).toEqual([]);
    const yaml = kubectl(
      api,
      "kubectl set image deployment/web nginx=nginx:1.28 --dry-run=client -o yaml",
    ).stdout;
    expect(yaml).toContain("image: nginx:1.28");
  });

  it("applies nothing: a new object is printed with its last-applied-configuration", () => {
    const api = new FakeCluster();
    api.objects.push(pod("old"));
    const manifest =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: new\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: old\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n";
    const ctx = { files: { "pods.yaml": manifest } };
    expect(kubectl(api, "kubectl apply -f pods.yaml --dry-run=client", ctx).stdout).toBe(
      "pod/new created (dry run)\npod/old configured (dry run)\n",
    );
    const json = JSON.parse(kubectl(api, "kubectl apply -f pods.yaml --dry-run=client -o json", ctx).stdout);
    expect(json.kind).toBe("List");
    expect(json.items[0].metadata).toEqual({
      annotations: {
        "kubectl.kubernetes.io/last-applied-configuration":
          '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"new","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"app"}]}}\n',
      },
      name: "new",
      namespace: "default",
    });
    expect(json.items[1].metadata.uid).toBe("uid-old");
    expect(writes(api)).toEqual([]);
  });
});

describe("--dry-run=server", () => {
  it("sends the request with dryRun and prints (server dry run)", () => {
    const api = new FakeCluster();
    api.objects.push(deployment(), pod("web-1"));
    expect(kubectl(api, "kubectl create deployment api --image=nginx --dry-run=server").stdout).toBe(
      "deployment.apps/api created (server dry run)\n",
    );
    expect(api.calls.find((c) => c.op === "apply")?.args[2]).toEqual({ dryRun: true });
    expect(kubectl(api, "kubectl delete pod web-1 --dry-run=server").stdout).toBe(
      'pod "web-1" deleted from default namespace (server dry run)\n',
    );
    expect(api.calls.find((c) => c.op === "delete")?.args[3]).toEqual({ dryRun: true });
    expect(kubectl(api, "kubectl scale deployment/web --replicas=5 --dry-run=server").stdout).toBe(
      "deployment.apps/web scaled (server dry run)\n",
    );
    expect(api.calls.find((c) => c.op === "update")?.args[1]).toEqual({ dryRun: true });
  });
});

describe("--dry-run values", () => {
  it("warns about the deprecated bare flag and boolean values, and refuses others", () => {
    const api = new FakeCluster();
    const bare = kubectl(api, "kubectl create deployment web --image=nginx --dry-run");
    expect(bare.stdout).toBe("deployment.apps/web created (dry run)\n");
    expect(bare.stderr).toBe(
      "W0101 00:00:00.000000    4242 helpers.go:704] --dry-run is deprecated and can be replaced with --dry-run=client.\n",
    );
    expect(kubectl(api, "kubectl create deployment web --image=nginx --dry-run=true").stderr).toContain(
      "] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n",
    );
    expect(kubectl(api, "kubectl create deployment web --image=nginx --dry-run=maybe")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    });
    expect(writes(api)).toEqual([]);
  });
});
