/** The ReplicaSet fields the controllers read and write (apps/v1). */
import type { LabelSelector, PodTemplateSpec } from "../api/types.ts";
import type { ApiObject } from "../kubectl/api.ts";

/** `ReplicaSetSpec` as stored. */
export interface ReplicaSetSpecView {
  replicas?: number;
  minReadySeconds?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
}

/** `ReplicaSetStatus` as stored (zero counts omitted except `replicas`, as the API's JSON does). */
export interface ReplicaSetStatusView {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: unknown[];
}

/** The spec of a ReplicaSet. */
export function rsSpec(rs: ApiObject): ReplicaSetSpecView {
  return (rs.spec ?? {}) as ReplicaSetSpecView;
}

/** The status of a ReplicaSet (empty when never written). */
export function rsStatus(rs: ApiObject): ReplicaSetStatusView {
  return (rs.status ?? {}) as ReplicaSetStatusView;
}

/** `*rs.Spec.Replicas` (the API defaults it to 1). */
export function specReplicas(rs: ApiObject): number {
  return rsSpec(rs).replicas ?? 1;
}

/** `metadata.generation` (1 when the API server has not set it). */
export function generationOf(obj: ApiObject): number {
  return Number(obj.metadata.generation ?? 1);
}

/**
 * A copy of a ReplicaSet as listed, for a Deployment's sync (its informer copy) and for computing
 * its status after a rollout step has changed a size: the fields a sync writes (`spec.replicas`,
 * `spec.minReadySeconds`, annotations) and the status are copied; the pod template, selector,
 * labels and owner references, which no sync changes (and the API server replaces rather than
 * edits), are shared rather than cloned.
 */
export function listedCopy(rs: ApiObject): ApiObject {
  const metadata = { ...rs.metadata };
  if (rs.metadata.annotations) metadata.annotations = { ...rs.metadata.annotations };
  const copy: ApiObject = { ...rs, metadata };
  if (rs.spec) copy.spec = { ...rs.spec };
  if (rs.status) copy.status = { ...rs.status };
  return copy;
}
