/** A hand-written rollout under traffic (counts, steps, failures) for the workload views' tests. */
import type { Timeline } from "../sim/timeline/types.ts";
import { SAMPLE_TIMELINE } from "./fixtures.ts";

const counts = (atMs: number, desired: number, current: number, ready: number) => ({
  atMs,
  desired,
  current,
  ready,
  available: ready,
});

/** SAMPLE_TIMELINE plus a 2-replica Deployment rolled at 30s and a Service with 3 failed requests. */
export const ROLLOUT_TIMELINE: Timeline = {
  ...SAMPLE_TIMELINE,
  deployments: [
    {
      name: "web",
      namespace: "default",
      counts: [counts(0, 2, 2, 2), counts(30_000, 2, 3, 2), counts(40_000, 2, 2, 2)],
      replicaSets: [
        {
          name: "web-aaa",
          revision: "1",
          image: "nginx:1.27",
          createdMs: 0,
          counts: [
            counts(0, 2, 2, 0),
            counts(10_000, 2, 2, 2),
            counts(35_000, 1, 1, 1),
            counts(40_000, 0, 0, 0),
          ],
        },
        {
          name: "web-bbb",
          revision: "2",
          image: "nginx:1.28",
          createdMs: 30_000,
          counts: [counts(30_000, 1, 1, 0), counts(34_000, 1, 1, 1), counts(35_000, 2, 2, 2)],
        },
      ],
      steps: [
        { atMs: 0, message: "Scaled up replica set web-aaa from 0 to 2" },
        { atMs: 30_000, message: "Scaled up replica set web-bbb from 0 to 1" },
        { atMs: 35_000, message: "Scaled down replica set web-aaa from 2 to 1" },
        { atMs: 35_001, message: "Scaled up replica set web-bbb from 1 to 2" },
        { atMs: 40_000, message: "Scaled down replica set web-aaa from 1 to 0" },
      ],
    },
  ],
  services: [
    {
      name: "web",
      namespace: "default",
      sent: 200,
      succeeded: 197,
      failed: 3,
      byOutcome: { refused: 3, reset: 0, "no endpoints": 0, error: 0 },
      okPerSecond: Array.from({ length: 100 }, (_, i) => (i === 35 ? 0 : 2)),
      failedPerSecond: Array.from({ length: 100 }, (_, i) => (i === 35 ? 3 : 0)),
      failures: [35_100, 35_200, 90_000].map((atMs) => ({
        atMs,
        endMs: atMs,
        outcome: "refused" as const,
        pod: "first-demo",
        endpoint: "10.244.0.5:80",
        detail: "connect: connection refused",
        why: "Nothing listened on port 80 in first-demo, yet kube-proxy still routed to it as ready.",
      })),
      droppedFailures: 0,
    },
  ],
};
