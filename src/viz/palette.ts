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
  preStop: "#6569d6",
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
  error: "#9755c9",
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

/** Text colours a bar's label may take. */
const DARK_TEXT = "#111827";
const LIGHT_TEXT = "#ffffff";

/** WCAG relative luminance of a `#rrggbb` colour. */
function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Near-black or white, whichever has the higher WCAG contrast on `fill` (a `#rrggbb` colour). */
export function textOn(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
