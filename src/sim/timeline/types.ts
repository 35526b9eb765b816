/**
 * The simulation's output for the views: per pod and container, spans (what was going on over a
 * time range), marks (instants such as SIGTERM), probe attempts, the Kubernetes events, and status
 * snapshots. Plain data: it crosses the worker boundary as is and is what golden tests compare.
 */

/** What a container-lane span shows. */
export type SpanKind =
  | "pulling"
  | "waiting"
  | "created"
  | "running"
  | "postStart"
  | "preStop"
  | "grace"
  | "backoff"
  | "terminated";

/** A bar on a lane. `endMs` is the end of the simulated range for spans still open. */
export interface Span {
  kind: SpanKind;
  startMs: number;
  endMs: number;
  /** Short label for the bar, e.g. `Running (ready)`, `CrashLoopBackOff`, `exit 137`. */
  label: string;
  /** For running spans: whether the container was ready. */
  ready?: boolean;
  /** For waiting/terminated spans: the Kubernetes reason (`PodInitializing`, `Completed`, …). */
  reason?: string;
  exitCode?: number;
  /** One sentence tied to the rule that made it happen. */
  why?: string;
}

/** An instant on a lane. */
export type MarkKind = "SIGTERM" | "SIGKILL" | "signal" | "exit" | "start" | "pulled" | "killing" | "restart";

export interface Mark {
  kind: MarkKind;
  atMs: number;
  label: string;
  why?: string;
}

/** One probe execution. */
export interface ProbeAttempt {
  atMs: number;
  durationMs: number;
  result: "success" | "failure" | "timeout" | "warning" | "error";
  output: string;
  /** What the attempt counts for: the run against its threshold, and what follows. */
  why?: string;
}

export type ProbeType = "startup" | "liveness" | "readiness";

export interface ProbeTrack {
  type: ProbeType;
  attempts: ProbeAttempt[];
}

export type ContainerKind = "init" | "sidecar" | "regular";

export interface ContainerTrack {
  name: string;
  kind: ContainerKind;
  image: string;
  spans: Span[];
  marks: Mark[];
  probes: ProbeTrack[];
}

/** A pod-level lane: phase, a condition, or endpoint membership. */
export interface PodLane {
  name: string;
  spans: { startMs: number; endMs: number; value: string; why?: string }[];
}

/** One container's status in a snapshot, as `kubectl describe` would summarise it. */
export interface ContainerStatusSnapshot {
  name: string;
  kind: ContainerKind;
  /** `waiting`, `running` or `terminated`. */
  state: "waiting" | "running" | "terminated";
  /** Reason of a waiting or terminated state (`CrashLoopBackOff`, `Completed`, …). */
  reason?: string;
  message?: string;
  exitCode?: number;
  ready: boolean;
  started?: boolean;
  restartCount: number;
}

/** The pod's status after a change, as `kubectl get pods -w` would print a new line for it. */
export interface StatusSnapshot {
  atMs: number;
  phase: string;
  /** The STATUS column of `kubectl get pods` (`Init:0/1`, `CrashLoopBackOff`, `Terminating`, …). */
  status: string;
  /** The READY column (`1/2`). */
  ready: string;
  /** Total restarts, as the RESTARTS column counts them. */
  restarts: number;
  deleting: boolean;
  conditions: { type: string; status: string; reason?: string; message?: string }[];
  containers: ContainerStatusSnapshot[];
}

export interface PodTrack {
  uid: string;
  name: string;
  namespace: string;
  nodeName?: string;
  createdMs: number;
  /** When the API object was removed, if it was. */
  deletedMs?: number;
  containers: ContainerTrack[];
  lanes: PodLane[];
  /** Status after every change, oldest first (the first one is the pod as created). */
  statuses: StatusSnapshot[];
}

/** One occurrence of a Kubernetes event (the views aggregate as `kubectl describe` does). */
export interface TimelineEvent {
  atMs: number;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  object: { kind: string; name: string; namespace: string; fieldPath?: string };
  source: string;
}

/** The whole simulated run. */
export interface Timeline {
  /** Format version of this structure. */
  version: 1;
  /** Virtual time 0 as Unix epoch ms. */
  startTimeMs: number;
  /** End of the simulated range (virtual ms). */
  endMs: number;
  pods: PodTrack[];
  events: TimelineEvent[];
}
