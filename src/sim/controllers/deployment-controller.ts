/**
 * The Deployment controller (pkg/controller/deployment: deployment_controller.go, sync.go):
 * owns one ReplicaSet per pod template (named `<deployment>-<pod-template-hash>`), scales them by
 * the strategy (`rolling.ts`, `recreate.ts`), keeps revisions for rollbacks, trims old
 * ReplicaSets beyond `revisionHistoryLimit`, and writes the Deployment's status and conditions
 * (`progress.ts`). Each sync works on copies, as upstream works on its informer cache, and
 * writes through the API.
 */
import { sortKeysDeep } from "../api/defaults/util.ts";
import { apiTime } from "../cluster/time.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { deepCopy } from "./deep-copy.ts";
import {
  activeReplicaSets,
  byCreationTimestamp,
  byRevision,
  bySize,
  DESIRED_REPLICAS_ANNOTATION,
  deploymentReplicas,
  dSpec,
  dStatus,
  equalIgnoreHash,
  findNewReplicaSet,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  newCondition,
  newRSNewReplicas,
  REVISION_ANNOTATION,
  Reasons,
  replicaCount,
  replicaSetProportion,
  replicasAnnotationsNeedUpdate,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from "./deployment-util.ts";
import type { ControllerHost } from "./host.ts";
import { jsonEqual } from "./json-equal.ts";
import { INFORMER_LATENCY_MS, latencyMs, RATE_LIMITED_REQUEUE_MS } from "./latency.ts";
import { controllerOf, involved, newControllerRef, selects } from "./meta.ts";
import { computeHash, POD_TEMPLATE_HASH_LABEL } from "./pod-template-hash.ts";
import { calculateStatus, rolloutStatus, stuckRequeueMs } from "./progress.ts";
import { rolloutRecreate } from "./recreate.ts";
import { generationOf, listedCopy, rsSpec, rsStatus, specReplicas } from "./replicaset.ts";
import { rolloutRolling } from "./rolling.ts";
import type { WatchEvent } from "./watch.ts";
import { objectKey, splitKey, WorkQueue } from "./workqueue.ts";

/** The event source of everything this controller records. */
export const DEPLOYMENT_CONTROLLER = "deployment-controller";

/** A Deployment's ReplicaSets split into the new one (if any) and the others. */
export interface ReplicaSetsOfDeployment {
  newRS: ApiObject | undefined;
  oldRSs: ApiObject[];
}

/** The Deployment controller: informer handlers, a work queue, and `syncDeployment`. */
export class DeploymentController {
  private readonly queue: WorkQueue;
  private readonly delays: SeededRandom;
  /**
   * `findNewReplicaSet` of the sync running now, for its ReplicaSet list. Why it can be reused
   * within the sync: it reads only the Deployment's pod template and the listed ReplicaSets'
   * templates and creation times, which no step of a sync writes (`d` is the sync's own copy, the
   * list its own array, and ReplicaSet updates replace a stored spec rather than edit the listed
   * one); each sync starts without it. Null outside a sync (nothing is remembered then).
   */
  private found: { d: ApiObject; rsList: ApiObject[]; newRS: ApiObject | undefined } | undefined | null =
    null;

  constructor(
    readonly host: ControllerHost,
    random: SeededRandom,
  ) {
    this.delays = random.fork("latency");
    this.queue = new WorkQueue(host.clock, (key) => this.syncKey(key));
  }

  private enqueue(d: ApiObject, delayMs = latencyMs(this.delays, INFORMER_LATENCY_MS)): void {
    this.queue.add(objectKey(d.metadata.namespace, d.metadata.name), delayMs);
  }

  /** Informer handlers: Deployments, their ReplicaSets, and pod deletions (for Recreate). */
  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === "Deployment") {
      if (event.type !== "DELETED") this.enqueue(obj);
      return;
    }
    if (obj.kind === "ReplicaSet") {
      const owner = this.ownerDeployment(obj);
      if (owner) this.enqueue(owner);
      else if (event.type === "ADDED") {
        // An orphan: the Deployments that select it may adopt it.
        for (const d of this.host.store.list("Deployment", obj.metadata.namespace)) {
          if (selects(dSpec(d).selector, obj.metadata.labels)) this.enqueue(d);
        }
      }
      return;
    }
    if (obj.kind === "Pod" && event.type === "DELETED") {
      // Why (deletePod): a Recreate rollout waits for the old pods to be gone.
      const ref = controllerOf(obj);
      if (ref?.kind !== "ReplicaSet") return;
      const rs = this.host.store.get("ReplicaSet", obj.metadata.namespace, ref.name);
      const d = rs && rs.metadata.uid === ref.uid ? this.ownerDeployment(rs) : undefined;
      if (d && !isRollingUpdate(d)) this.enqueue(d);
    }
  }

  private ownerDeployment(rs: ApiObject): ApiObject | undefined {
    const ref = controllerOf(rs);
    if (ref?.kind !== "Deployment") return undefined;
    const d = this.host.store.get("Deployment", rs.metadata.namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** Virtual time now. */
  nowMs(): number {
    return this.host.clock.now();
  }

  /** Now as a `metav1.Time`. */
  nowApi(): string {
    return apiTime(this.host.startTimeMs(), this.host.clock.now());
  }

  private syncKey(key: string): void {
    const { namespace, name } = splitKey(key);
    const stored = this.host.store.get("Deployment", namespace, name);
    if (!stored) return;
    this.found = undefined;
    let ok: boolean;
    try {
      ok = this.syncDeployment(deepCopy(stored));
    } finally {
      this.found = null;
    }
    // Why (processNextWorkItem): a failed sync is retried with the rate limiter's back-off.
    if (!ok) this.enqueue(stored, RATE_LIMITED_REQUEUE_MS);
  }

  /** `syncDeployment`; false when it has to be retried. */
  private syncDeployment(d: ApiObject): boolean {
    const rsList = this.getReplicaSetsForDeployment(d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
      this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
      return true;
    }
    this.checkPausedConditions(d);
    if (dSpec(d).paused || this.isScalingEvent(d, rsList)) return this.syncScale(d, rsList);
    if (isRollingUpdate(d)) return rolloutRolling(this, d, rsList);
    return rolloutRecreate(this, d, rsList, this.podsByReplicaSet(d, rsList));
  }

  /**
   * `getReplicaSetsForDeployment` (ControllerRefManager.ClaimReplicaSets): copies of the
   * ReplicaSets it controls and still selects; orphans it selects are adopted, controlled ones it
   * no longer selects are released. Why `listedCopy`, not a deep copy: a sync writes only sizes,
   * `minReadySeconds` and annotations on these, and hands the API deep copies of them.
   */
  private getReplicaSetsForDeployment(d: ApiObject): ApiObject[] {
    const selector = dSpec(d).selector;
    const claimed: ApiObject[] = [];
    for (const rs of this.host.store.list("ReplicaSet", d.metadata.namespace)) {
      const ref = controllerOf(rs);
      const matches = selects(selector, rs.metadata.labels);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches) claimed.push(listedCopy(rs));
        else {
          rs.metadata.ownerReferences = (rs.metadata.ownerReferences as { uid: string }[]).filter(
            (r) => r.uid !== d.metadata.uid,
          );
          this.host.store.touch(rs);
        }
        continue;
      }
      if (!matches || d.metadata.deletionTimestamp) continue;
      rs.metadata.ownerReferences = [
        ...((rs.metadata.ownerReferences as unknown[]) ?? []),
        newControllerRef(d),
      ];
      this.host.store.touch(rs);
      claimed.push(listedCopy(rs));
    }
    return claimed;
  }

  /** `getPodMapForDeployment`: the pods each ReplicaSet controls (terminating ones included). */
  private podsByReplicaSet(d: ApiObject, rsList: ApiObject[]): Map<string, ApiObject[]> {
    const map = new Map<string, ApiObject[]>(rsList.map((rs) => [rs.metadata.uid ?? "", []]));
    for (const pod of this.host.store.list("Pod", d.metadata.namespace)) {
      if (!selects(dSpec(d).selector, pod.metadata.labels)) continue;
      const ref = controllerOf(pod);
      if (ref) map.get(ref.uid)?.push(pod);
    }
    return map;
  }

  /** `checkPausedConditions`: Progressing Unknown while paused, so a pause never times out. */
  private checkPausedConditions(d: ApiObject): void {
    if (!hasProgressDeadline(d)) return;
    const status = dStatus(d);
    const cond = getCondition(status, "Progressing");
    if (cond?.reason === Reasons.timedOut) return;
    const pausedCondition = cond?.reason === Reasons.paused;
    const paused = dSpec(d).paused === true;
    if (paused && !pausedCondition) {
      setCondition(
        status,
        newCondition("Progressing", "Unknown", Reasons.paused, "Deployment is paused", this.nowApi()),
      );
    } else if (!paused && pausedCondition) {
      setCondition(
        status,
        newCondition("Progressing", "Unknown", Reasons.resumed, "Deployment is resumed", this.nowApi()),
      );
    } else return;
    this.writeStatus(d);
  }

  /** `isScalingEvent`: an active ReplicaSet was sized for a different replica count. */
  private isScalingEvent(d: ApiObject, rsList: ApiObject[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([...oldRSs, newRS])) {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
      if (desired === undefined) continue;
      if (Number(desired) !== deploymentReplicas(d)) return true;
    }
    return false;
  }

  /** `sync`: scaling (and paused Deployments): resize ReplicaSets, no rollout step. */
  private syncScale(d: ApiObject, rsList: ApiObject[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.scale(d, newRS, oldRSs);
    if (dSpec(d).paused) this.cleanupDeployment(oldRSs, d);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
    return true;
  }

  /**
   * `scale`: one active ReplicaSet takes the whole count; otherwise (a scale during a rollout) the
   * replicas added or removed are shared out in proportion to the ReplicaSets' sizes.
   */
  private scale(d: ApiObject, newRS: ApiObject | undefined, oldRSs: ApiObject[]): void {
    const replicas = deploymentReplicas(d);
    const active = activeReplicaSets([...oldRSs, newRS]);
    const activeOrLatest =
      active.length === 1
        ? active[0]
        : active.length === 0
          ? (newRS ?? [...oldRSs].sort(byCreationTimestamp).at(-1))
          : undefined;
    if (activeOrLatest) {
      if (specReplicas(activeOrLatest) !== replicas)
        this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeReplicaSets(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowed - replicaCount(active);
    if (toAdd > 0) active.sort(bySize(true));
    else if (toAdd < 0) active.sort(bySize(false));
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of active) {
      if (toAdd !== 0) {
        const proportion = replicaSetProportion(d, rs, toAdd, added);
        sizes.set(rs.metadata.name, specReplicas(rs) + proportion);
        added += proportion;
      } else sizes.set(rs.metadata.name, specReplicas(rs));
    }
    active.forEach((rs, i) => {
      // Why (scale): leftovers go to the largest ReplicaSet.
      if (i === 0 && toAdd !== 0)
        sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(rs.metadata.name)!, d);
    });
  }

  /**
   * `getAllReplicaSetsAndSyncRevision`: the new ReplicaSet (created when asked and missing) and
   * every other one, with revisions brought up to date.
   */
  getAllReplicaSetsAndSyncRevision(
    d: ApiObject,
    rsList: ApiObject[],
    create: boolean,
  ): ReplicaSetsOfDeployment {
    const memo = this.found;
    const found = memo && memo.d === d && memo.rsList === rsList ? memo.newRS : findNewReplicaSet(d, rsList);
    if (memo !== null) this.found = { d, rsList, newRS: found };
    const oldRSs = rsList.filter((rs) => rs.metadata.uid !== found?.metadata.uid);
    const newRS = this.getNewReplicaSet(d, found, oldRSs, create);
    return { newRS, oldRSs };
  }

  /** `getNewReplicaSet`; `existing` is `findNewReplicaSet` of the listed ReplicaSets. */
  private getNewReplicaSet(
    d: ApiObject,
    existing: ApiObject | undefined,
    oldRSs: ApiObject[],
    create: boolean,
  ): ApiObject | undefined {
    const newRevision = maxRevision(oldRSs) + 1;
    const spec = dSpec(d);
    if (existing) {
      const annotationsUpdated = setNewReplicaSetAnnotations(d, existing, newRevision, true);
      const minReadyChanged = (rsSpec(existing).minReadySeconds ?? 0) !== (spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyChanged) {
        const s = existing.spec as Record<string, unknown>;
        if (spec.minReadySeconds) s.minReadySeconds = spec.minReadySeconds;
        else delete s.minReadySeconds;
        this.host.update(deepCopy(existing));
        return existing;
      }
      let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
      const status = dStatus(d);
      if (hasProgressDeadline(d) && !getCondition(status, "Progressing")) {
        setCondition(
          status,
          newCondition(
            "Progressing",
            "True",
            Reasons.foundNewReplicaSet,
            `Found new replica set "${existing.metadata.name}"`,
            this.nowApi(),
          ),
        );
        needsUpdate = true;
      }
      if (needsUpdate) this.writeStatus(d);
      return existing;
    }
    if (!create) return undefined;

    const status = dStatus(d);
    const hash = computeHash(spec.template, status.collisionCount);
    const template = deepCopy(spec.template ?? {});
    template.metadata = {
      ...template.metadata,
      labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
    };
    const selector = deepCopy(spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const rsSpecValue: Record<string, unknown> = { replicas: 0, selector, template };
    if (spec.minReadySeconds) rsSpecValue.minReadySeconds = spec.minReadySeconds;
    const rs: ApiObject = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace ?? "default",
        labels: { ...(template.metadata.labels ?? {}) },
        ownerReferences: [newControllerRef(d)],
      },
      spec: rsSpecValue,
      status: { replicas: 0 },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    rsSpecValue.replicas = replicas;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);
    const toCreate = sortKeysDeep(deepCopy(rs));
    const err = this.host.create(toCreate);
    let created: ApiObject = deepCopy(toCreate);
    let alreadyExists = false;
    if (err) {
      const other = this.host.store.get("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
      if (!other) return undefined;
      if (
        controllerOf(other)?.uid === d.metadata.uid &&
        equalIgnoreHash(rsSpec(other).template, spec.template)
      ) {
        created = deepCopy(other);
        alreadyExists = true;
      } else {
        // Why (getNewReplicaSet): a hash collision; a new collision count gives a new hash next time.
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        this.writeStatus(d);
        return undefined;
      }
    }
    if (!alreadyExists && replicas > 0) {
      this.recordScaling(d, `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    }
    let needsUpdate = setDeploymentRevision(d, String(newRevision));
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition(
        status,
        newCondition(
          "Progressing",
          "True",
          Reasons.newReplicaSet,
          `Created new replica set "${created.metadata.name}"`,
          this.nowApi(),
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) this.writeStatus(d);
    return created;
  }

  private recordScaling(d: ApiObject, message: string): void {
    this.host.recordEvent(involved(d), "Normal", "ScalingReplicaSet", message, {
      component: DEPLOYMENT_CONTROLLER,
    });
  }

  /** `scaleReplicaSetAndRecordEvent`: no-op when the size is already right. */
  scaleReplicaSetAndRecordEvent(rs: ApiObject, newScale: number, d: ApiObject): boolean {
    if (specReplicas(rs) === newScale) return false;
    return this.scaleReplicaSet(rs, newScale, d);
  }

  /**
   * `scaleReplicaSet`: writes the size and the desired/max replicas annotations; a size change is
   * announced on the Deployment (`Scaled up replica set x from 1 to 2`). `rs` is updated in place.
   */
  scaleReplicaSet(rs: ApiObject, newScale: number, d: ApiObject): boolean {
    const replicas = deploymentReplicas(d);
    const max = replicas + maxSurge(d);
    const oldScale = specReplicas(rs);
    const sizeChanged = oldScale !== newScale;
    if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return false;
    (rs.spec as Record<string, unknown>).replicas = newScale;
    setReplicasAnnotations(rs, replicas, max);
    const err = this.host.update(deepCopy(rs));
    if (err || !sizeChanged) return false;
    this.recordScaling(
      d,
      `Scaled ${oldScale < newScale ? "up" : "down"} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
    );
    return true;
  }

  /**
   * `cleanupDeployment`: deletes the oldest ReplicaSets beyond `revisionHistoryLimit`, only those
   * fully scaled down and settled.
   */
  cleanupDeployment(oldRSs: ApiObject[], d: ApiObject): void {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - (dSpec(d).revisionHistoryLimit ?? 0);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      const stored = this.host.store.get("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
      if (!stored || stored.metadata.uid !== rs.metadata.uid) continue;
      if (
        (rsStatus(stored).replicas ?? 0) !== 0 ||
        specReplicas(stored) !== 0 ||
        generationOf(stored) > (rsStatus(stored).observedGeneration ?? 0)
      ) {
        continue;
      }
      this.host.delete("ReplicaSet", stored.metadata.namespace ?? "default", stored.metadata.name, {});
    }
  }

  /** `syncDeploymentStatus`: writes the calculated status when it differs. */
  private syncDeploymentStatus(
    allRSs: (ApiObject | undefined)[],
    newRS: ApiObject | undefined,
    d: ApiObject,
  ): void {
    const next = calculateStatus(allRSs, newRS, d, this.nowApi());
    if (jsonEqual(next, dStatus(d))) return;
    d.status = next as Record<string, unknown>;
    this.writeStatus(d);
  }

  /**
   * `syncRolloutStatus`: status and Progressing condition; when nothing changed, a stuck rollout
   * is checked again once its progress deadline has passed.
   */
  syncRolloutStatus(allRSs: (ApiObject | undefined)[], newRS: ApiObject | undefined, d: ApiObject): void {
    const start = this.host.startTimeMs();
    const next = rolloutStatus(allRSs, newRS, d, this.nowMs(), start, this.nowApi());
    if (jsonEqual(next, dStatus(d))) {
      const after = stuckRequeueMs(d, next, this.nowMs(), start);
      if (after === undefined) return;
      // Why (requeueStuckDeployment): under a second left means a rate-limited retry; otherwise
      // the check is due a second after the deadline, to avoid clock skew.
      this.enqueue(d, after < 1000 ? RATE_LIMITED_REQUEUE_MS : after + 1000);
      return;
    }
    d.status = next as Record<string, unknown>;
    this.writeStatus(d);
  }

  /** `UpdateStatus`: the status (and the revision annotation) of `d` onto the stored Deployment. */
  private writeStatus(d: ApiObject): void {
    const stored = this.host.store.get("Deployment", d.metadata.namespace, d.metadata.name);
    if (!stored || stored.metadata.uid !== d.metadata.uid) return;
    stored.status = sortKeysDeep(deepCopy(d.status ?? {}));
    if (d.metadata.annotations) stored.metadata.annotations = sortKeysDeep({ ...d.metadata.annotations });
    this.host.store.touch(stored);
  }
}
