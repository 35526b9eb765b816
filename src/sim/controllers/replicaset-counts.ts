/**
 * A ReplicaSet's pod counts kept current from pod events, as the controller's informer cache lets
 * it keep them: how many of the pods it controls are active, how many of those its selector no
 * longer selects, and how many carry its template's labels and are Ready. A sync that would claim
 * exactly its active pods (none to release, no orphan to adopt) reads its status from these
 * instead of walking every pod — a rollout of N pods has about N syncs.
 */
import type { LabelSelector } from "../api/types.ts";
import type { ApiObject } from "../kubectl/api.ts";
import { deepCopy } from "./deep-copy.ts";
import { jsonEqual } from "./json-equal.ts";
import { compileSelector } from "./meta.ts";
import { isPodActive, isPodReady } from "./pods.ts";

/** What one pod adds to the counts, as bits (a number per pod rather than an object). */
const ACTIVE = 1;
const SELECTED = 2;
const FULLY_LABELED = 4;
const READY = 8;

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
  private readonly flags = new Map<string, number>();
  private readonly selects: (labels: Record<string, string> | undefined) => boolean;
  private readonly templateLabels: [string, string][];
  /** Copies of the selector and template labels the counts were made for. */
  private readonly madeFor: { selector: unknown; labels: unknown };

  constructor(selector: LabelSelector | undefined, templateLabels: Record<string, string>) {
    this.selects = compileSelector(selector);
    this.templateLabels = Object.entries(templateLabels);
    this.madeFor = { selector: deepCopy(selector ?? null), labels: deepCopy(templateLabels) };
  }

  /**
   * Whether the counts were made for this selector and these template labels (semantically equal
   * ones, as `canonicalJson` compares them); when not, a ReplicaSet's spec changed under them.
   */
  isFor(selector: LabelSelector | undefined, templateLabels: Record<string, string>): boolean {
    return (
      jsonEqual(this.madeFor.selector, selector ?? null) && jsonEqual(this.madeFor.labels, templateLabels)
    );
  }

  /** Counts a pod as it is now (again, if it was counted before). */
  set(pod: ApiObject): void {
    const uid = pod.metadata.uid ?? "";
    const labels = pod.metadata.labels;
    let fullyLabeled = true;
    for (const [k, v] of this.templateLabels) {
      if (labels?.[k] !== v) {
        fullyLabeled = false;
        break;
      }
    }
    const f =
      (isPodActive(pod) ? ACTIVE : 0) |
      (this.selects(labels) ? SELECTED : 0) |
      (fullyLabeled ? FULLY_LABELED : 0) |
      (isPodReady(pod) ? READY : 0);
    const was = this.flags.get(uid);
    if (was !== undefined) this.add(was, -1);
    this.flags.set(uid, f);
    this.add(f, 1);
  }

  /** Stops counting a pod (deleted, or no longer controlled by this ReplicaSet). */
  remove(uid: string): void {
    const f = this.flags.get(uid);
    if (f === undefined) return;
    this.flags.delete(uid);
    this.add(f, -1);
  }

  private add(f: number, sign: 1 | -1): void {
    if (!(f & ACTIVE)) return;
    this.active += sign;
    if (!(f & SELECTED)) {
      this.notSelected += sign;
      return;
    }
    if (f & FULLY_LABELED) this.fullyLabeled += sign;
    if (f & READY) this.ready += sign;
  }
}
