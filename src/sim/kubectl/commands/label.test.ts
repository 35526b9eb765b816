import { describe, expect, it } from "vitest";
import { FakeCluster, kubectl, pod } from "../testing/fake-api.ts";

describe("kubectl label and annotate", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.objects.push(pod("web", { labels: { app: "web" } }), pod("db", { labels: { app: "db" } }));
    return api;
  }

  it("adds, refuses to overwrite without --overwrite, and removes", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl label pod web tier=front").stdout).toBe("pod/web labeled\n");
    expect(api.get("Pod", "default", "web")?.metadata.labels).toEqual({ app: "web", tier: "front" });
    expect(kubectl(api, "kubectl label pod web app=other").stderr).toBe(
      "error: 'app' already has a value (web), and --overwrite is false\n",
    );
    expect(kubectl(api, "kubectl label pod web app=other --overwrite").stdout).toBe("pod/web labeled\n");
    expect(kubectl(api, "kubectl label pod/web tier-").stdout).toBe("pod/web labeled\n");
    expect(api.get("Pod", "default", "web")?.metadata.labels).toEqual({ app: "other" });
    expect(kubectl(api, "kubectl label pod web app=other --overwrite").stdout).toBe("pod/web not labeled\n");
  });

  it("selects with -l and annotates", () => {
    const api = cluster();
    expect(kubectl(api, "kubectl annotate pods -l app=db note=hi").stdout).toBe("pod/db annotated\n");
    expect(api.get("Pod", "default", "db")?.metadata.annotations).toEqual({ note: "hi" });
    expect(kubectl(api, "kubectl label pod web").stderr).toBe(
      "error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n",
    );
  });
});
