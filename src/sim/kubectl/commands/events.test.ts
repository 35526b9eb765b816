import { describe, expect, it } from "vitest";
import type { ApiEvent } from "../api.ts";
import { FakeCluster, kubectl, ts } from "../testing/fake-api.ts";

function ev(
  name: string,
  kind: string,
  reason: string,
  type: "Normal" | "Warning",
  firstMs: number,
  lastMs: number,
  count: number,
): ApiEvent {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.${reason}`, namespace: "default" },
    involvedObject: { kind, name, namespace: "default", uid: `u-${name}`, apiVersion: "v1" },
    reason,
    message: `${reason} happened`,
    type,
    source: { component: "kubelet" },
    count,
    firstTimestamp: ts(firstMs),
    lastTimestamp: ts(lastMs),
    eventTime: ts(firstMs),
    reportingComponent: "kubelet",
    reportingInstance: "node-1",
  };
}

describe("kubectl events", () => {
  function cluster(): FakeCluster {
    const api = new FakeCluster();
    api.now = 120_000;
    api.eventList.push(
      ev("web", "Pod", "BackOff", "Warning", 42_000, 116_000, 3),
      ev("web", "Pod", "Pulled", "Normal", 2000, 2000, 1),
      ev("web", "Deployment", "ScalingReplicaSet", "Normal", 1000, 1000, 1),
    );
    return api;
  }

  it("lists events by last seen with aggregated ages", () => {
    expect(kubectl(cluster(), "kubectl events").stdout).toBe(
      [
        "LAST SEEN          TYPE      REASON              OBJECT           MESSAGE",
        "119s               Normal    ScalingReplicaSet   Deployment/web   ScalingReplicaSet happened",
        "118s               Normal    Pulled              Pod/web          Pulled happened",
        "4s (x3 over 78s)   Warning   BackOff             Pod/web          BackOff happened",
        "",
      ].join("\n"),
    );
  });

  it("filters with --for and --types", () => {
    expect(kubectl(cluster(), "kubectl events --for pod/web --types=Warning").stdout).toBe(
      "LAST SEEN          TYPE      REASON    OBJECT    MESSAGE\n4s (x3 over 78s)   Warning   BackOff   Pod/web   BackOff happened\n",
    );
    expect(kubectl(cluster(), "kubectl events --for pod/nope")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "No events found in default namespace.\n",
    });
  });
});
