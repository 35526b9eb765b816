/**
 * The Deployment controller's arithmetic and bookkeeping (pkg/controller/deployment/util/
 * deployment_util.go): surge and unavailability from `maxSurge`/`maxUnavailable`, the new
 * ReplicaSet's next size, revisions and the annotations copied onto ReplicaSets, conditions, and
 * the "complete", "progressing" and "timed out" tests.
 */
import type { IntOrString, LabelSelector, PodTemplateSpec } from "../api/types.ts";
import type { ApiObject } from "../kubectl/api.ts";
import { objectsEqualExcept } from "./json-equal.ts";
import { canonicalJson, parseApiTime, parseTimestamp } from "./meta.ts";
import { POD_TEMPLATE_HASH_LABEL } from "./pod-template-hash.ts";
import { rsSpec, rsStatus, specReplicas } from "./replicaset.ts";

/** Annotation keys the controller writes on Deployments and ReplicaSets. */
export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
const DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";

/** Condition reasons (deployment_util.go). */
export const Reasons = {
  replicaSetUpdated: "ReplicaSetUpdated",
  newReplicaSet: "NewReplicaSetCreated",
  foundNewReplicaSet: "FoundNewReplicaSet",
  newReplicaSetAvailable: "NewReplicaSetAvailable",
  timedOut: "ProgressDeadlineExceeded",
  paused: "DeploymentPaused",
  resumed: "DeploymentResumed",
  minimumReplicasAvailable: "MinimumReplicasAvailable",
  minimumReplicasUnavailable: "MinimumReplicasUnavailable",
} as const;

/** `DeploymentSpec` as stored. */
export interface DeploymentSpecView {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  strategy?: {
    type?: string;
    rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

/** `DeploymentCondition`. */
export interface DeploymentCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** `DeploymentStatus` as stored (zero values omitted, as the API's JSON does). */
export interface DeploymentStatusView {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

/** The spec of a Deployment. */
export function dSpec(d: ApiObject): DeploymentSpecView {
  return (d.spec ?? {}) as DeploymentSpecView;
}

/** The status of a Deployment (created empty when absent). */
export function dStatus(d: ApiObject): DeploymentStatusView {
  d.status ??= {};
  return d.status as DeploymentStatusView;
}

/** `*d.Spec.Replicas`. */
export function deploymentReplicas(d: ApiObject): number {
  return dSpec(d).replicas ?? 1;
}

/** Whether the strategy is RollingUpdate. */
export function isRollingUpdate(d: ApiObject): boolean {
  return dSpec(d).strategy?.type !== "Recreate";
}

/** `intstr.GetScaledValueFromIntOrPercent`: percents of `total`, rounded up or down. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number.parseInt(v, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * `ResolveFenceposts`: surge rounds up, unavailability rounds down, and when both come to 0 one
 * pod may be unavailable (so a rollout can always make progress).
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** `MaxSurge`: 0 unless RollingUpdate. */
export function maxSurge(d: ApiObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = dSpec(d).strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d)).surge;
}

/** `MaxUnavailable`: 0 unless RollingUpdate with replicas; never more than the replicas. */
export function maxUnavailable(d: ApiObject): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = dSpec(d).strategy?.rollingUpdate;
  const { unavailable } = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

/** `GetReplicaCountForReplicaSets`: Σ spec.replicas. */
export function replicaCount(rss: (ApiObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/** `GetActualReplicaCountForReplicaSets`: Σ status.replicas. */
export function actualReplicaCount(rss: (ApiObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? (rsStatus(rs).replicas ?? 0) : 0), 0);
}

/** `GetReadyReplicaCountForReplicaSets`: Σ status.readyReplicas. */
export function readyReplicaCount(rss: (ApiObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? (rsStatus(rs).readyReplicas ?? 0) : 0), 0);
}

/** `GetAvailableReplicaCountForReplicaSets`: Σ status.availableReplicas. */
export function availableReplicaCount(rss: (ApiObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? (rsStatus(rs).availableReplicas ?? 0) : 0), 0);
}

/** `FilterActiveReplicaSets`: those with replicas wanted. */
export function activeReplicaSets(rss: (ApiObject | undefined)[]): ApiObject[] {
  return rss.filter((rs): rs is ApiObject => !!rs && specReplicas(rs) > 0);
}

/** `NewRSNewReplicas`: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: ApiObject, allRSs: (ApiObject | undefined)[], newRS: ApiObject): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValue(dSpec(d).strategy?.rollingUpdate?.maxSurge, replicas, true);
  const current = replicaCount(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** `Revision`: the revision annotation as a number (0 when absent or unreadable). */
export function revisionOf(obj: ApiObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

/** `MaxRevision`. */
export function maxRevision(rss: ApiObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/**
 * `EqualIgnoreHash`: pod templates equal apart from the pod-template-hash label (a labels map left
 * empty by removing it counts as absent). Compared in place with `jsonEqual`'s rules: the
 * Deployment controller asks this for every ReplicaSet several times per sync.
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const ta: unknown = a ?? {};
  const tb: unknown = b ?? {};
  if (!isRecord(ta) || !isRecord(tb)) return equalIgnoreHashByCopy(a, b);
  const ma = ownValue(ta, "metadata");
  const mb = ownValue(tb, "metadata");
  if (!(ma === undefined || isRecord(ma)) || !(mb === undefined || isRecord(mb))) {
    return equalIgnoreHashByCopy(a, b);
  }
  const la = ma && ownValue(ma, "labels");
  const lb = mb && ownValue(mb, "labels");
  if (!(la === undefined || isRecord(la)) || !(lb === undefined || isRecord(lb))) {
    return equalIgnoreHashByCopy(a, b);
  }
  if (!objectsEqualExcept(ta, tb, "metadata")) return false;
  if (ma === undefined || mb === undefined) return ma === mb;
  if (!objectsEqualExcept(ma, mb, "labels")) return false;
  const sa = withoutHashOnly(la);
  const sb = withoutHashOnly(lb);
  if (sa === undefined || sb === undefined) return sa === sb;
  return objectsEqualExcept(sa, sb, POD_TEMPLATE_HASH_LABEL);
}

/** `equalIgnoreHash` on stripped copies: the definition, for templates of unusual shapes. */
function equalIgnoreHashByCopy(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = structuredClone(t ?? {}) as PodTemplateSpec;
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    return canonicalJson(copy);
  };
  return strip(a) === strip(b);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function ownValue(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Labels as they are once the hash label is removed: undefined when no other key is left. */
function withoutHashOnly(labels: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!labels) return undefined;
  for (const key of Object.keys(labels)) if (key !== POD_TEMPLATE_HASH_LABEL) return labels;
  return undefined;
}

/** Creation time of an object in virtual ms (whole seconds, as stored). */
function createdMs(obj: ApiObject): number {
  return parseTimestamp(obj.metadata.creationTimestamp ?? "") || 0;
}

/** `ReplicaSetsByCreationTimestamp`: older first, then by name. */
export function byCreationTimestamp(a: ApiObject, b: ApiObject): number {
  const d = createdMs(a) - createdMs(b);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** `ReplicaSetsByRevision`: lower revision first, then by creation time. */
export function byRevision(a: ApiObject, b: ApiObject): number {
  return revisionOf(a) - revisionOf(b) || byCreationTimestamp(a, b);
}

/** `ReplicaSetsBySizeNewer` (larger first, then newer) or `…Older` (larger first, then older). */
export function bySize(newerFirst: boolean): (a: ApiObject, b: ApiObject) => number {
  return (a, b) => {
    const d = specReplicas(b) - specReplicas(a);
    if (d !== 0) return d;
    return newerFirst ? byCreationTimestamp(b, a) : byCreationTimestamp(a, b);
  };
}

/**
 * `FindNewReplicaSet`: the oldest ReplicaSet whose template is the Deployment's (the first match in
 * `byCreationTimestamp` order, found without sorting a copy: ties keep the list's order, as the
 * stable sort did).
 */
export function findNewReplicaSet(d: ApiObject, rss: ApiObject[]): ApiObject | undefined {
  const template = dSpec(d).template;
  let oldest: ApiObject | undefined;
  for (const rs of rss) {
    if (oldest && byCreationTimestamp(rs, oldest) >= 0) continue;
    if (equalIgnoreHash(rsSpec(rs).template, template)) oldest = rs;
  }
  return oldest;
}

/** `SetReplicasAnnotations`: desired and max replicas on a ReplicaSet; true when changed. */
export function setReplicasAnnotations(rs: ApiObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** `ReplicasAnnotationsNeedUpdate`. */
export function replicasAnnotationsNeedUpdate(rs: ApiObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

function skipCopyAnnotation(key: string): boolean {
  return [
    LAST_APPLIED_ANNOTATION,
    REVISION_ANNOTATION,
    REVISION_HISTORY_ANNOTATION,
    DESIRED_REPLICAS_ANNOTATION,
    MAX_REPLICAS_ANNOTATION,
    DEPRECATED_ROLLBACK_TO,
  ].includes(key);
}

/**
 * `SetNewReplicaSetAnnotations`: copies the Deployment's annotations, raises the revision to
 * `newRevision` (keeping the old one in the revision history on a rollback), and on creation sets
 * the replicas annotations. Returns true when the annotations changed.
 */
export function setNewReplicaSetAnnotations(
  d: ApiObject,
  rs: ApiObject,
  newRevision: number,
  exists: boolean,
): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldText = a[REVISION_ANNOTATION];
  const oldRevision = oldText === undefined ? 0 : Number.parseInt(oldText, 10) || 0;
  if (oldRevision < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldText !== undefined) {
      const history = a[REVISION_HISTORY_ANNOTATION];
      a[REVISION_HISTORY_ANNOTATION] = history ? `${history},${oldText}` : oldText;
    }
  }
  if (!exists) {
    const replicas = deploymentReplicas(d);
    if (setReplicasAnnotations(rs, replicas, replicas + maxSurge(d))) changed = true;
  }
  return changed;
}

/** `SetDeploymentRevision`: true when the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: ApiObject, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

/** `NewDeploymentCondition`, timestamped now. */
export function newCondition(
  type: string,
  status: DeploymentCondition["status"],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** `GetDeploymentCondition`. */
export function getCondition(status: DeploymentStatusView, type: string): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

/**
 * `SetDeploymentCondition`: no change when status and reason are the same; the transition time is
 * kept when only the reason changes; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatusView, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status)
    condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

/** `RemoveDeploymentCondition`. */
export function removeCondition(status: DeploymentStatusView, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

/** `HasProgressDeadline`. */
export function hasProgressDeadline(d: ApiObject): boolean {
  const v = dSpec(d).progressDeadlineSeconds;
  return v !== undefined && v !== 2147483647;
}

/** `HasRevisionHistoryLimit`. */
export function hasRevisionHistoryLimit(d: ApiObject): boolean {
  const v = dSpec(d).revisionHistoryLimit;
  return v !== undefined && v !== 2147483647;
}

/** `DeploymentComplete`: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: ApiObject, status: DeploymentStatusView): boolean {
  const replicas = deploymentReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= Number(d.metadata.generation ?? 1)
  );
}

/** `DeploymentProgressing`: more updated, ready or available replicas, or fewer old ones. */
export function deploymentProgressing(d: ApiObject, next: DeploymentStatusView): boolean {
  const old = dStatus(d);
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * `DeploymentTimedOut`: the Progressing condition was last updated longer than
 * `progressDeadlineSeconds` ago (its time is whole seconds, as the API stores it).
 */
export function deploymentTimedOut(
  d: ApiObject,
  next: DeploymentStatusView,
  nowMs: number,
  startMs: number,
): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(next, "Progressing");
  if (!c) return false;
  if (c.reason === Reasons.newReplicaSetAvailable) return false;
  if (c.reason === Reasons.timedOut) return true;
  const from = parseApiTime(c.lastUpdateTime, startMs) ?? 0;
  return from + (dSpec(d).progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

/** `IsSaturated`: the new ReplicaSet has all the Deployment's replicas, all available. */
export function isSaturated(d: ApiObject, rs: ApiObject | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return (
    Number(desired) === replicas &&
    specReplicas(rs) === replicas &&
    (rsStatus(rs).availableReplicas ?? 0) === replicas
  );
}

/** `GetReplicaSetProportion`: this ReplicaSet's share of a proportional scale. */
export function replicaSetProportion(d: ApiObject, rs: ApiObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(d, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(d: ApiObject, rs: ApiObject): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -specReplicas(rs);
  const maxReplicas = replicas + maxSurge(d);
  let before = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? 0) || 0;
  if (before === 0) {
    before = dStatus(d).replicas ?? 0;
    if (before === 0) return 0;
  }
  // Go's integer.RoundToInt32 rounds half away from zero.
  const size = (specReplicas(rs) * maxReplicas) / before;
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs);
}
