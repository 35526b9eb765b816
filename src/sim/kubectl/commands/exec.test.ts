import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl, pod, running, ts } from "../testing/fake-api.ts";

function cluster(): FakeCluster {
  const api = new FakeCluster();
  api.objects.push(pod("web", { status: { containerStatuses: [running("app", 0)] } }));
  api.execResults.set("cat /etc/hostname", { exitCode: 0, stdout: "web\n", stderr: "" });
  api.execResults.set("ls /nope", {
    exitCode: 2,
    stdout: "",
    stderr: "ls: /nope: No such file or directory\n",
  });
  api.execResults.set("sleep 5", { exitCode: 0, stdout: "", stderr: "", durationMs: 5000 });
  return api;
}

describe("kubectl exec", () => {
  it("runs the command after --", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl exec web -- cat /etc/hostname")).toEqual({
      exitCode: 0,
      stdout: "web\n",
      stderr: "",
    });
    expect(api.calls.at(-1)).toEqual({
      op: "exec",
      args: ["default", "web", "app", ["cat", "/etc/hostname"], undefined],
    });
  });

  it("passes a non-zero exit code through with kubectl's message", () => {
    const r = kubectl(cluster(), "kubectl exec web -- ls /nope");
    expect(r).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "ls: /nope: No such file or directory\ncommand terminated with exit code 2\n",
    });
  });

  it("takes virtual time while the command runs", () => {
    const api = cluster();
    kubectl(api, "kubectl exec pod/web -- sleep 5");
    expect(api.now).toBe(5000);
  });

  it("refuses the old form without --", () => {
    const r = kubectl(cluster(), "kubectl exec web ls");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    });
  });

  it("needs a pod and a command", () => {
    expect(kubectl(cluster(), "kubectl exec -- ls").stderr).toBe(
      "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples\n",
    );
    expect(kubectl(cluster(), "kubectl exec web").stderr).toBe(
      "error: you must specify at least one command for the container\n",
    );
  });

  it("reports a missing pod and a completed pod", () => {
    expect(kubectl(cluster(), "kubectl exec ghost -- ls")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): pods "ghost" not found\n',
    });
    const api = cluster();
    (api.objects[0] as unknown as { status: { phase: string } }).status.phase = "Succeeded";
    expect(kubectl(api, "kubectl exec web -- ls").stderr).toBe(
      "error: cannot exec into a container in a completed pod; current phase is Succeeded\n",
    );
  });

  it("rejects a container that is not in the pod", () => {
    expect(kubectl(cluster(), "kubectl exec web -c nope -- ls").stderr).toBe(
      "Error from server (BadRequest): container nope is not valid for pod web\n",
    );
  });

  it("passes the cluster's upgrade failure through with exit code 1", () => {
    const api = cluster();
    // biome-ignore lint/correctness/useYield: the request fails before anything runs
    api.exec = function* () {
      return {
        exitCode: 1,
        stdout: "",
        stderr: 'error: unable to upgrade connection: container not found ("app")\n',
      };
    };
    expect(kubectl(api, "kubectl exec web -- ls")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: unable to upgrade connection: container not found ("app")\n',
    });
  });

  it("announces the default container of a multi-container pod unless --quiet", () => {
    const api = cluster();
    (api.objects[0] as unknown as { spec: { containers: { name: string }[] } }).spec.containers.push({
      name: "sidecar",
    });
    expect(kubectl(api, "kubectl exec web -- cat /etc/hostname").stderr).toBe(
      'Defaulted container "app" out of: app, sidecar\n',
    );
    expect(kubectl(api, "kubectl exec -q web -- cat /etc/hostname").stderr).toBe("");
  });

  it("sends stdin only with -i, and warns that a script has no TTY", () => {
    const api = cluster();
    const r = kubectl(api, "kubectl exec -it web -- cat /etc/hostname", { stdin: "data" });
    expect(r.stderr).toBe("Unable to use a TTY - input is not a terminal or the right kind of file\n");
    expect(api.calls.at(-1)?.args[4]).toBe("data");
    kubectl(api, "kubectl exec -t web -- cat /etc/hostname", { stdin: "data" });
    expect(api.calls.at(-1)?.args[4]).toBeUndefined();
  });

  it("merges the streams on a terminal", () => {
    const r = kubectl(cluster(), "kubectl exec -it web -- ls /nope", { tty: true });
    expect(r).toEqual({
      exitCode: 2,
      stdout: "ls: /nope: No such file or directory\n",
      stderr: "command terminated with exit code 2\n",
    });
  });
});

describe("kubectl exec TYPE/NAME", () => {
  it("runs in the most active pod of a deployment, without saying so", () => {
    const api = cluster();
    api.objects.push(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "default", uid: "d1" },
        spec: { selector: { matchLabels: { app: "web" } } },
      },
      pod("web-old", {
        labels: { app: "web" },
        createdMs: 0,
        status: { conditions: [{ type: "Ready", status: "True", lastTransitionTime: ts(1000) }] },
      }),
      pod("web-new", {
        labels: { app: "web" },
        createdMs: 5000,
        status: { conditions: [{ type: "Ready", status: "True", lastTransitionTime: ts(9000) }] },
      }),
    );
    const r = kubectl(api, "kubectl exec deploy/web -- cat /etc/hostname");
    expect(r).toEqual({ exitCode: 0, stdout: "web\n", stderr: "" });
    // Reverse(ActivePods): ready for longer comes first.
    expect(api.calls.at(-1)?.args[1]).toBe("web-old");
  });
});
