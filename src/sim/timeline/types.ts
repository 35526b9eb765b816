/**
 * The simulation's output for the views: per pod and container, spans (what was going on over a
 * time range), marks (instants such as SIGTERM), probe attempts, the Kubernetes events, and status
 * snapshots. Plain data: it crosses the worker boundary as is and is what golden tests compare.
 */

import type { WhyCode } from "./reasons.ts";

export type { WhyArgsOf, WhyCode } from "./reasons.ts";

/** The values a why sentence names (names, counts, durations as kubectl prints them). */
export type WhyArgs = Readonly<Record<string, string | number>>;

/**
 * A why sentence: the English text, the stable code of the rule it states (`reasons.ts`), and the
 * values it names, so a view can render the same sentence in another language.
 */
export interface Why {
  why: string;
  whyCode: WhyCode;
  whyArgs?: WhyArgs;
}

/** The code and values of an item's `why`, when the simulator made it from a rule in `reasons.ts`. */
export interface WhyCoded {
  whyCode?: WhyCode;
  whyArgs?: WhyArgs;
}

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
export interface Span extends WhyCoded {
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

export interface Mark extends WhyCoded {
  kind: MarkKind;
  atMs: number;
  label: string;
  why?: string;
}

/** One probe execution. */
export interface ProbeAttempt extends WhyCoded {
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
  spans: PodLaneSpan[];
}

/** A value of a pod lane over a time range. */
export interface PodLaneSpan extends WhyCoded {
  startMs: number;
  endMs: number;
  value: string;
  why?: string;
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
  /** Deployments and their ReplicaSets' replica counts over time (when the scenario has any). */
  deployments?: DeploymentTrack[];
  /** Traffic sent to Services (when the Scenario document sends any). */
  services?: ServiceTrack[];
}

/** Replica counts after a change: desired (`spec.replicas`), current, ready and available pods. */
export interface ReplicaCounts {
  atMs: number;
  desired: number;
  current: number;
  ready: number;
  available: number;
}

/** A ReplicaSet of a Deployment over time. */
export interface ReplicaSetTrack {
  name: string;
  revision?: string;
  image?: string;
  createdMs: number;
  deletedMs?: number;
  counts: ReplicaCounts[];
}

/** A Deployment, its ReplicaSets and the controller's steps (ScalingReplicaSet events). */
export interface DeploymentTrack {
  name: string;
  namespace: string;
  counts: ReplicaCounts[];
  replicaSets: ReplicaSetTrack[];
  steps: { atMs: number; message: string }[];
  /** The strategy, with `maxSurge` and `maxUnavailable` resolved to pod counts. */
  strategy?: { type: "RollingUpdate" | "Recreate"; maxSurge: number; maxUnavailable: number };
  /** Each change of the Deployment's conditions (Progressing, Available), oldest first. */
  conditions?: { atMs: number; type: string; status: string; reason: string; message: string }[];
}

/** How a request ended. */
export type RequestOutcome = "ok" | "refused" | "reset" | "no endpoints" | "error";

/** A request that failed, with the pod it reached and why. */
export interface FailedRequestMark extends WhyCoded {
  atMs: number;
  endMs: number;
  outcome: Exclude<RequestOutcome, "ok">;
  pod?: string;
  endpoint?: string;
  detail: string;
  why: string;
}

/** Traffic sent to one Service. */
export interface ServiceTrack {
  name: string;
  namespace: string;
  sent: number;
  succeeded: number;
  failed: number;
  byOutcome: Record<Exclude<RequestOutcome, "ok">, number>;
  /** Requests by the second they were sent in (index = second since the start). */
  okPerSecond: number[];
  failedPerSecond: number[];
  /** Failed requests (the first ones, when there are very many; see `droppedFailures`). */
  failures: FailedRequestMark[];
  droppedFailures: number;
}
