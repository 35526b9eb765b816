/**
 * The kubelet's working state for one pod: the API object, its sandbox, the runtime's container
 * instances per name, the reason cache (why a container is waiting), probe results, and the
 * container lifecycle machines that record the timeline.
 */
import type { ApiObject } from "../kubectl/api.ts";
import type { RuntimeContainer, Sandbox } from "../runtime/cri.ts";
import type { ContainerLifecycle } from "./container-machine.ts";
import type { ContainerSpec, PodSpec } from "./spec.ts";

/** A probe result as the results manager keeps it. */
export type ProbeResult = "success" | "failure" | "unknown";

/** The last error that stopped a container from starting (kubelet `ReasonCache`). */
export interface WaitingReason {
  reason: string;
  message: string;
}

export interface PodState {
  pod: ApiObject;
  uid: string;
  name: string;
  namespace: string;
  spec: PodSpec;
  /** Virtual time 0 as Unix epoch ms (API timestamps are real dates). */
  epochMs: number;
  /** When the kubelet admitted the pod (virtual ms): probe tickers are anchored here. */
  admittedMs: number;
  sandbox?: Sandbox;
  /** How many sandboxes the pod has had (the CRI's sandbox attempt). */
  sandboxAttempts?: number;
  /**
   * When the sandbox was re-created (it died under the pod): per container, how many instances
   * belong to earlier sandboxes. Init containers count as done only in the current one.
   */
  sandboxBase?: Map<string, number>;
  /** Container instances by name, oldest first. */
  instances: Map<string, RuntimeContainer[]>;
  reasons: Map<string, WaitingReason>;
  /**
   * Probe results keyed by container ID (`containerd://…`), as the kubelet's results managers keep
   * them: a new container instance has no result until its own probe worker sets one.
   */
  liveness: Map<string, ProbeResult>;
  readiness: Map<string, ProbeResult>;
  startup: Map<string, ProbeResult>;
  lifecycles: Map<string, ContainerLifecycle>;
  /** The spec image each container's latest instance was created from (a change restarts it). */
  createdFrom: Map<string, string>;
  /** Containers killed because their definition changed: restarted whatever the restart policy. */
  forceRestart: Set<string>;
  /** Container currently running its postStart hook (not reported Running until it returns). */
  inPostStart: Set<string>;
  /** The pod worker is terminating or has terminated the pod. */
  terminating: boolean;
  terminated: boolean;
  /** Reason/message the pod failed with (`DeadlineExceeded`). */
  statusReason?: { reason: string; message: string };
  /** Set when the pod reached a terminal phase (kubelet will not restart anything). */
  finished: boolean;
}

/** All containers of the pod spec with their kind. */
export function allContainers(spec: PodSpec): { spec: ContainerSpec; init: boolean; index: number }[] {
  return [
    ...(spec.initContainers ?? []).map((c, index) => ({ spec: c, init: true, index })),
    ...spec.containers.map((c, index) => ({ spec: c, init: false, index })),
  ];
}

/** The newest instance of a container, if any. */
export function latest(ps: PodState, name: string): RuntimeContainer | undefined {
  const list = ps.instances.get(name);
  return list?.[list.length - 1];
}

/** The latest instance of a container in the pod's current sandbox, if it has one there. */
export function latestInSandbox(ps: PodState, name: string): RuntimeContainer | undefined {
  const list = ps.instances.get(name) ?? [];
  const base = ps.sandboxBase?.get(name) ?? 0;
  return list.length > base ? list[list.length - 1] : undefined;
}

/** The Kubernetes field path of a container (`spec.containers{nginx}`). */
export function fieldPath(ps: PodState, name: string): string {
  const init = (ps.spec.initContainers ?? []).some((c) => c.name === name);
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}
