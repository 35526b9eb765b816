import { describe, expect, it } from "vitest";
import type { Timeline } from "../sim/index.ts";
import { SAMPLE_TIMELINE } from "../viz/fixtures.ts";
import { watchPods } from "./status-history.ts";

describe("watchPods (kubectl get pods -w)", () => {
  it("prints a line each time READY, STATUS or RESTARTS changes", () => {
    const rows = watchPods(SAMPLE_TIMELINE, 120_000);
    expect(rows.map((r) => [r.ready, r.status, r.restarts, r.age])).toEqual([
      ["0/1", "Init:0/1", 0, "0s"],
      ["0/1", "ContainerCreating", 0, "5s"],
      ["0/1", "Running", 0, "12s"],
      ["1/1", "Running", 0, "20s"],
    ]);
  });

  it("stops at the playhead", () => {
    expect(watchPods(SAMPLE_TIMELINE, 6000).map((r) => r.status)).toEqual(["Init:0/1", "ContainerCreating"]);
  });

  it("shows CrashLoopBackOff and counts restarts", () => {
    const pod = SAMPLE_TIMELINE.pods[0]!;
    const t: Timeline = {
      ...SAMPLE_TIMELINE,
      pods: [
        {
          ...pod,
          containers: [
            {
              name: "app",
              kind: "regular",
              image: "busybox",
              spans: [
                { kind: "running", startMs: 1000, endMs: 3000, label: "Running", ready: true },
                {
                  kind: "terminated",
                  startMs: 3000,
                  endMs: 3000,
                  label: "Error",
                  reason: "Error",
                  exitCode: 1,
                },
                { kind: "running", startMs: 3000, endMs: 5000, label: "Running", ready: true },
                {
                  kind: "terminated",
                  startMs: 5000,
                  endMs: 5000,
                  label: "Error",
                  reason: "Error",
                  exitCode: 1,
                },
                { kind: "backoff", startMs: 5000, endMs: 15_000, label: "CrashLoopBackOff 10s" },
              ],
              marks: [
                { kind: "start", atMs: 1000, label: "Started" },
                { kind: "start", atMs: 3000, label: "Started" },
              ],
              probes: [],
            },
          ],
          lanes: [{ name: "phase", spans: [{ startMs: 0, endMs: 15_000, value: "Running" }] }],
        },
      ],
    };
    const rows = watchPods(t, 15_000);
    expect(rows.at(-1)).toMatchObject({ ready: "0/1", status: "CrashLoopBackOff", restarts: 1 });
  });
});
