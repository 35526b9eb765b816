import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl, pod, running } from "./testing/fake-api.ts";

describe("runCommandLine", () => {
  it("runs kubectl get pods", () => {
    const api = new FakeCluster();
    api.now = 90_000;
    api.objects.push(pod("web", { status: { containerStatuses: [running("app", 5_000)] } }));
    const r = kubectl(api, "kubectl get pods");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          90s\n",
      stderr: "",
    });
  });

  it("says unknown command with cobra's suggestions", () => {
    const api = new FakeCluster();
    expect(kubectl(api, "kubectl frobnicate")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: unknown command "frobnicate" for "kubectl"\n',
    });
    expect(kubectl(api, "kubectl gett").stderr).toBe(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n',
    );
  });

  it("requires the kubectl word", () => {
    const r = kubectl(new FakeCluster(), "get pods");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("kubectl");
  });

  it("reports flag errors like pflag", () => {
    const r = kubectl(new FakeCluster(), "kubectl get pods --bogus");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    });
  });

  it("reports not found", () => {
    const r = kubectl(new FakeCluster(), "kubectl get pod nope");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    });
  });
});

describe("bare kubectl", () => {
  it("prints help listing the emulated commands", () => {
    const r = kubectl(new FakeCluster(), "kubectl");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    expect(r.stdout).toContain("\n  logs ");
    expect(r.stdout).not.toContain("port-forward");
  });
});
