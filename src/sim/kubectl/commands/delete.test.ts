import { describe, expect, it } from "vitest";
import { parseGoDuration } from "../duration.ts";
import { FakeCluster, kubectl, pod } from "../testing/fake-api.ts";

function cluster(delayMs = 0): FakeCluster {
  const api = new FakeCluster();
  api.deleteDelayMs = delayMs;
  api.objects.push(pod("a", { labels: { app: "web" } }), pod("b", { labels: { app: "web" } }), pod("c"));
  return api;
}

describe("kubectl delete", () => {
  it("prints kubectl v1.34's message and waits until the pod is gone", () => {
    const api = cluster(12_000);
    const r = kubectl(api, "kubectl delete pod a");
    expect(r).toEqual({ exitCode: 0, stdout: 'pod "a" deleted from default namespace\n', stderr: "" });
    expect(api.now).toBe(12_000);
    expect(api.get("Pod", "default", "a")).toBeUndefined();
    expect(api.calls[0]).toEqual({ op: "delete", args: ["Pod", "default", "a", {}] });
  });

  it("returns at once with --wait=false", () => {
    const api = cluster(12_000);
    expect(kubectl(api, "kubectl delete pod/a --wait=false").stdout).toBe(
      'pod "a" deleted from default namespace\n',
    );
    expect(api.now).toBe(0);
    expect(api.get("Pod", "default", "a")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("passes --grace-period, and turns 0 without --force into 1", () => {
    const api = cluster();
    kubectl(api, "kubectl delete pod a --grace-period=5");
    expect(api.calls.at(-1)?.args[3]).toEqual({ gracePeriodSeconds: 5 });
    kubectl(api, "kubectl delete pod b --grace-period=0");
    expect(api.calls.at(-1)?.args[3]).toEqual({ gracePeriodSeconds: 1 });
    kubectl(api, "kubectl delete pod c --now");
    expect(api.calls.at(-1)?.args[3]).toEqual({ gracePeriodSeconds: 1 });
  });

  it("force-deletes with a warning", () => {
    const api = cluster(30_000);
    const r = kubectl(api, "kubectl delete pod a --grace-period=0 --force");
    expect(r).toEqual({
      exitCode: 0,
      stdout: 'pod "a" force deleted from default namespace\n',
      stderr:
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    });
    expect(api.calls.at(-1)?.args[3]).toEqual({ gracePeriodSeconds: 0, force: true });
    expect(kubectl(api, "kubectl delete pod b --force").stdout).toBe(
      'pod "b" force deleted from default namespace\n',
    );
  });

  it("refuses contradictory flags", () => {
    expect(kubectl(cluster(), "kubectl delete pod a --force --grace-period=3").stderr).toBe(
      "error: --force and --grace-period greater than 0 cannot be specified together\n",
    );
    expect(kubectl(cluster(), "kubectl delete pod a --now --grace-period=3").stderr).toBe(
      "error: --now and --grace-period cannot be specified together\n",
    );
  });

  it("reports a missing pod after deleting the others, and does not wait", () => {
    const api = cluster(5000);
    const r = kubectl(api, "kubectl delete pod a ghost b");
    expect(r).toEqual({
      exitCode: 1,
      stdout: 'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): pods "ghost" not found\n',
    });
    expect(api.now).toBe(0);
    expect(kubectl(api, "kubectl delete pod ghost --ignore-not-found")).toEqual({
      exitCode: 0,
      stdout: "No resources found\n",
      stderr: "",
    });
  });

  it("deletes by label selector and --all", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl delete pods -l app=web").stdout).toBe(
      'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n',
    );
    expect(kubectl(api, "kubectl delete pods -l app=web").stdout).toBe("No resources found\n");
    expect(kubectl(api, "kubectl delete pods --all -o name").stdout).toBe("pod/c\n");
  });

  it("needs names or a selector", () => {
    expect(kubectl(cluster(), "kubectl delete pods").stderr).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    expect(kubectl(cluster(), "kubectl delete").stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it("times out with --timeout", () => {
    const api = cluster(60_000);
    const r = kubectl(api, "kubectl delete pod a --timeout=10s");
    expect(r).toEqual({
      exitCode: 1,
      stdout: 'pod "a" deleted from default namespace\n',
      stderr: "error: timed out waiting for the condition on pods/a\n",
    });
    expect(api.now).toBe(10_000);
  });

  it("omits the namespace for cluster-scoped objects", () => {
    const api = new FakeCluster();
    api.objects.push({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1", uid: "n1" } });
    expect(kubectl(api, "kubectl delete node node-1").stdout).toBe('node "node-1" deleted\n');
  });
});

describe("parseGoDuration", () => {
  it("reads Go durations", () => {
    expect(parseGoDuration("1m30s")).toBe(90_000);
    expect(parseGoDuration("500ms")).toBe(500);
    expect(parseGoDuration("0")).toBe(0);
    expect(parseGoDuration("soon")).toBeUndefined();
  });
});

describe("kubectl delete -f", () => {
  const manifest = [
    "apiVersion: podlife.dev/v1alpha1",
    "kind: Scenario",
    "---",
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: a",
    "---",
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: ghost",
    "  namespace: default",
    "",
  ].join("\n");

  it("deletes the objects a file names, citing the file in errors", () => {
    const api = cluster();
    const r = kubectl(api, "kubectl delete -f pods.yaml", { files: { "pods.yaml": manifest } });
    expect(r).toEqual({
      exitCode: 1,
      stdout: 'pod "a" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): error when deleting "pods.yaml": pods "ghost" not found\n',
    });
  });

  it("reads stdin and refuses names alongside files", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl delete -f - --ignore-not-found", { stdin: manifest }).stdout).toBe(
      'pod "a" deleted from default namespace\n',
    );
    expect(
      kubectl(api, "kubectl delete -f pods.yaml pod b", { files: { "pods.yaml": manifest } }).stderr,
    ).toBe(
      "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
    );
    expect(kubectl(api, "kubectl delete -f missing.yaml").stderr).toBe(
      'error: the path "missing.yaml" does not exist\n',
    );
  });
});
