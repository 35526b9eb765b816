import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl, pod, running, ts } from "../testing/fake-api.ts";

function twoContainers(): FakeCluster {
  const api = new FakeCluster();
  api.objects.push(
    pod("web", {
      spec: {
        containers: [{ name: "a" }, { name: "b" }],
        initContainers: [{ name: "setup" }],
      },
      status: { containerStatuses: [running("a", 1000), running("b", 1000)] },
    }),
  );
  api.logStreams.set("default/web/a", { current: "one\ntwo\nthree\n", previous: "old\n" });
  api.logStreams.set("default/web/b", { current: "bee\n" });
  api.logStreams.set("default/web/setup", { current: "init done\n" });
  return api;
}

describe("kubectl logs", () => {
  it("defaults to the first container and says so on stderr", () => {
    const r = kubectl(twoContainers(), "kubectl logs web");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "one\ntwo\nthree\n",
      stderr: 'Defaulted container "a" out of: a, b, setup (init)\n',
    });
  });

  it("does not announce the default for a single-container pod", () => {
    const api = new FakeCluster();
    api.objects.push(pod("solo"));
    api.logStreams.set("default/solo/app", { current: "hi\n" });
    expect(kubectl(api, "kubectl logs pod/solo")).toEqual({ exitCode: 0, stdout: "hi\n", stderr: "" });
  });

  it("takes -c, the positional container, --tail and --previous", () => {
    const api = twoContainers();
    expect(kubectl(api, "kubectl logs web -c b").stdout).toBe("bee\n");
    expect(kubectl(api, "kubectl logs web b").stdout).toBe("bee\n");
    expect(kubectl(api, "kubectl logs web -c a --tail=1").stdout).toBe("three\n");
    expect(kubectl(api, "kubectl logs web -c a -p").stdout).toBe("old\n");
    expect(api.calls.at(-1)).toEqual({
      op: "logs",
      args: ["default", "web", "a", { previous: true, timestamps: false }],
    });
    kubectl(api, "kubectl logs web -c a --timestamps --tail 2");
    expect(api.calls.at(-1)?.args[3]).toEqual({ previous: false, timestamps: true, tail: 2 });
  });

  it("rejects an unknown container like kubectl does (client side)", () => {
    const r = kubectl(twoContainers(), "kubectl logs web -c nope");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: container nope is not valid for pod web\n",
    });
  });

  it("passes the server's previous-container error through", () => {
    const r = kubectl(twoContainers(), "kubectl logs web -c b --previous");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: previous terminated container "b" in pod "web" not found\n');
  });

  it("keeps kubectl-shaped errors from the cluster as they are", () => {
    const api = twoContainers();
    api.logs = () => ({
      ok: false,
      error: 'Error from server (BadRequest): previous terminated container "a" in pod "web" not found',
    });
    expect(kubectl(api, "kubectl logs web -c a -p").stderr).toBe(
      'Error from server (BadRequest): previous terminated container "a" in pod "web" not found\n',
    );
  });

  it("reports a missing pod", () => {
    expect(kubectl(new FakeCluster(), "kubectl logs ghost")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): pods "ghost" not found\n',
    });
  });

  it("prints kubectl's usage error without a pod", () => {
    const r = kubectl(new FakeCluster(), "kubectl logs");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it("shows all containers, init first, with --prefix", () => {
    const r = kubectl(twoContainers(), "kubectl logs web --all-containers --prefix");
    expect(r.stdout).toBe(
      "[pod/web/setup] init done\n[pod/web/a] one\n[pod/web/a] two\n[pod/web/a] three\n[pod/web/b] bee\n",
    );
    expect(r.stderr).toBe("");
  });

  it("uses the default-container annotation silently", () => {
    const api = twoContainers();
    (
      api.objects[0] as unknown as { metadata: { annotations?: Record<string, string> } }
    ).metadata.annotations = {
      "kubectl.kubernetes.io/default-container": "b",
    };
    expect(kubectl(api, "kubectl logs web")).toEqual({ exitCode: 0, stdout: "bee\n", stderr: "" });
  });

  it("follows -f as a snapshot of what was logged so far", () => {
    expect(kubectl(twoContainers(), "kubectl logs -f web -c b").stdout).toBe("bee\n");
  });
});

describe("kubectl logs TYPE/NAME", () => {
  function deployment(): FakeCluster {
    const api = new FakeCluster();
    api.now = 60_000;
    api.objects.push(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "default", uid: "d1" },
        spec: { selector: { matchLabels: { app: "web" } } },
      },
      pod("web-1", { labels: { app: "web" }, status: { phase: "Pending" } }),
      pod("web-2", {
        labels: { app: "web" },
        status: { conditions: [{ type: "Ready", status: "True", lastTransitionTime: ts(5000) }] },
      }),
      pod("other", { labels: { app: "db" } }),
    );
    api.logStreams.set("default/web-2/app", { current: "hello from 2\n" });
    return api;
  }

  it("picks the most interesting pod and says how many there were", () => {
    expect(kubectl(deployment(), "kubectl logs deploy/web")).toEqual({
      exitCode: 0,
      stdout: "hello from 2\n",
      stderr: "Found 2 pods, using pod/web-2\n",
    });
  });

  it("waits for a first pod, then gives up", () => {
    const api = deployment();
    api.objects = api.objects.filter((o) => o.kind !== "Pod");
    const r = kubectl(api, "kubectl logs deployment/web");
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: "error: timed out waiting for the condition\n" });
    expect(api.now).toBe(80_000);
  });

  it("reports a missing owner", () => {
    expect(kubectl(deployment(), "kubectl logs deploy/nope").stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
});
