/**
 * The Recreate strategy (pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0,
 * wait until none of their pods is left running (terminating pods count), and only then create
 * or scale up the new ReplicaSet.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { deepCopy } from "./deep-copy.ts";
import type { DeploymentController } from "./deployment-controller.ts";
import {
  activeReplicaSets,
  actualReplicaCount,
  deploymentComplete,
  deploymentReplicas,
  dStatus,
} from "./deployment-util.ts";
import { podStatus } from "./pods.ts";

/** `rolloutRecreate`: one step of a Recreate rollout; false when the sync must be retried. */
export function rolloutRecreate(
  ctl: DeploymentController,
  d: ApiObject,
  rsList: ApiObject[],
  podMap: Map<string, ApiObject[]>,
): boolean {
  // Why: the new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
  let { newRS, oldRSs } = ctl.getAllReplicaSetsAndSyncRevision(d, rsList, false);
  const listed = [...oldRSs, newRS].map((rs) => (rs ? deepCopy(rs) : undefined));
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    if (ctl.scaleReplicaSetAndRecordEvent(rs, 0, d)) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
    ctl.syncRolloutStatus(listed, listed[listed.length - 1], d);
    return true;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = ctl.getAllReplicaSetsAndSyncRevision(d, rsList, true));
    if (!newRS) return false;
  }
  ctl.scaleReplicaSetAndRecordEvent(newRS, deploymentReplicas(d), d);
  if (deploymentComplete(d, dStatus(d))) ctl.cleanupDeployment(oldRSs, d);
  ctl.syncRolloutStatus([...oldRSs, newRS], newRS, d);
  return true;
}

/** `oldPodsRunning`: an old ReplicaSet still counts pods, or one of its pods is not terminal. */
function oldPodsRunning(
  newRS: ApiObject | undefined,
  oldRSs: ApiObject[],
  podMap: Map<string, ApiObject[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = podStatus(pod).phase;
      if (phase !== "Failed" && phase !== "Succeeded") return true;
    }
  }
  return false;
}
