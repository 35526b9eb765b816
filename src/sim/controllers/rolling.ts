/**
 * The RollingUpdate strategy (pkg/controller/deployment/rolling.go). Each sync does one step:
 * scale the new ReplicaSet up as far as `maxSurge` allows, or else scale old ReplicaSets down as
 * far as `maxUnavailable` allows (unhealthy old replicas first), then writes the status. With 4
 * replicas at 25%/25% that is: new 0→1, old 4→3, new 1→2, then one old down and one new up for
 * each new pod that becomes available.
 */
import type { ApiObject } from "../kubectl/api.ts";
import type { DeploymentController } from "./deployment-controller.ts";
import {
  activeReplicaSets,
  availableReplicaCount,
  byCreationTimestamp,
  deploymentComplete,
  deploymentReplicas,
  dStatus,
  maxUnavailable,
  newRSNewReplicas,
  replicaCount,
} from "./deployment-util.ts";
import { listedCopy, rsStatus, specReplicas } from "./replicaset.ts";

/** `rolloutRolling`: one step of a rolling update; false when the sync must be retried. */
export function rolloutRolling(ctl: DeploymentController, d: ApiObject, rsList: ApiObject[]): boolean {
  const { newRS, oldRSs } = ctl.getAllReplicaSetsAndSyncRevision(d, rsList, true);
  if (!newRS) return false;
  // Why (rolloutRolling): the status is computed from the ReplicaSets as listed at the start.
  const listed = [...oldRSs, newRS].map(listedCopy);
  const listedNew = listed[listed.length - 1];
  if (reconcileNewReplicaSet(ctl, [...oldRSs, newRS], newRS, d)) {
    ctl.syncRolloutStatus(listed, listedNew, d);
    return true;
  }
  if (reconcileOldReplicaSets(ctl, [...oldRSs, newRS], activeReplicaSets(oldRSs), newRS, d)) {
    ctl.syncRolloutStatus(listed, listedNew, d);
    return true;
  }
  if (deploymentComplete(d, dStatus(d))) ctl.cleanupDeployment(oldRSs, d);
  ctl.syncRolloutStatus(listed, listedNew, d);
  return true;
}

/** `reconcileNewReplicaSet`: scale the new ReplicaSet toward the Deployment's replicas. */
function reconcileNewReplicaSet(
  ctl: DeploymentController,
  allRSs: ApiObject[],
  newRS: ApiObject,
  d: ApiObject,
): boolean {
  const replicas = deploymentReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return ctl.scaleReplicaSetAndRecordEvent(newRS, replicas, d);
  return ctl.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d);
}

/**
 * `reconcileOldReplicaSets`: how far old ReplicaSets may shrink is
 * `all − (replicas − maxUnavailable) − (new RS's unavailable pods)`.
 */
function reconcileOldReplicaSets(
  ctl: DeploymentController,
  allRSs: ApiObject[],
  oldRSs: ApiObject[],
  newRS: ApiObject,
  d: ApiObject,
): boolean {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (rsStatus(newRS).availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctl, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctl, [...oldRSs, newRS], oldRSs, d);
  return cleaned + scaledDown > 0;
}

/** `cleanupUnhealthyReplicas`: old replicas that are not available go first (oldest RS first). */
function cleanupUnhealthyReplicas(
  ctl: DeploymentController,
  oldRSs: ApiObject[],
  d: ApiObject,
  maxCleanup: number,
): number {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= maxCleanup) break;
    const replicas = specReplicas(rs);
    const available = rsStatus(rs).availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    ctl.scaleReplicaSetAndRecordEvent(rs, replicas - count, d);
    total += count;
  }
  return total;
}

/** `scaleDownOldReplicaSetsForRollingUpdate`: shrink old ReplicaSets down to the availability floor. */
function scaleDownOldReplicaSetsForRollingUpdate(
  ctl: DeploymentController,
  allRSs: ApiObject[],
  oldRSs: ApiObject[],
  d: ApiObject,
): number {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const target = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= target) break;
    const replicas = specReplicas(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, target - total);
    ctl.scaleReplicaSetAndRecordEvent(rs, replicas - count, d);
    total += count;
  }
  return total;
}
