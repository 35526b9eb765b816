import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl } from "../testing/fake-api.ts";
import { nsenterPodName } from "./node-shell.ts";

describe("kubectl apply", () => {
  it("applies a file from the context and prints the cluster's lines", () => {
    const api = new FakeCluster();
    api.applyResult = { ok: true, lines: ["pod/web created", "service/web unchanged"] };
    const r = kubectl(api, "kubectl apply -f pod.yaml -n prod", { files: { "pod.yaml": "kind: Pod" } });
    expect(r).toEqual({ exitCode: 0, stdout: "pod/web created\nservice/web unchanged\n", stderr: "" });
    expect(api.calls).toEqual([{ op: "apply", args: ["kind: Pod", "prod"] }]);
    expect(kubectl(api, "kubectl apply -f ./pod.yaml -o name", { files: { "pod.yaml": "x" } }).stdout).toBe(
      "pod/web\nservice/web\n",
    );
  });

  it("reads - from stdin", () => {
    const api = new FakeCluster();
    api.applyResult = { ok: true, lines: ["pod/web configured"] };
    expect(kubectl(api, "kubectl apply -f -", { stdin: "kind: Pod" }).stdout).toBe("pod/web configured\n");
    expect(api.calls[0]?.args[0]).toBe("kind: Pod");
  });

  it("reports a missing file, a missing -f and the cluster's errors", () => {
    const api = new FakeCluster();
    expect(kubectl(api, "kubectl apply -f nope.yaml").stderr).toBe(
      'error: the path "nope.yaml" does not exist\n',
    );
    expect(kubectl(api, "kubectl apply").stderr).toBe(
      "error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples\n",
    );
    api.applyResult = {
      ok: false,
      error:
        "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
    };
    const r = kubectl(api, "kubectl apply -f pod.yaml", { files: { "pod.yaml": "a: b: c" } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error parsing pod.yaml/);
  });
});

describe("kubectl node-shell", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.objects.push({ apiVersion: "v1", kind: "Node", metadata: { name: "node-1", uid: "n1" } });
    api.execResults.set("ls /var/log/pods", { exitCode: 0, stdout: "default_web_uid\n", stderr: "" });
    api.execResults.set("cat /nope", {
      exitCode: 1,
      stdout: "",
      stderr: "cat: can't open '/nope': No such file or directory\n",
    });
    return api;
  }

  it("runs the command on the node, framed by the plugin's messages", () => {
    const api = cluster();
    const pod = nsenterPodName("node-1/0/ls /var/log/pods");
    expect(pod).toMatch(/^nsenter-[a-z0-9]{6}$/);
    const r = kubectl(api, "kubectl node-shell node-1 -- ls /var/log/pods");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "default_web_uid\n",
      stderr: `spawning "${pod}" on "node-1"\nIf you don't see a command prompt, try pressing enter.\npod "${pod}" deleted from default namespace\n`,
    });
    expect(api.calls).toEqual([{ op: "nodeShell", args: ["node-1", ["ls", "/var/log/pods"]] }]);
  });

  it("passes a failing exit code through, as kubectl run does", () => {
    const r = kubectl(cluster(), "kubectl node-shell node-1 -- cat /nope");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /terminated \(Error\)\npod "nsenter-[a-z0-9]{6}" deleted from default namespace\n$/,
    );
  });

  it("checks the node first", () => {
    expect(kubectl(cluster(), "kubectl node-shell node-9 -- ls")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
    });
    expect(kubectl(cluster(), "kubectl node-shell")).toEqual({
      exitCode: 1,
      stdout: "Please specify node name\n",
      stderr: "",
    });
  });
});

describe("kubectl version and api-resources", () => {
  it("prints the versions", () => {
    expect(kubectl(new FakeCluster(), "kubectl version --client").stdout).toBe(
      "Client Version: v1.34.0\nKustomize Version: v5.7.1\n",
    );
    expect(kubectl(new FakeCluster(), "kubectl version").stdout).toBe(
      "Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n",
    );
  });

  it("lists the known resource types", () => {
    const r = kubectl(new FakeCluster(), "kubectl api-resources --namespaced=false");
    expect(r.stdout).toBe(
      "NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND\nnamespaces   ns           v1           false        Namespace\nnodes        no           v1           false        Node\n",
    );
  });

  it("says which real commands are not emulated", () => {
    expect(kubectl(new FakeCluster(), "kubectl port-forward web 8080:80")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: "kubectl port-forward" is not supported in Podlife\n',
    });
  });
});

describe("kubectl run", () => {
  it("creates the pod kubectl's generator builds", () => {
    const api = new FakeCluster();
    api.applyResult = { ok: true, lines: ["pod/box created"] };
    const r = kubectl(api, "kubectl run box --image=busybox:1.36 --restart=Never --env=A=1 -- sleep 3600");
    expect(r).toEqual({ exitCode: 0, stdout: "pod/box created\n", stderr: "" });
    const [manifest, ns] = (api.calls[0] as unknown as { args: [string, string] }).args;
    expect(ns).toBe("default");
    expect(JSON.parse(manifest)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "box", labels: { run: "box" } },
      spec: {
        containers: [
          {
            name: "box",
            image: "busybox:1.36",
            resources: {},
            args: ["sleep", "3600"],
            env: [{ name: "A", value: "1" }],
          },
        ],
        dnsPolicy: "ClusterFirst",
        restartPolicy: "Never",
      },
    });
  });

  it("puts the words in command with --command", () => {
    const api = new FakeCluster();
    kubectl(api, "kubectl run box --image=busybox --command -- sh -c 'sleep 1'");
    const manifest = JSON.parse(api.calls[0]?.args[0] as string);
    expect(manifest.spec.containers[0].command).toEqual(["sh", "-c", "sleep 1"]);
  });

  it("refuses an existing name, a missing image and attaching", () => {
    const api = new FakeCluster();
    api.objects.push({ apiVersion: "v1", kind: "Pod", metadata: { name: "box", namespace: "default" } });
    expect(kubectl(api, "kubectl run box --image=busybox").stderr).toBe(
      'Error from server (AlreadyExists): pods "box" already exists\n',
    );
    expect(kubectl(api, "kubectl run other").stderr).toBe('error: required flag(s) "image" not set\n');
    expect(kubectl(api, "kubectl run other --image=busybox -it --rm -- sh").exitCode).toBe(1);
  });
});
