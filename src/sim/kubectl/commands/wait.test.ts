import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl, pod } from "../testing/fake-api.ts";

function cluster(): FakeCluster {
  const api = new FakeCluster();
  api.objects.push(
    pod("web", {
      labels: { app: "web" },
      status: { phase: "Pending", conditions: [{ type: "Ready", status: "False" }] },
    }),
  );
  return api;
}

/** Makes the pod ready at `atMs` by patching the fake cluster's clock advance. */
function readyAt(api: FakeCluster, atMs: number): void {
  const advance = api.advance.bind(api);
  api.advance = (ms: number) => {
    advance(ms);
    if (api.now >= atMs) {
      const p = api.get("Pod", "default", "web") as unknown as {
        status: { phase: string; conditions: { type: string; status: string }[] };
      };
      p.status.phase = "Running";
      p.status.conditions = [{ type: "Ready", status: "True" }];
    }
  };
}

describe("kubectl wait", () => {
  it("waits for a condition in virtual time", () => {
    const api = cluster();
    readyAt(api, 7000);
    expect(kubectl(api, "kubectl wait --for=condition=Ready pod/web --timeout=60s")).toEqual({
      exitCode: 0,
      stdout: "pod/web condition met\n",
      stderr: "",
    });
    expect(api.now).toBeGreaterThanOrEqual(7000);
    expect(api.now).toBeLessThan(8000);
  });

  it("times out after 30s by default", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl wait --for=condition=ready pods -l app=web")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: timed out waiting for the condition on pods/web\n",
    });
    expect(api.now).toBe(30_000);
  });

  it("waits on jsonpath values", () => {
    const api = cluster();
    readyAt(api, 2000);
    expect(kubectl(api, "kubectl wait --for=jsonpath={.status.phase}=Running pod web").stdout).toBe(
      "pod/web condition met\n",
    );
  });

  it("waits for deletion, and a missing object is already deleted", () => {
    const api = cluster();
    api.deleteDelayMs = 4000;
    kubectl(api, "kubectl delete pod web --wait=false");
    expect(kubectl(api, "kubectl wait --for=delete pod/web").stdout).toBe("pod/web condition met\n");
    expect(api.now).toBe(4000);
    expect(kubectl(api, "kubectl wait --for=delete pod/web")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("reports missing objects and bad conditions", () => {
    expect(kubectl(cluster(), "kubectl wait --for=condition=Ready pod/nope").stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(kubectl(cluster(), "kubectl wait --for=condition=Ready pods -l app=none").stderr).toBe(
      "error: no matching resources found\n",
    );
    expect(kubectl(cluster(), "kubectl wait --for=ready pod/web").stderr).toBe(
      'error: unrecognized condition: "ready"\n',
    );
  });
});
