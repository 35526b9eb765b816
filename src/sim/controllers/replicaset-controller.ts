/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps the number of active
 * pods a ReplicaSet owns equal to `spec.replicas`, creating pods from its template (named
 * `<rs>-<5 random characters>`, owned through a controller reference) and deleting the cheapest
 * pods to lose first, then writes the ReplicaSet's status.
 */

import { sortKeysDeep } from "../api/defaults/util.ts";
import { kindHandler } from "../api/kinds.ts";
import type { ApiObject } from "../kubectl/api.ts";
import type { SeededRandom } from "../random.ts";
import { type DeletionFacts, podsToDelete, podsToDeleteFrom } from "./active-pods.ts";
import { copyPlainTree, deepCopy, isPlainTree, samePlainData } from "./deep-copy.ts";
import type { ControllerHost } from "./host.ts";
import { jsonEqual } from "./json-equal.ts";
import { INFORMER_LATENCY_MS, latencyMs } from "./latency.ts";
import { compileSelector, controllerOf, involved, newControllerRef, selects } from "./meta.ts";
import { PodIndex } from "./pod-index.ts";
import { isPodActive, isPodAvailable, isPodReady } from "./pods.ts";
import { generationOf, type ReplicaSetStatusView, rsSpec, rsStatus, specReplicas } from "./replicaset.ts";
import { ReplicaSetCounts } from "./replicaset-counts.ts";
import type { WatchEvent } from "./watch.ts";
import { objectKey, splitKey, WorkQueue } from "./workqueue.ts";

/** The event source of everything this controller records. */
export const REPLICASET_CONTROLLER = "replicaset-controller";

/** `BurstReplicas`: at most this many pods are created or deleted in one sync. */
const BURST_REPLICAS = 500;

/** Kubernetes' generated names: the base is cut to 58 characters before the 5-character suffix. */
const MAX_GENERATED_BASE = 58;

/** The ReplicaSet controller: informer handlers, a work queue, and `syncReplicaSet`. */
export class ReplicaSetController {
  private readonly queue: WorkQueue;
  private readonly names: SeededRandom;
  private readonly delays: SeededRandom;
  /** Readiness last seen per pod uid, to notice the not-ready → ready edge (`updatePod`). */
  private readonly lastReady = new Map<string, boolean>();
  /** The pod informer's cache, by controller. */
  private readonly pods = new PodIndex();
  /** Per ReplicaSet uid: its pod counts, kept from pod events once a sync has built them. */
  private readonly counts = new Map<string, ReplicaSetCounts>();
  /**
   * Per ReplicaSet uid: a copy of its template's pod spec and the defaulted, key-sorted pod spec
   * made from it, which every pod it creates gets a copy of.
   */
  private readonly podSpecs = new Map<string, { templateSpec: unknown; podSpec: unknown; tree: boolean }>();
  /** Per pod uid: the ReplicaSet whose counts include it. */
  private readonly countedIn = new Map<string, string>();

  constructor(
    private readonly host: ControllerHost,
    random: SeededRandom,
  ) {
    this.names = random.fork("pod-names");
    this.delays = random.fork("latency");
    this.queue = new WorkQueue(host.clock, (key) => this.sync(key));
  }

  private enqueue(rs: ApiObject, delayMs = latencyMs(this.delays, INFORMER_LATENCY_MS)): void {
    this.queue.add(objectKey(rs.metadata.namespace, rs.metadata.name), delayMs);
  }

  /** Informer event handlers for ReplicaSets and Pods (`addRS`, `updateRS`, `addPod`, `updatePod`, `deletePod`). */
  observe(event: WatchEvent): void {
    const obj = event.object;
    if (obj.kind === "ReplicaSet") {
      if (event.type !== "DELETED") this.enqueue(obj);
      else {
        this.counts.delete(obj.metadata.uid ?? "");
        this.podSpecs.delete(obj.metadata.uid ?? "");
      }
      return;
    }
    if (obj.kind !== "Pod") return;
    // Why count only changes: the counts read nothing from a pod that the index does not compare
    // (owner, phase, deletion, Ready, labels), so an unchanged pod would be counted as it is.
    if (!this.pods.observe(event)) return;
    this.count(event);
    const uid = obj.metadata.uid ?? "";
    const ready = isPodReady(obj);
    const wasReady = this.lastReady.get(uid) ?? false;
    if (event.type === "DELETED") this.lastReady.delete(uid);
    else this.lastReady.set(uid, ready);
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.kind !== "ReplicaSet") return;
      const rs = this.host.store.get("ReplicaSet", obj.metadata.namespace, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return;
      this.enqueue(rs);
      // Why (updatePod): a pod that just became ready is available only after minReadySeconds.
      const minReady = rsSpec(rs).minReadySeconds ?? 0;
      if (event.type === "MODIFIED" && minReady > 0 && ready && !wasReady) {
        this.enqueue(rs, minReady * 1000 + 1000);
      }
      return;
    }
    if (event.type === "DELETED") return;
    // An orphan: every ReplicaSet that selects it may adopt it.
    for (const rs of this.host.store.list("ReplicaSet", obj.metadata.namespace)) {
      if (selects(rsSpec(rs).selector, obj.metadata.labels)) this.enqueue(rs);
    }
  }

  /** Keeps the counts of the ReplicaSet controlling a pod current with this pod event. */
  private count(event: WatchEvent): void {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const owner = event.type === "DELETED" ? undefined : controllerOf(pod)?.uid;
    const was = this.countedIn.get(uid);
    if (was !== undefined && was !== owner) {
      this.counts.get(was)?.remove(uid);
      this.countedIn.delete(uid);
    }
    const counts = owner === undefined ? undefined : this.counts.get(owner);
    if (!counts || owner === undefined) return;
    counts.set(pod);
    this.countedIn.set(uid, owner);
  }

  /** The ReplicaSet's counts, built from the pod index when missing or made for another spec. */
  private countsOf(rs: ApiObject): ReplicaSetCounts {
    const spec = rsSpec(rs);
    const uid = rs.metadata.uid ?? "";
    const labels = spec.template?.metadata?.labels ?? {};
    let counts = this.counts.get(uid);
    if (counts?.isFor(spec.selector, labels)) return counts;
    counts = new ReplicaSetCounts(spec.selector, labels);
    for (const pod of this.pods.liveControlledBy(uid)) {
      counts.set(pod);
      this.countedIn.set(pod.metadata.uid ?? "", uid);
    }
    this.counts.set(uid, counts);
    return counts;
  }

  /**
   * `syncReplicaSet` from the counts, when the sync would claim exactly the active pods the
   * ReplicaSet controls (none to release, no active orphan to adopt), create pods or do nothing,
   * and every Ready pod counts as available (no `minReadySeconds`). Undefined otherwise: the sync
   * walks its pods.
   */
  private countedSync(rs: ApiObject, namespace: string): ReplicaSetStatusView | undefined {
    if ((rsSpec(rs).minReadySeconds ?? 0) > 0) return undefined;
    for (const pod of this.pods.liveOrphans(namespace)) if (isPodActive(pod)) return undefined;
    const counts = this.countsOf(rs);
    if (counts.notSelected > 0) return undefined;
    const { active, fullyLabeled, ready } = counts;
    if (!rs.metadata.deletionTimestamp) {
      const missing = specReplicas(rs) - active;
      if (missing < 0) return undefined;
      const count = Math.min(missing, BURST_REPLICAS);
      for (let i = 0; i < count; i++) this.createPod(rs);
    }
    return this.statusOf(rs, active, fullyLabeled, ready, ready);
  }

  /** `syncReplicaSet`: claim pods, create or delete to match `spec.replicas`, write status. */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.host.store.get("ReplicaSet", namespace, name);
    if (!rs) return;
    let status = this.countedSync(rs, namespace);
    if (!status) {
      // The active pods it controls, then the active orphans: a copy, since claiming changes the index.
      const candidates: ApiObject[] = [];
      const facts: DeletionFacts[] = [];
      for (const f of this.pods.liveFactsControlledBy(rs.metadata.uid)) {
        if (!isPodActive(f.pod)) continue;
        candidates.push(f.pod);
        facts.push(f);
      }
      const controlled = candidates.length;
      for (const pod of this.pods.liveOrphans(namespace)) if (isPodActive(pod)) candidates.push(pod);
      const claimsAll = candidates.length === controlled && this.selectsAllItControls(rs);
      const pods = claimsAll ? candidates : this.claimPods(rs, candidates);
      // Why the counts can stand for `calculateStatus` here: they are current (see `countedSync`)
      // and, as `selectsAllItControls` says, count exactly these pods; read before the deletes.
      const counts = claimsAll ? this.counts.get(rs.metadata.uid ?? "") : undefined;
      const counted =
        counts && counts.active === pods.length && (rsSpec(rs).minReadySeconds ?? 0) <= 0
          ? this.statusOf(rs, counts.active, counts.fullyLabeled, counts.ready, counts.ready)
          : undefined;
      if (!rs.metadata.deletionTimestamp)
        this.manageReplicas(rs, pods, claimsAll && this.pods.factsCurrent ? facts : undefined);
      // Why (syncReplicaSet): the status counts the pods as listed before this sync's creates and
      // deletes; the watch events of those changes bring the next sync.
      status = counted ?? this.calculateStatus(rs, pods);
    }
    if (!jsonEqual(status, rs.status ?? {})) {
      rs.status = sortKeysDeep(status) as Record<string, unknown>;
      this.host.store.touch(rs);
    }
    // Why (syncReplicaSet): all ready but not yet available means a minReadySeconds wait; check again then.
    const minReady = rsSpec(rs).minReadySeconds ?? 0;
    const replicas = specReplicas(rs);
    if (
      minReady > 0 &&
      (status.readyReplicas ?? 0) === replicas &&
      (status.availableReplicas ?? 0) !== replicas
    ) {
      this.enqueue(rs, minReady * 1000);
    }
  }

  /**
   * Whether the ReplicaSet's kept counts, when it has current ones, say that its selector selects
   * every active pod it controls: then, with no active orphan to adopt, `claimPods` would claim
   * exactly the candidates and change nothing (as `countedSync` relies on too).
   */
  private selectsAllItControls(rs: ApiObject): boolean {
    const counts = this.counts.get(rs.metadata.uid ?? "");
    const spec = rsSpec(rs);
    return (
      !!counts &&
      counts.notSelected === 0 &&
      counts.isFor(spec.selector, spec.template?.metadata?.labels ?? {})
    );
  }

  /**
   * `claimPods` (ControllerRefManager): pods controlled by this ReplicaSet that it still selects,
   * plus orphans it selects (adopted); controlled pods it no longer selects are released.
   */
  private claimPods(rs: ApiObject, pods: ApiObject[]): ApiObject[] {
    const matches = compileSelector(rsSpec(rs).selector);
    const uid = rs.metadata.uid;
    const claimed: ApiObject[] = [];
    for (const pod of pods) {
      const ref = controllerOf(pod);
      if (ref) {
        if (ref.uid !== uid) continue;
        if (matches(pod.metadata.labels)) claimed.push(pod);
        else {
          pod.metadata.ownerReferences = (pod.metadata.ownerReferences as { uid: string }[]).filter(
            (r) => r.uid !== uid,
          );
          this.host.store.touch(pod);
        }
        continue;
      }
      if (rs.metadata.deletionTimestamp || !matches(pod.metadata.labels)) continue;
      const refs = (pod.metadata.ownerReferences as unknown[] | undefined) ?? [];
      pod.metadata.ownerReferences = [...refs, newControllerRef(rs)];
      this.host.store.touch(pod);
      claimed.push(pod);
    }
    return claimed;
  }

  /**
   * `manageReplicas`: one sync creates or deletes up to `BurstReplicas` pods. `facts`, when given,
   * are the index's `DeletionFacts` of `pods`, in the same order.
   */
  private manageReplicas(rs: ApiObject, pods: ApiObject[], facts: DeletionFacts[] | undefined): void {
    const diff = pods.length - specReplicas(rs);
    if (diff < 0) {
      const count = Math.min(-diff, BURST_REPLICAS);
      for (let i = 0; i < count; i++) this.createPod(rs);
      return;
    }
    if (diff === 0) return;
    const count = Math.min(diff, BURST_REPLICAS);
    const now = this.host.clock.now();
    const start = this.host.startTimeMs();
    const victims = facts
      ? podsToDeleteFrom(facts, this.relatedFacts(rs), count, now, start)
      : podsToDelete(pods, this.relatedPods(rs), count, now, start, isPodActive);
    for (const pod of victims) {
      const err = this.host.delete("Pod", pod.metadata.namespace ?? "default", pod.metadata.name, {});
      if (err) {
        this.host.recordEvent(involved(rs), "Warning", "FailedDelete", `Error deleting: ${err}`, {
          component: REPLICASET_CONTROLLER,
        });
        continue;
      }
      this.host.recordEvent(involved(rs), "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, {
        component: REPLICASET_CONTROLLER,
      });
    }
  }

  /** `getIndirectlyRelatedPods`: pods of every ReplicaSet that shares this one's controller. */
  private relatedPods(rs: ApiObject): ApiObject[] {
    const related: ApiObject[] = [];
    for (const f of this.relatedFacts(rs)) related.push(f.pod);
    return related;
  }

  /** `relatedPods`' `DeletionFacts`, from the index. */
  private relatedFacts(rs: ApiObject): DeletionFacts[] {
    const owner = controllerOf(rs);
    const ns = rs.metadata.namespace;
    const family = owner
      ? this.host.store.list("ReplicaSet", ns).filter((r) => controllerOf(r)?.uid === owner.uid)
      : [rs];
    const related: DeletionFacts[] = [];
    for (const r of family) for (const f of this.pods.liveFactsControlledBy(r.metadata.uid)) related.push(f);
    return related;
  }

  /** `GetPodFromTemplate` + create: the API server names it from `generateName`. */
  private createPod(rs: ApiObject): void {
    const ns = rs.metadata.namespace ?? "default";
    const template = rsSpec(rs).template ?? {};
    const prefix = `${rs.metadata.name}-`;
    const base = prefix.length > MAX_GENERATED_BASE ? prefix.slice(0, MAX_GENERATED_BASE) : prefix;
    let name = base + this.names.kubeSuffix(5);
    while (this.host.store.get("Pod", ns, name)) name = base + this.names.kubeSuffix(5);
    const metadata: ApiObject["metadata"] = {
      name,
      generateName: prefix,
      namespace: ns,
      labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [newControllerRef(rs)],
    };
    if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
    const err = this.host.create(this.newPod(rs, metadata));
    if (err) {
      this.host.recordEvent(involved(rs), "Warning", "FailedCreate", `Error creating: ${err}`, {
        component: REPLICASET_CONTROLLER,
      });
      return;
    }
    this.host.recordEvent(involved(rs), "Normal", "SuccessfulCreate", `Created pod: ${name}`, {
      component: REPLICASET_CONTROLLER,
    });
  }

  /**
   * The Pod the API server stores for this metadata and the ReplicaSet's template: defaulted, keys
   * sorted. Its spec is a copy of the one made for the template's spec as last seen; the template
   * is compared with the copy that one was made from, so an edited template makes a new one.
   */
  private newPod(rs: ApiObject, metadata: ApiObject["metadata"]): ApiObject {
    const templateSpec: unknown = rsSpec(rs).template?.spec ?? {};
    const uid = rs.metadata.uid ?? "";
    let made = this.podSpecs.get(uid);
    if (!made || !samePlainData(made.templateSpec, templateSpec)) {
      const pod = { apiVersion: "v1", kind: "Pod", metadata: {}, spec: deepCopy(templateSpec) };
      kindHandler("v1", "Pod")?.applyDefaults(pod as unknown as Record<string, unknown>);
      const podSpec = sortKeysDeep(pod.spec);
      made = { templateSpec: deepCopy(templateSpec), podSpec, tree: isPlainTree(podSpec) };
      this.podSpecs.set(uid, made);
    }
    // Why this equals sortKeysDeep of the defaulted pod: Pod defaulting reads and writes only the
    // spec, and a deep copy of a key-sorted tree keeps its order; the top-level keys are in order.
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: sortKeysDeep(metadata),
      // Why `copyPlainTree` may stand for `deepCopy` when `tree` says so: `podSpec` is this
      // controller's own and never changed after it was checked (pods get copies of it).
      spec: (made.tree ? copyPlainTree(made.podSpec) : deepCopy(made.podSpec)) as Record<string, unknown>,
    };
  }

  /** `calculateStatus` (replica_set_utils.go). */
  private calculateStatus(rs: ApiObject, pods: ApiObject[]): ReplicaSetStatusView {
    const spec = rsSpec(rs);
    const templateLabels = Object.entries(spec.template?.metadata?.labels ?? {});
    const minReady = spec.minReadySeconds ?? 0;
    const now = this.host.clock.now();
    const start = this.host.startTimeMs();
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    for (const pod of pods) {
      const labels = pod.metadata.labels ?? {};
      if (hasLabels(labels, templateLabels)) fullyLabeled++;
      if (isPodReady(pod)) {
        ready++;
        if (minReady <= 0 || isPodAvailable(pod, minReady, now, start)) available++;
      }
    }
    return this.statusOf(rs, pods.length, fullyLabeled, ready, available);
  }

  /** The status `calculateStatus` writes for these counts. */
  private statusOf(
    rs: ApiObject,
    replicas: number,
    fullyLabeled: number,
    ready: number,
    available: number,
  ): ReplicaSetStatusView {
    const status: ReplicaSetStatusView = { replicas };
    if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    status.observedGeneration = generationOf(rs);
    const conditions = rsStatus(rs).conditions;
    if (conditions?.length) status.conditions = conditions;
    return status;
  }
}

/** Whether `labels` carry every one of `wanted` (a template's labels, as entries). */
function hasLabels(labels: Record<string, string>, wanted: [string, string][]): boolean {
  for (const [k, v] of wanted) if (labels[k] !== v) return false;
  return true;
}
