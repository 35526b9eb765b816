/**
 * A ReplicaSet's pod counts kept current from pod events, as the controller's informer cache lets
 * it keep them: how many of the pods it controls are active, how many of those its selector no
 * longer selects, and how many carry its template's labels and are Ready. A sync that would claim
 * exactly its active pods (none to release, no orphan to adopt) reads its status from these
 * instead of walking every pod — a rollout of N pods has about N syncs.
 */
import type { LabelSelector } from "../api/types.ts";
import type { ApiObject } from "../kubectl/api.ts";
import { canonicalJson, compileSelector } from "./meta.ts";
import { isPodActive, isPodReady } from "./pods.ts";

/** What one pod adds to the counts. */
interface PodFlags {
  active: boolean;
  selected: boolean;
  fullyLabeled: boolean;
  ready: boolean;
}

/** The counts for one selector and one set of template labels. */
export class ReplicaSetCounts {
  /** Active pods. */
  active = 0;
  /** Active pods the selector does not select (a sync releases them). */
  notSelected = 0;
  /** Active, selected pods carrying every template label. */
  fullyLabeled = 0;
  /** Active, selected pods whose Ready condition is True. */
  ready = 0;
  private readonly flags = new Map<string, PodFlags>();
  private readonly selects: (labels: Record<string, string> | undefined) => boolean;
  private readonly templateLabels: [string, string][];

  constructor(
    /** `canonicalJson` of the selector and of the template labels the counts were made for. */
    readonly key: string,
    selector: LabelSelector | undefined,
    templateLabels: Record<string, string>,
  ) {
    this.selects = compileSelector(selector);
    this.templateLabels = Object.entries(templateLabels);
  }

  /** The key of a ReplicaSet's selector and template labels, to tell when counts are out of date. */
  static keyOf(selector: LabelSelector | undefined, templateLabels: Record<string, string>): string {
    return `${canonicalJson(selector ?? null)}|${canonicalJson(templateLabels)}`;
  }

  /** Counts a pod as it is now (again, if it was counted before). */
  set(pod: ApiObject): void {
    const uid = pod.metadata.uid ?? "";
    this.remove(uid);
    const labels = pod.metadata.labels;
    const f: PodFlags = {
      active: isPodActive(pod),
      selected: this.selects(labels),
      fullyLabeled: this.templateLabels.every(([k, v]) => labels?.[k] === v),
      ready: isPodReady(pod),
    };
    this.flags.set(uid, f);
    this.add(f, 1);
  }

  /** Stops counting a pod (deleted, or no longer controlled by this ReplicaSet). */
  remove(uid: string): void {
    const f = this.flags.get(uid);
    if (!f) return;
    this.flags.delete(uid);
    this.add(f, -1);
  }

  private add(f: PodFlags, sign: 1 | -1): void {
    if (!f.active) return;
    this.active += sign;
    if (!f.selected) {
      this.notSelected += sign;
      return;
    }
    if (f.fullyLabeled) this.fullyLabeled += sign;
    if (f.ready) this.ready += sign;
  }
}
