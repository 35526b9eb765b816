/**
 * What a pod worker needs from its kubelet: the node's runtime and image manager, the clock and
 * random source, the event recorder, and the status manager's hooks into the API server.
 */
import type { VirtualClock } from "../clock.ts";
import type { SeededRandom } from "../random.ts";
import type { ContainerRuntime, RuntimeImage } from "../runtime/cri.ts";
import type { Filesystem } from "../runtime/vfs.ts";
import type { Backoff } from "./backoff.ts";
import type { ImageManager } from "./image-manager.ts";
import type { PodState } from "./pod-state.ts";
import type { ProberHost } from "./prober.ts";

export interface KubeletHost extends ProberHost {
  clock: VirtualClock;
  random: SeededRandom;
  runtime: ContainerRuntime;
  images: ImageManager<RuntimeImage>;
  /** CrashLoopBackOff per container (10 s doubling to 300 s). */
  crashBackoff: Backoff;
  nodeName: string;
  epochMs: number;
  /** The node's own filesystem (hostPath volumes, `kubectl node-shell`). */
  hostFs: Filesystem;
  /** Records an event on the pod, or on one of its containers. */
  recordEvent(
    ps: PodState,
    container: string | undefined,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ): void;
  /**
   * The pod's status was generated (each sync, or a probe result changed): the prober manager's
   * readiness check runs, and the status manager writes the status to the API server when
   * `changed` (it differs from what the API server has).
   */
  statusChanged(ps: PodState, changed: boolean): void;
  /** The pod is terminated and its deletion was requested: remove the API object. */
  podTerminated(ps: PodState): void;
}
