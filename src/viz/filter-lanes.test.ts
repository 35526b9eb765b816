import { describe, expect, it } from "vitest";
import type { Timeline } from "../sim/timeline/types.ts";
import { filterLanes } from "./filter-lanes.ts";

const pod = (name: string, containers: string[]) => ({
  uid: name,
  name,
  namespace: "default",
  createdMs: 0,
  containers: containers.map((c) => ({
    name: c,
    kind: "regular" as const,
    image: "x",
    spans: [],
    marks: [],
    probes: [],
  })),
  lanes: [{ name: "phase", spans: [] }],
  statuses: [],
});
const event = (name: string) => ({
  atMs: 0,
  type: "Normal" as const,
  reason: "Scheduled",
  message: "m",
  object: { kind: "Pod", name, namespace: "default" },
  source: "default-scheduler",
});
const timeline: Timeline = {
  version: 1,
  startTimeMs: 0,
  endMs: 1000,
  pods: [pod("web", ["nginx", "log"]), pod("db", ["postgres"])],
  events: [event("web"), event("db")],
};

describe("filterLanes", () => {
  it("keeps everything without selectors, or when none match", () => {
    expect(filterLanes(timeline, undefined)).toBe(timeline);
    expect(filterLanes(timeline, ["nope"])).toBe(timeline);
  });

  it("keeps a whole pod by name, with its events only", () => {
    const t = filterLanes(timeline, ["db"]);
    expect(t.pods.map((p) => p.name)).toEqual(["db"]);
    expect(t.pods[0]?.lanes).toHaveLength(1);
    expect(t.events.map((e) => e.object.name)).toEqual(["db"]);
  });

  it("keeps one container of a pod, without the pod-level lanes", () => {
    const t = filterLanes(timeline, ["web/log"]);
    expect(t.pods.map((p) => [p.name, p.containers.map((c) => c.name), p.lanes.length])).toEqual([
      ["web", ["log"], 0],
    ]);
  });

  it("keeps a Deployment's section and its pods, or a Service's lane, by name", () => {
    const withWorkloads = {
      ...timeline,
      pods: [...timeline.pods, pod("shop-5d8f-abcde", ["app"])],
      deployments: [{ name: "shop", namespace: "default", counts: [], replicaSets: [], steps: [] }],
      services: [
        { name: "db", namespace: "default" } as unknown as NonNullable<Timeline["services"]>[number],
      ],
    };
    const t = filterLanes(withWorkloads, ["shop"]);
    expect(t.pods.map((p) => p.name)).toEqual(["shop-5d8f-abcde"]);
    expect(t.deployments?.map((d) => d.name)).toEqual(["shop"]);
    expect(t.services).toEqual([]);
    expect(filterLanes(withWorkloads, ["web"]).deployments).toEqual([]);
  });
});
