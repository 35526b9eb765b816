import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import {
  equalIgnoreHash,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicaSetProportion,
  resolveFenceposts,
  setCondition,
} from "./deployment-util.ts";
import { computeHash, safeEncodeString } from "./pod-template-hash.ts";

function deployment(replicas: number, surge: string | number, unavailable: string | number): ApiObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      replicas,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

function rs(replicas: number, annotations: Record<string, string> = {}): ApiObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "rs", annotations },
    spec: { replicas },
  };
}

describe("ResolveFenceposts (k8s-semantics §9)", () => {
  it.each([
    [4, 1, 1],
    [10, 3, 2],
    [3, 1, 0],
    [1, 1, 0],
  ])("%i replicas at 25%%/25%% → surge %i, unavailable %i", (replicas, surge, unavailable) => {
    expect(resolveFenceposts("25%", "25%", replicas)).toEqual({ surge, unavailable });
  });

  it("lets one pod be unavailable when both resolve to 0", () => {
    expect(resolveFenceposts(0, "10%", 5)).toEqual({ surge: 0, unavailable: 1 });
  });

  it("caps maxUnavailable at the replicas; Recreate has neither", () => {
    expect(maxUnavailable(deployment(2, 0, 5))).toBe(2);
    const recreate = deployment(4, "25%", "25%");
    (recreate.spec as { strategy: unknown }).strategy = { type: "Recreate" };
    expect(maxSurge(recreate)).toBe(0);
    expect(maxUnavailable(recreate)).toBe(0);
  });
});

describe("NewRSNewReplicas", () => {
  it("grows the new ReplicaSet up to replicas + maxSurge in total", () => {
    const d = deployment(4, "25%", "25%");
    const fresh = rs(0);
    expect(newRSNewReplicas(d, [rs(4), fresh], fresh)).toBe(1);
    const one = rs(1);
    expect(newRSNewReplicas(d, [rs(3), one], one)).toBe(2);
    expect(newRSNewReplicas(d, [rs(4), one], one)).toBe(1);
  });
});

describe("proportional scaling", () => {
  it("shares added replicas by size against the max-replicas annotation", () => {
    const d = deployment(20, 3, 2);
    // Before: 10 replicas + 3 surge = 13; now 20 + 3 = 23.
    expect(replicaSetProportion(d, rs(8, { "deployment.kubernetes.io/max-replicas": "13" }), 10, 0)).toBe(6);
  });
});

describe("conditions", () => {
  it("keeps lastTransitionTime when only the reason changes, and moves the condition last", () => {
    const status = {
      conditions: [
        {
          type: "Progressing",
          status: "True" as const,
          lastUpdateTime: "a",
          lastTransitionTime: "a",
          reason: "X",
          message: "",
        },
        {
          type: "Available",
          status: "True" as const,
          lastUpdateTime: "a",
          lastTransitionTime: "a",
          reason: "Y",
          message: "",
        },
      ],
    };
    setCondition(status, {
      type: "Progressing",
      status: "True",
      lastUpdateTime: "b",
      lastTransitionTime: "b",
      reason: "Z",
      message: "",
    });
    expect(status.conditions.map((c) => c.type)).toEqual(["Available", "Progressing"]);
    expect(status.conditions[1]).toMatchObject({ reason: "Z", lastUpdateTime: "b", lastTransitionTime: "a" });
  });
});

describe("pod-template-hash", () => {
  it("has the safe alphabet's decimal shape and is stable", () => {
    const template = {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "a", image: "x" }] },
    };
    const hash = computeHash(template);
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(structuredClone(template))).toBe(hash);
    expect(computeHash(template, 1)).not.toBe(hash);
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });

  it("compares templates without the hash label", () => {
    const a = { metadata: { labels: { app: "web" } } };
    const b = { metadata: { labels: { app: "web", "pod-template-hash": "abc" } } };
    expect(equalIgnoreHash(a, b)).toBe(true);
    expect(equalIgnoreHash(a, { metadata: { labels: { app: "api" } } })).toBe(false);
  });
});
