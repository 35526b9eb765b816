/**
 * A Deployment's status and its Progressing/Available conditions (pkg/controller/deployment/
 * progress.go and sync.go `calculateStatus`): counts summed over its ReplicaSets, availability
 * against `replicas − maxUnavailable`, and the progress deadline.
 */
import type { ApiObject } from "../kubectl/api.ts";
import {
  actualReplicaCount,
  availableReplicaCount,
  type DeploymentStatusView,
  deploymentComplete,
  deploymentProgressing,
  deploymentReplicas,
  deploymentTimedOut,
  dSpec,
  dStatus,
  getCondition,
  hasProgressDeadline,
  maxUnavailable,
  newCondition,
  Reasons,
  readyReplicaCount,
  removeCondition,
  replicaCount,
  setCondition,
} from "./deployment-util.ts";
import { parseTimestamp } from "./meta.ts";
import { generationOf } from "./replicaset.ts";

/** Message of the Available condition when enough replicas are available. */
export const MINIMUM_AVAILABILITY = "Deployment has minimum availability.";
/** Message of the Available condition when too few replicas are available. */
export const NO_MINIMUM_AVAILABILITY = "Deployment does not have minimum availability.";

/** `calculateStatus`: the status the ReplicaSets add up to, with the Available condition. */
export function calculateStatus(
  allRSs: (ApiObject | undefined)[],
  newRS: ApiObject | undefined,
  d: ApiObject,
  now: string,
): DeploymentStatusView {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, replicaCount(allRSs) - available);
  const old = dStatus(d);
  const status: DeploymentStatusView = {};
  const set = (key: keyof DeploymentStatusView, value: number | undefined) => {
    if (value) (status as Record<string, unknown>)[key] = value;
  };
  set("observedGeneration", generationOf(d));
  set("replicas", actualReplicaCount(allRSs));
  set("updatedReplicas", actualReplicaCount([newRS]));
  set("readyReplicas", readyReplicaCount(allRSs));
  set("availableReplicas", available);
  set("unavailableReplicas", unavailable);
  set("collisionCount", old.collisionCount);
  if (old.conditions?.length) status.conditions = old.conditions.map((c) => ({ ...c }));
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setCondition(
      status,
      newCondition("Available", "True", Reasons.minimumReplicasAvailable, MINIMUM_AVAILABILITY, now),
    );
  } else {
    setCondition(
      status,
      newCondition("Available", "False", Reasons.minimumReplicasUnavailable, NO_MINIMUM_AVAILABILITY, now),
    );
  }
  return status;
}

/**
 * `syncRolloutStatus`'s condition logic: the status to write, with Progressing set to
 * NewReplicaSetAvailable (complete), ReplicaSetUpdated (progress seen, update time refreshed) or
 * ProgressDeadlineExceeded (no progress for `progressDeadlineSeconds`).
 */
export function rolloutStatus(
  allRSs: (ApiObject | undefined)[],
  newRS: ApiObject | undefined,
  d: ApiObject,
  nowMs: number,
  startMs: number,
  now: string,
): DeploymentStatusView {
  const next = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(next, "Progressing");
  const current = getCondition(dStatus(d), "Progressing");
  const complete =
    (next.replicas ?? 0) === (next.updatedReplicas ?? 0) &&
    current?.reason === Reasons.newReplicaSetAvailable;
  const name = newRS?.metadata.name ?? "";
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, next)) {
      setCondition(
        next,
        newCondition(
          "Progressing",
          "True",
          Reasons.newReplicaSetAvailable,
          `ReplicaSet "${name}" has successfully progressed.`,
          now,
        ),
      );
    } else if (deploymentProgressing(d, next)) {
      const condition = newCondition(
        "Progressing",
        "True",
        Reasons.replicaSetUpdated,
        `ReplicaSet "${name}" is progressing.`,
        now,
      );
      // Why (syncRolloutStatus): progress refreshes lastUpdateTime even when the reason is unchanged.
      if (current) {
        if (current.status === "True") condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(next, "Progressing");
      }
      setCondition(next, condition);
    } else if (deploymentTimedOut(d, next, nowMs, startMs)) {
      setCondition(
        next,
        newCondition(
          "Progressing",
          "False",
          Reasons.timedOut,
          `ReplicaSet "${name}" has timed out progressing.`,
          now,
        ),
      );
    }
  }
  return next;
}

/**
 * `requeueStuckDeployment`: when nothing changed and the rollout is neither complete nor timed out,
 * how long until the deadline check is due (the controller adds a second), or undefined.
 */
export function stuckRequeueMs(
  d: ApiObject,
  next: DeploymentStatusView,
  nowMs: number,
  startMs: number,
): number | undefined {
  const current = getCondition(dStatus(d), "Progressing");
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, next) || current.reason === Reasons.timedOut) return undefined;
  const lastUpdate = parseTimestamp(current.lastUpdateTime) - startMs;
  return lastUpdate + (dSpec(d).progressDeadlineSeconds ?? 0) * 1000 - nowMs;
}
