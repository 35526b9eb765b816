import { describe, expect, it } from "vitest";
import type { ApiObject } from "../api.ts";
import { FakeCluster, kubectl, ts } from "../testing/fake-api.ts";

function deployment(status: Record<string, unknown>, generation = 1): ApiObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", uid: "d1", generation },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
      },
    },
    status: { observedGeneration: generation, ...status },
  };
}

function replicaSet(name: string, revision: number, image: string, cause?: string): ApiObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: "default",
      uid: `rs-${name}`,
      annotations: {
        "deployment.kubernetes.io/revision": String(revision),
        ...(cause ? { "kubernetes.io/change-cause": cause } : {}),
      },
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d1", controller: true },
      ],
    },
    spec: {
      template: {
        metadata: { labels: { app: "web", "pod-template-hash": name.slice(4) } },
        spec: { containers: [{ name: "nginx", image }] },
      },
    },
  };
}

describe("kubectl rollout status", () => {
  it("prints each status until the rollout is done", () => {
    const api = new FakeCluster();
    api.objects.push(deployment({ replicas: 3, updatedReplicas: 1, availableReplicas: 0 }));
    const steps: [number, Record<string, unknown>][] = [
      [2000, { replicas: 4, updatedReplicas: 3, availableReplicas: 2 }],
      [4000, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }],
      [6000, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }],
    ];
    const advance = api.advance.bind(api);
    api.advance = (ms) => {
      advance(ms);
      const step = steps.find(([at]) => at === api.now);
      if (step) (api.objects[0] as ApiObject).status = { observedGeneration: 1, ...step[1] };
    };
    const r = kubectl(api, "kubectl rollout status deployment/web");
    expect(r).toEqual({
      exitCode: 0,
      stdout: [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(api.now).toBe(6000);
  });

  it("waits for the new generation to be observed, and times out", () => {
    const api = new FakeCluster();
    api.objects.push(deployment({ observedGeneration: 1 }, 2));
    (api.objects[0] as ApiObject).status = { observedGeneration: 1 };
    expect(kubectl(api, "kubectl rollout status deploy web --timeout=5s")).toEqual({
      exitCode: 1,
      stdout: "Waiting for deployment spec update to be observed...\n",
      stderr: "error: timed out waiting for the condition\n",
    });
  });

  it("refuses pods", () => {
    const api = new FakeCluster();
    api.objects.push({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" } });
    expect(kubectl(api, "kubectl rollout status pod/p").stderr).toBe(
      "error: no status viewer has been implemented for Pod\n",
    );
  });
});

describe("kubectl rollout history, undo and restart", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = 60_000;
    api.objects.push(
      deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      replicaSet("web-aaa", 1, "nginx:1.26"),
      replicaSet("web-bbb", 2, "nginx:1.27", "kubectl set image deployment/web nginx=nginx:1.27"),
    );
    return api;
  }

  it("lists revisions with their change causes", () => {
    expect(kubectl(cluster(), "kubectl rollout history deployment/web").stdout).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.27\n\n",
    );
  });

  it("prints one revision's pod template with --revision, tabs unaligned as history.go writes it", () => {
    expect(kubectl(cluster(), "kubectl rollout history deployment/web --revision=2")).toEqual({
      exitCode: 0,
      stdout: [
        "deployment.apps/web with revision #2",
        "Pod Template:",
        "  Labels:\tapp=web",
        "\tpod-template-hash=bbb",
        "  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.27",
        "  Containers:",
        "   nginx:",
        "    Image:\tnginx:1.27",
        "    Port:\t<none>",
        "    Host Port:\t<none>",
        "    Environment:\t<none>",
        "    Mounts:\t<none>",
        "  Volumes:\t<none>",
        "  Node-Selectors:\t<none>",
        "  Tolerations:\t<none>",
        "",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("refuses a revision that does not exist, with or without -o", () => {
    for (const flags of ["--revision=7", "--revision=7 -o yaml"]) {
      expect(kubectl(cluster(), `kubectl rollout history deployment/web ${flags}`)).toEqual({
        exitCode: 1,
        stdout: "",
        stderr: "error: unable to find the specified revision\n",
      });
    }
    expect(kubectl(cluster(), "kubectl rollout history deployment/web --revision=-1").stderr).toBe(
      "error: revision must be a positive integer: -1\n",
    );
  });

  it("prints the revisions' ReplicaSets with -o (GetHistory)", () => {
    expect(kubectl(cluster(), "kubectl rollout history deployment/web -o name").stdout).toBe(
      "replicaset.apps/web-aaa\nreplicaset.apps/web-bbb\n",
    );
    const yaml = kubectl(cluster(), "kubectl rollout history deployment/web --revision=1 -o yaml").stdout;
    expect(yaml).toContain("kind: ReplicaSet\n");
    expect(yaml).toContain("  name: web-aaa\n");
    expect(yaml).not.toContain("web-bbb");
    const both = kubectl(cluster(), "kubectl rollout history deployment/web -o yaml").stdout;
    expect(both.split("---\n")).toHaveLength(2);
  });

  it("says so when a Deployment has no ReplicaSet yet", () => {
    const api = new FakeCluster();
    api.objects.push(deployment({}));
    expect(kubectl(api, "kubectl rollout history deployment/web").stdout).toBe(
      "deployment.apps/web \nNo rollout history found.\n",
    );
    expect(kubectl(api, "kubectl rollout history deployment/web --revision=1").stdout).toBe(
      "deployment.apps/web with revision #1\nNo rollout history found.\n",
    );
  });

  it("rolls back to the previous revision's template", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl rollout undo deployment/web").stdout).toBe(
      "deployment.apps/web rolled back\n",
    );
    const d = api.get("Deployment", "default", "web") as ApiObject;
    expect((d.spec as { template: unknown }).template).toEqual({
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] },
    });
    expect(kubectl(api, "kubectl rollout undo deployment/web --to-revision=1").stdout).toBe(
      "deployment.apps/web skipped rollback (current template already matches revision 1)\n",
    );
    expect(kubectl(api, "kubectl rollout undo deployment/web --to-revision=7").stderr).toBe(
      "error: unable to find specified revision 7 in history\n",
    );
  });

  it("restarts by stamping the pod template", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl rollout restart deployment web").stdout).toBe(
      "deployment.apps/web restarted\n",
    );
    const d = api.get("Deployment", "default", "web") as ApiObject;
    const tpl = (d.spec as { template: { metadata: { annotations: Record<string, string> } } }).template;
    expect(tpl.metadata.annotations["kubectl.kubernetes.io/restartedAt"]).toBe(ts(60_000));
  });

  it("says when the cluster cannot update objects", () => {
    const api = cluster();
    api.update = undefined;
    expect(kubectl(api, "kubectl rollout restart deployment web").stderr).toBe(
      "error: this command needs object updates, which the simulated cluster does not support yet\n",
    );
  });
});

describe("kubectl scale and set image", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.objects.push(deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }));
    return api;
  }

  it("scales", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl scale deployment/web --replicas=5")).toEqual({
      exitCode: 0,
      stdout: "deployment.apps/web scaled\n",
      stderr: "",
    });
    expect(
      ((api.get("Deployment", "default", "web") as ApiObject).spec as { replicas: number }).replicas,
    ).toBe(5);
    expect(kubectl(api, "kubectl scale deployment/web").stderr).toBe(
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\nSee 'kubectl scale -h' for help and examples\n",
    );
    expect(kubectl(api, "kubectl scale deploy nope --replicas=1").stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  it("sets an image, and stays quiet when nothing changes", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl set image deployment/web nginx=nginx:1.28").stdout).toBe(
      "deployment.apps/web image updated\n",
    );
    const tpl = (
      (api.get("Deployment", "default", "web") as ApiObject).spec as {
        template: { spec: { containers: { image: string }[] } };
      }
    ).template;
    expect(tpl.spec.containers[0]?.image).toBe("nginx:1.28");
    expect(kubectl(api, "kubectl set image deployment/web nginx=nginx:1.28")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    expect(kubectl(api, "kubectl set image deployment/web app=x").stderr).toBe(
      'error: unable to find container named "app"\n',
    );
  });
});
