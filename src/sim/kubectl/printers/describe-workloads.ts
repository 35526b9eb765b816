/**
 * `kubectl describe` for Deployments and ReplicaSets (DSC `describeDeployment`,
 * `describeReplicaSet`, `DescribePodTemplate`), aligned by describe's tabwriter.
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import { rfc1123z } from "../duration.ts";
import type { ContainerView, TolerationView, VolumeView } from "../model.ts";
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./describe-common.ts";
import { describeContainers, describeVolumes } from "./describe-pod.ts";
import { PrefixWriter } from "./describe-writer.ts";
import { describeEvents } from "./events.ts";

/** A pod template as the describers read it. */
interface PodTemplateView {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: {
    containers?: ContainerView[];
    initContainers?: ContainerView[];
    volumes?: VolumeView[];
    serviceAccountName?: string;
    nodeSelector?: Record<string, string>;
    tolerations?: TolerationView[];
    priorityClassName?: string;
  };
}

interface LabelSelectorView {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `metav1.FormatLabelSelector`: `app=web,tier in (a,b)`, `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelectorView | undefined): string {
  if (!sel) return "<none>";
  const parts = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${sel.matchLabels?.[k]}`);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(",");
    if (e.operator === "In") parts.push(`${e.key} in (${values})`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin (${values})`);
    else if (e.operator === "Exists") parts.push(e.key);
    else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
  }
  const text = parts.join(",");
  return text === "" ? "<none>" : text;
}

/** `DescribePodTemplate`. */
export function describePodTemplate(template: PodTemplateView | undefined, w: PrefixWriter): void {
  w.write(0, "Pod Template:\n");
  if (!template) {
    w.write(1, "<unset>");
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, "Init Containers", undefined, spec.initContainers ?? [], [], "  ");
  }
  describeContainers(w, "Containers", undefined, spec.containers ?? [], [], "  ");
  describeVolumes(w, spec.volumes ?? [], "  ");
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
}

interface ConditionRow {
  type: string;
  status: string;
  reason?: string;
}

function describeConditions(w: PrefixWriter, conditions: ConditionRow[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

function rsReplicas(rs: ApiObject): string {
  const desired = (rs.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const current = (rs.status as { replicas?: number } | undefined)?.replicas ?? 0;
  return `${rs.metadata.name} (${current}/${desired} replicas created)`;
}

/** `printReplicaSetsByLabels`. */
function replicaSetList(list: ApiObject[]): string {
  return list.length === 0 ? "<none>" : list.map(rsReplicas).join(", ");
}

/** Renders `kubectl describe deployment`; `oldRSs` are the old ReplicaSets that still have replicas. */
export function describeDeployment(
  d: ApiObject,
  oldRSs: ApiObject[],
  newRS: ApiObject | undefined,
  events: ApiEvent[] | undefined,
  nowEpochMs: number,
): string {
  const spec = (d.spec ?? {}) as {
    replicas?: number;
    selector?: LabelSelectorView;
    minReadySeconds?: number;
    strategy?: {
      type?: string;
      rollingUpdate?: { maxUnavailable?: string | number; maxSurge?: string | number };
    };
    template?: PodTemplateView;
  };
  const status = (d.status ?? {}) as {
    updatedReplicas?: number;
    replicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: ConditionRow[];
  };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ""}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) {
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`,
    );
  }
  describePodTemplate(spec.template, w);
  describeConditions(w, status.conditions);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}

/** Pod counts by phase for `Pods Status:`. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Renders `kubectl describe replicaset`. */
export function describeReplicaSet(
  rs: ApiObject,
  pods: PodPhaseCounts,
  events: ApiEvent[] | undefined,
  nowEpochMs: number,
): string {
  const spec = (rs.spec ?? {}) as {
    replicas?: number;
    selector?: LabelSelectorView;
    template?: PodTemplateView;
  };
  const status = (rs.status ?? {}) as { replicas?: number; conditions?: ConditionRow[] };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const owner = (
    rs.metadata.ownerReferences as { controller?: boolean; kind: string; name: string }[] | undefined
  )?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
  w.write(
    0,
    `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`,
  );
  describePodTemplate(spec.template, w);
  describeConditions(w, status.conditions);
  describeEvents(events, w, nowEpochMs);
  return w.toString();
}
