/**
 * The ReplicaSet controller's pod informer cache, indexed by controller: the pods each owner
 * controls, the orphans of each namespace, and what a ReplicaSet's sync reads from each pod
 * (phase, deletion, readiness, node, labels), so that status updates that change nothing it reads
 * do not queue a sync that would do nothing.
 */
import type { ApiObject } from "../kubectl/api.ts";
import { controllerOf } from "./meta.ts";
import { podNodeName, podStatus } from "./pods.ts";
import type { WatchEvent } from "./watch.ts";

/**
 * What a ReplicaSet's sync reads from a pod, as last seen. Labels are compared as their JSON text,
 * which for string values (what labels are) means the same keys in the same order with the same
 * values: those are kept as `[key, value, …]` and compared in place, with no text made per event.
 */
interface SeenPod {
  phase: string;
  deletion: string;
  /** Whether the pod has a Ready condition, its status and its transition time ("" when unset). */
  hasReady: boolean;
  readyStatus: string;
  readySince: string;
  node: string;
  /** The labels as `[key, value, …]` in key order; undefined when a value is not a string. */
  labelEntries: string[] | undefined;
  /** The labels' JSON text, when `labelEntries` is undefined. */
  labelsText: string;
}

type Labels = Record<string, string> | undefined;

/** The labels' `[key, value, …]` when they are an object of string values; undefined otherwise. */
function labelEntries(labels: Labels): string[] | undefined {
  const entries: string[] = [];
  if (labels) {
    if (typeof labels !== "object" || Array.isArray(labels)) return undefined;
    for (const k of Object.keys(labels)) {
      const v = labels[k];
      if (typeof v !== "string") return undefined;
      entries.push(k, v);
    }
  }
  return entries;
}

/** The JSON text of the labels `entries` were taken from (same keys, same order). */
function entriesText(entries: string[]): string {
  const labels: [string, string][] = [];
  for (let i = 0; i < entries.length; i += 2) labels.push([entries[i] as string, entries[i + 1] as string]);
  return JSON.stringify(Object.fromEntries(labels));
}

/** Whether `labels` print as the same JSON text as the labels `seen` was made from. */
function sameLabels(seen: SeenPod, labels: Labels): boolean {
  const entries = seen.labelEntries;
  if (entries === undefined) return JSON.stringify(labels ?? {}) === seen.labelsText;
  if (labels && (typeof labels !== "object" || Array.isArray(labels))) {
    return JSON.stringify(labels) === entriesText(entries);
  }
  let i = 0;
  if (labels) {
    for (const k of Object.keys(labels)) {
      const v = labels[k];
      // A value that is not a string may print differently or not at all: compare the texts.
      if (typeof v !== "string") return JSON.stringify(labels) === entriesText(entries);
      // Both texts print this pair at the same place, so they differ.
      if (entries[i] !== k || entries[i + 1] !== v) return false;
      i += 2;
    }
  }
  return i === entries.length;
}

const NONE: readonly ApiObject[] = [];

/** Pods by controller uid (orphans under `orphan/<namespace>`). */
export class PodIndex {
  private readonly byOwner = new Map<string, Map<string, ApiObject>>();
  private readonly ownerOf = new Map<string, string>();
  private readonly seen = new Map<string, SeenPod>();

  /** Updates the index from a pod event; true when the change matters to a ReplicaSet's sync. */
  observe(event: WatchEvent): boolean {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const previous = this.ownerOf.get(uid);
    if (event.type === "DELETED") {
      if (previous !== undefined) this.byOwner.get(previous)?.delete(uid);
      this.ownerOf.delete(uid);
      this.seen.delete(uid);
      return true;
    }
    const owner = controllerOf(pod)?.uid ?? `orphan/${pod.metadata.namespace ?? "default"}`;
    if (previous !== owner) {
      if (previous !== undefined) this.byOwner.get(previous)?.delete(uid);
      let bucket = this.byOwner.get(owner);
      if (!bucket) this.byOwner.set(owner, (bucket = new Map()));
      bucket.set(uid, pod);
      this.ownerOf.set(uid, owner);
    }
    const changed = this.see(uid, pod) || previous !== owner;
    return changed;
  }

  /** Records what a sync reads from the pod; true when it differs from what was seen last. */
  private see(uid: string, pod: ApiObject): boolean {
    const s = podStatus(pod);
    const phase = s.phase ?? "";
    const deletion = pod.metadata.deletionTimestamp ?? "";
    let readyCondition: { status: string; lastTransitionTime?: string } | undefined;
    if (s.conditions) {
      for (const c of s.conditions) {
        if (c.type === "Ready") {
          readyCondition = c;
          break;
        }
      }
    }
    const hasReady = readyCondition !== undefined;
    const readyStatus = readyCondition ? readyCondition.status : "";
    const readySince = readyCondition?.lastTransitionTime ?? "";
    const node = podNodeName(pod);
    const labels = pod.metadata.labels;
    const seen = this.seen.get(uid);
    if (!seen) {
      const entries = labelEntries(labels);
      this.seen.set(uid, {
        phase,
        deletion,
        hasReady,
        readyStatus,
        readySince,
        node,
        labelEntries: entries,
        labelsText: entries ? "" : JSON.stringify(labels ?? {}),
      });
      return true;
    }
    const same =
      seen.phase === phase &&
      seen.deletion === deletion &&
      seen.hasReady === hasReady &&
      seen.readyStatus === readyStatus &&
      seen.readySince === readySince &&
      seen.node === node;
    // Why keep the entries of labels that print the same: they stand for the same JSON text.
    const sameLabelsText = sameLabels(seen, labels);
    if (same && sameLabelsText) return false;
    seen.phase = phase;
    seen.deletion = deletion;
    seen.hasReady = hasReady;
    seen.readyStatus = readyStatus;
    seen.readySince = readySince;
    seen.node = node;
    if (!sameLabelsText) {
      const entries = labelEntries(labels);
      seen.labelEntries = entries;
      seen.labelsText = entries ? "" : JSON.stringify(labels ?? {});
    }
    return true;
  }

  /** The pods an owner controls, in the order they were first seen. */
  controlledBy(ownerUid: string | undefined): ApiObject[] {
    return [...this.liveControlledBy(ownerUid)];
  }

  /** `controlledBy` without the copy: only for a loop that changes no pod while it runs. */
  liveControlledBy(ownerUid: string | undefined): Iterable<ApiObject> {
    return this.byOwner.get(ownerUid ?? "")?.values() ?? NONE;
  }

  /** The pods of a namespace that nothing controls. */
  orphans(namespace: string | undefined): ApiObject[] {
    return [...this.liveOrphans(namespace)];
  }

  /** `orphans` without the copy: only for a loop that changes no pod while it runs. */
  liveOrphans(namespace: string | undefined): Iterable<ApiObject> {
    return this.byOwner.get(`orphan/${namespace ?? "default"}`)?.values() ?? NONE;
  }
}
