/**
 * A pod's status at one virtual time, read off the timeline: phase and conditions from the pod
 * lanes, each container's state (what `kubectl describe pod` prints as State, Ready and Restart
 * Count).
 */
import type { ContainerTrack, PodTrack, Span } from "../sim/index.ts";

/** One container's state at the time asked for. */
export interface ContainerStatusAt {
  name: string;
  kind: ContainerTrack["kind"];
  /** `Waiting`, `Running` or `Terminated`, as `kubectl describe` words it. */
  state: "Waiting" | "Running" | "Terminated";
  /** Reason (`ContainerCreating`, `CrashLoopBackOff`, `Completed`, …) or detail. */
  detail: string;
  ready: boolean;
  restarts: number;
}

/** The pod's status at the time asked for. */
export interface PodStatusAt {
  name: string;
  phase: string;
  conditions: { type: string; status: string }[];
  containers: ContainerStatusAt[];
  deleted: boolean;
  /** Deletion requested, containers still stopping. */
  terminating: boolean;
}

/** The value of a pod lane at `ms`, if any. */
function laneValue(pod: PodTrack, name: string, ms: number): string | undefined {
  const lane = pod.lanes.find((l) => l.name === name);
  return lane?.spans.find((s) => s.startMs <= ms && ms < s.endMs)?.value ?? lane?.spans.at(-1)?.value;
}

/** The state span of a container at `ms` (overlays such as the grace countdown do not count). */
function stateSpanAt(c: ContainerTrack, ms: number): Span | undefined {
  const overlay = new Set(["postStart", "preStop", "grace"]);
  let found: Span | undefined;
  for (const s of c.spans)
    if (!overlay.has(s.kind) && s.startMs <= ms && (ms < s.endMs || s.endMs === s.startMs)) found = s;
  return found;
}

function containerAt(c: ContainerTrack, ms: number): ContainerStatusAt {
  const span = stateSpanAt(c, ms);
  const starts = c.marks.filter((m) => m.kind === "start" && m.atMs <= ms).length;
  const base = { name: c.name, kind: c.kind, restarts: Math.max(0, starts - 1) };
  if (!span) return { ...base, state: "Waiting", detail: "ContainerCreating", ready: false };
  switch (span.kind) {
    case "running":
      return { ...base, state: "Running", detail: span.label, ready: span.ready === true };
    case "terminated":
      return {
        ...base,
        state: "Terminated",
        detail: `${span.reason ?? "Error"} (exit code ${span.exitCode ?? "?"})`,
        ready: false,
      };
    case "backoff":
      return { ...base, state: "Waiting", detail: "CrashLoopBackOff", ready: false };
    case "waiting":
      return { ...base, state: "Waiting", detail: span.reason ?? span.label, ready: false };
    default:
      // pulling, created: the kubelet reports these as Waiting, ContainerCreating (or PodInitializing).
      return { ...base, state: "Waiting", detail: span.reason ?? "ContainerCreating", ready: false };
  }
}

/** The status of `pod` at virtual time `ms`. */
export function podStatusAt(pod: PodTrack, ms: number): PodStatusAt {
  const phase = laneValue(pod, "phase", ms) ?? "Pending";
  return {
    name: pod.name,
    // The timeline shows a pod being deleted as phase "Terminating"; the API phase stays as it was.
    phase: phase === "Terminating" ? "Running" : phase,
    terminating: phase === "Terminating",
    conditions: pod.lanes
      .filter((l) => l.name !== "phase")
      .map((l) => ({ type: l.name, status: laneValue(pod, l.name, ms) ?? "False" })),
    containers: pod.containers.map((c) => containerAt(c, ms)),
    deleted: pod.deletedMs !== undefined && pod.deletedMs <= ms,
  };
}
