/**
 * The built-in scenarios: the gallery starts with the three demos of the tutorial (SEED.md), then
 * one scenario per concept. The first one is what the playground opens with.
 */
import { DEFAULT_SCENARIO_TEXT } from "./default-scenario.ts";
import crashloop from "./examples/crashloop.yaml?raw";
import gracestop from "./examples/gracestop.yaml?raw";
import imagePullBackOff from "./examples/imagepullbackoff.yaml?raw";
import livenessExec from "./examples/liveness-exec.yaml?raw";
import maxSurgeZero from "./examples/maxsurge-zero.yaml?raw";
import pid1Sigterm from "./examples/pid1-sigterm.yaml?raw";
import prestopGrace from "./examples/prestop-grace.yaml?raw";
import progressDeadline from "./examples/progress-deadline.yaml?raw";
import recreate from "./examples/recreate.yaml?raw";
import rollingUpdate from "./examples/rolling-update.yaml?raw";
import rolloutNoPrestop from "./examples/rollout-no-prestop.yaml?raw";
import rolloutPrestop from "./examples/rollout-prestop.yaml?raw";
import sidecarOrder from "./examples/sidecar-order.yaml?raw";
import startupProbe from "./examples/startup-probe.yaml?raw";

/** A named built-in scenario. */
export interface Example {
  id: string;
  title: string;
  /** Two lines: what the scenario shows, and what to look at. */
  summary: [string, string];
  /** The tutorial's own demos, one concept each, or Deployments and Services under load. */
  group: "tutorial" | "concept" | "workload";
  text: string;
  /** Opens in compare mode: `text` is variant A, this is variant B, with the two tabs' titles. */
  compare?: { text: string; titles: [string, string] };
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "init-pod",
    title: "Init container and shared volume",
    summary: [
      "An init container writes a file into an emptyDir volume that nginx then serves.",
      "nginx's image is pulled only after the init container has completed with exit 0.",
    ],
    group: "tutorial",
    text: DEFAULT_SCENARIO_TEXT,
  },
  {
    id: "liveness-exec",
    title: "Liveness probe (exec)",
    summary: [
      "busybox deletes /tmp/healthy after 30 s, so `cat /tmp/healthy` starts failing.",
      "Three failures in a row: the kubelet kills the container, restarts it, then backs off.",
    ],
    group: "tutorial",
    text: livenessExec,
  },
  {
    id: "gracestop",
    title: "preStop hooks and graceful stop",
    summary: [
      "Two pods with preStop hooks: `nginx -s quit`, and a message written to the node's /tmp.",
      "Delete one from the console (`kubectl delete pod hook-demo3`) and watch the hook run first.",
    ],
    group: "tutorial",
    text: gracestop,
  },
  {
    id: "sidecar-order",
    title: "Sidecar start and stop order",
    summary: [
      "A sidecar (an init container with restartPolicy: Always) starts before the app container…",
      "…and on deletion is stopped only after the app has exited.",
    ],
    group: "concept",
    text: sidecarOrder,
  },
  {
    id: "startup-probe",
    title: "Startup probe gating liveness",
    summary: [
      "The app needs 45 s to start; the startup probe fails until then, and that is fine.",
      "The liveness probe (failureThreshold 1) only begins once the startup probe has passed.",
    ],
    group: "concept",
    text: startupProbe,
  },
  {
    id: "crashloop",
    title: "The CrashLoopBackOff curve",
    summary: [
      "A container that exits 1 two seconds after starting, restarted by the kubelet.",
      "The wait doubles each time — 10 s, 20 s, 40 s, 80 s, 160 s — up to five minutes.",
    ],
    group: "concept",
    text: crashloop,
  },
  {
    id: "prestop-grace",
    title: "preStop versus the grace period",
    summary: [
      "The preStop hook needs 40 s but terminationGracePeriodSeconds is 30.",
      "The hook is cut short: the stop signal comes with 2 s to spare, then SIGKILL.",
    ],
    group: "concept",
    text: prestopGrace,
  },
  {
    id: "pid1-sigterm",
    title: "PID 1 ignoring SIGTERM",
    summary: [
      "Two shells as PID 1, deleted at 20 s: one without a trap, one with `trap 'exit 0' TERM`.",
      "Without a handler SIGTERM does nothing; SIGKILL ends it 30 s later with exit 137.",
    ],
    group: "concept",
    text: pid1Sigterm,
  },
  {
    id: "imagepullbackoff",
    title: "ImagePullBackOff",
    summary: [
      "An image tag that does not exist: every pull fails with ErrImagePull.",
      "The kubelet retries with a doubling back-off, the container waiting in ImagePullBackOff.",
    ],
    group: "concept",
    text: imagePullBackOff,
  },
  {
    id: "rollout-prestop",
    title: "Zero-downtime rollout (and its broken twin)",
    summary: [
      "A: a preStop sleep of 5 s outlasts kube-proxy's 2 s delay — 0 failed requests during the rollout.",
      "B: the same without preStop — nginx stops at once while kube-proxy still sends it requests.",
    ],
    group: "workload",
    text: rolloutPrestop,
    compare: { text: rolloutNoPrestop, titles: ["preStop sleep 5s", "no preStop"] },
  },
  {
    id: "rollout-no-prestop",
    title: "Rollout without preStop: refused requests",
    summary: [
      "The broken twin alone: each old pod's nginx quits on SIGTERM before kube-proxy has caught up.",
      "Select a red mark under the traffic bars to see the refused request, its pod and why.",
    ],
    group: "workload",
    text: rolloutNoPrestop,
  },
  {
    id: "maxsurge-zero",
    title: "maxSurge 0 and maxUnavailable 0",
    summary: [
      "A rolling update that may neither add a pod nor remove one could never progress.",
      "The API server rejects the Deployment: see its message under the editor, at the field.",
    ],
    group: "workload",
    text: maxSurgeZero,
  },
  {
    id: "progress-deadline",
    title: "Rollout stuck on a failing readiness probe",
    summary: [
      "Version 2 never passes readiness: one new pod waits not ready, the old three keep serving.",
      "At 50 s progressDeadlineSeconds (30) runs out: `kubectl rollout status deployment/shop` fails.",
    ],
    group: "workload",
    text: progressDeadline,
  },
  {
    id: "recreate",
    title: "Recreate vs RollingUpdate",
    summary: [
      "A: Recreate stops all old pods first — every request fails with no endpoints meanwhile.",
      "B: RollingUpdate replaces them a few at a time behind the Service — nothing fails.",
    ],
    group: "workload",
    text: recreate,
    compare: { text: rollingUpdate, titles: ["Recreate", "RollingUpdate"] },
  },
];

/** The scenario the playground and the embed view show when the URL carries none. */
export const DEFAULT_EXAMPLE: Example = EXAMPLES[0]!;
