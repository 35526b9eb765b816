import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import { ServicePodIndex } from "./service-pod-index.ts";

function service(): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
  };
}

function pod(): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-1", namespace: "default", uid: "uid-1", labels: { app: "web", tier: "a" } },
    spec: { nodeName: "node-1" },
    status: {
      phase: "Running",
      podIP: "10.244.0.5",
      conditions: [{ type: "Ready", status: "False", lastTransitionTime: "2025-01-01T00:00:00Z" }],
    },
  };
}

describe("ServicePodIndex", () => {
  it("asks for a sync only when something an endpoint shows changed, the stored pod changed in place", () => {
    const index = new ServicePodIndex();
    expect(index.observe({ type: "ADDED", object: service() })).toEqual(["default/web"]);
    const p = pod();
    expect(index.observe({ type: "ADDED", object: p })).toEqual(["default/web"]);
    // A status change no endpoint shows.
    (p.status as { startTime?: string }).startTime = "2025-01-01T00:00:01Z";
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual([]);
    // Readiness, then a label changed in place (still selected), then the same labels reordered.
    (p.status as { conditions: { status: string }[] }).conditions[0]!.status = "True";
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual(["default/web"]);
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual([]);
    p.metadata.labels!.tier = "b";
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual(["default/web"]);
    p.metadata.labels = { tier: "b", app: "web" };
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual(["default/web"]);
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual([]);
    // No longer selected: the Service it left is synced, once.
    p.metadata.labels.app = "other";
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual(["default/web"]);
    expect(index.podsOf("default/web")).toEqual([]);
    expect(index.observe({ type: "MODIFIED", object: p })).toEqual([]);
  });
});
