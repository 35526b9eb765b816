/**
 * A `kubectl get pods -w` view of the timeline: one line each time a pod's READY, STATUS or
 * RESTARTS column changes. STATUS follows kubectl's pod printer (`printPod` in
 * kubernetes/pkg/printers/internalversion/printers.go): `Init:1/2`, `Init:Error`,
 * `PodInitializing`, a waiting or terminated reason of the last container that has one,
 * `Running`, `Terminating`.
 */
import type { PodTrack, Timeline } from "../sim/index.ts";
import { humanDuration } from "./describe-events.ts";
import { type PodStatusAt, podStatusAt } from "./pod-status.ts";

/** One line of `kubectl get pods -w`. */
export interface WatchRow {
  atMs: number;
  name: string;
  ready: string;
  status: string;
  restarts: number;
  age: string;
}

/** The STATUS column for a pod status. */
export function printedStatus(s: PodStatusAt): string {
  const init = s.containers.filter((c) => c.kind !== "regular");
  const regular = s.containers.filter((c) => c.kind === "regular");
  let status = s.phase;
  let initializing = false;
  for (const [i, c] of init.entries()) {
    if (c.state === "Terminated" && c.detail.startsWith("Completed")) continue;
    // A started sidecar counts as done for the init sequence.
    if (c.kind === "sidecar" && c.state === "Running") continue;
    initializing = true;
    if (c.state === "Terminated") status = `Init:${c.detail.split(" ")[0] ?? "Error"}`;
    else if (c.state === "Waiting" && c.detail !== "PodInitializing" && c.detail !== "ContainerCreating")
      status = `Init:${c.detail}`;
    else status = `Init:${i}/${init.length}`;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    for (const c of [...regular].reverse()) {
      if (c.state === "Waiting") status = c.detail;
      else if (c.state === "Terminated") status = c.detail.split(" ")[0] ?? "Error";
      else if (c.state === "Running") hasRunning = true;
    }
    if (status === "Completed" && hasRunning) status = "Running";
    if (hasRunning && regular.every((c) => c.state === "Running")) status = "Running";
  }
  if (s.terminating) status = "Terminating";
  return status;
}

/** The READY column: ready containers (regular and sidecars) over their number. */
function readyColumn(s: PodStatusAt): string {
  const counted = s.containers.filter((c) => c.kind !== "init");
  return `${counted.filter((c) => c.ready).length}/${counted.length}`;
}

/** Times at which something about `pod` may have changed. */
function changeTimes(pod: PodTrack, untilMs: number): number[] {
  const t = new Set<number>([pod.createdMs]);
  for (const c of pod.containers) {
    for (const s of c.spans) t.add(s.startMs);
    for (const m of c.marks) t.add(m.atMs);
  }
  for (const l of pod.lanes) for (const s of l.spans) t.add(s.startMs);
  return [...t].filter((x) => x <= untilMs).sort((a, b) => a - b);
}

/** The lines `kubectl get pods -w` would have printed by `untilMs`, in time order. */
export function watchPods(timeline: Timeline, untilMs: number): WatchRow[] {
  const rows: WatchRow[] = [];
  for (const pod of timeline.pods) {
    let last = "";
    for (const at of changeTimes(pod, untilMs)) {
      if (pod.deletedMs !== undefined && at > pod.deletedMs) break;
      const s = podStatusAt(pod, at);
      const row = {
        atMs: at,
        name: pod.name,
        ready: readyColumn(s),
        status: printedStatus(s),
        restarts: s.containers.reduce((n, c) => n + c.restarts, 0),
        age: humanDuration(at - pod.createdMs),
      };
      const key = `${row.ready}|${row.status}|${row.restarts}`;
      if (key !== last) rows.push(row);
      last = key;
    }
  }
  return rows.sort((a, b) => a.atMs - b.atMs);
}
