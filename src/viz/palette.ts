/**
 * Colours of the swimlanes. Mid-tone fills that read on light and dark backgrounds alike; text
 * on a bar picks black or white by the fill's luminance.
 */
import type { MarkKind, ProbeAttempt, SpanKind } from "../sim/timeline/types.ts";

/** Fill of a container span by kind (running is split by readiness). */
export const SPAN_FILL: Record<SpanKind | "runningNotReady", string> = {
  pulling: "#8b7cf6",
  waiting: "#e0a82e",
  created: "#94a3b8",
  running: "#2f9e5b",
  runningNotReady: "#9fd4ae",
  postStart: "#2b9bd6",
  preStop: "#6d72e8",
  grace: "#f08a3c",
  backoff: "#e05656",
  terminated: "#7b8794",
};

/** Colour of an instant mark by kind. */
export const MARK_COLOR: Record<MarkKind, string> = {
  SIGTERM: "#f08a3c",
  SIGKILL: "#d63c3c",
  signal: "#e0a82e",
  exit: "#7b8794",
  start: "#2f9e5b",
  pulled: "#8b7cf6",
  killing: "#d63c3c",
  restart: "#2b9bd6",
};

/** Colour of a probe attempt by result. */
export const PROBE_COLOR: Record<ProbeAttempt["result"], string> = {
  success: "#2f9e5b",
  failure: "#e05656",
  timeout: "#f08a3c",
  warning: "#e0a82e",
  error: "#a05ad6",
};

/** Fills for pod-level lane values (phase, conditions, endpoint membership). */
const POD_VALUE_FILL: Record<string, string> = {
  Pending: "#e0a82e",
  Running: "#2f9e5b",
  Succeeded: "#2b9bd6",
  Failed: "#e05656",
  Unknown: "#7b8794",
  True: "#2f9e5b",
  False: "#c5ccd6",
  ready: "#2f9e5b",
  serving: "#9fd4ae",
  terminating: "#f08a3c",
  absent: "#c5ccd6",
  // Endpoint membership (`endpoints/<service>`, `kube-proxy/<service>` lanes): pale when the pod
  // gets no new requests, dark orange when it is terminating and no longer serving.
  "not ready": "#c5ccd6",
  "serving, terminating": "#e9c46a",
};

/** Fills of a Deployment's replica bars, rollout steps and a Service's traffic. */
export const WORKLOAD_COLOR = {
  ready: "#2f9e5b",
  notReady: "#9fd4ae",
  desired: "#6b7280",
  stepUp: "#2b9bd6",
  stepDown: "#f08a3c",
  deadline: "#b42318",
  ok: "#2f9e5b",
  failed: "#d63c3c",
};

/** Legend of the pod-lane values that need one: endpoint membership as kube-proxy sees it. */
export const ENDPOINT_LEGEND: readonly { value: string; label: string }[] = [
  { value: "ready", label: "ready: gets requests" },
  { value: "not ready", label: "not ready: no requests" },
  { value: "serving, terminating", label: "serving, terminating" },
  { value: "terminating", label: "terminating, not serving" },
];

/** Fill for a pod-lane value; unknown values get a neutral grey. */
export function podValueFill(value: string): string {
  return POD_VALUE_FILL[value] ?? "#a3adb9";
}

/** Black or white, whichever reads better on `fill` (a `#rrggbb` colour). */
export function textOn(fill: string): string {
  const n = Number.parseInt(fill.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance > 0.55 ? "#111827" : "#ffffff";
}
