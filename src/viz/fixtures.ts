/** A small hand-written timeline exercising every shape the swimlanes draw (for tests). */
import type { Timeline } from "../sim/timeline/types.ts";

export const SAMPLE_TIMELINE: Timeline = {
  version: 1,
  startTimeMs: Date.UTC(2025, 0, 1),
  endMs: 120_000,
  events: [],
  pods: [
    {
      uid: "uid-1",
      name: "first-demo",
      namespace: "default",
      nodeName: "node-1",
      createdMs: 0,
      statuses: [],
      containers: [
        {
          name: "install",
          kind: "init",
          image: "busybox",
          spans: [
            { kind: "pulling", startMs: 1000, endMs: 4000, label: "Pulling busybox" },
            { kind: "running", startMs: 4000, endMs: 5000, label: "Running" },
            {
              kind: "terminated",
              startMs: 5000,
              endMs: 120_000,
              label: "Completed",
              reason: "Completed",
              exitCode: 0,
            },
          ],
          marks: [{ kind: "exit", atMs: 5000, label: "exit 0" }],
          probes: [],
        },
        {
          name: "nginx",
          kind: "regular",
          image: "nginx",
          spans: [
            { kind: "waiting", startMs: 0, endMs: 5000, label: "PodInitializing", reason: "PodInitializing" },
            { kind: "pulling", startMs: 5000, endMs: 12_000, label: "Pulling nginx" },
            { kind: "running", startMs: 12_000, endMs: 20_000, label: "Running", ready: false },
            {
              kind: "running",
              startMs: 20_000,
              endMs: 120_000,
              label: "Running (ready)",
              ready: true,
              why: "readiness <probe> & passed",
            },
          ],
          marks: [{ kind: "SIGTERM", atMs: 100_000, label: "SIGTERM" }],
          probes: [
            {
              type: "readiness",
              attempts: [
                { atMs: 15_000, durationMs: 10, result: "failure", output: "connection refused" },
                { atMs: 20_000, durationMs: 10, result: "success", output: "" },
              ],
            },
          ],
        },
      ],
      lanes: [
        {
          name: "phase",
          spans: [
            { startMs: 0, endMs: 12_000, value: "Pending" },
            { startMs: 12_000, endMs: 120_000, value: "Running" },
          ],
        },
      ],
    },
  ],
};
