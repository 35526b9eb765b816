/**
 * The ReplicaSet controller's pod index: an event "changes" a pod exactly when something a sync
 * reads from it (owner, phase, deletion, Ready condition, node, labels as JSON) differs from what
 * it saw last, including labels edited in place on the same object.
 */
import { describe, expect, it } from "vitest";
import type { ApiObject } from "../kubectl/api.ts";
import { currentFacts, deletionFacts } from "./active-pods.ts";
import { PodIndex } from "./pod-index.ts";
import type { WatchEventType } from "./watch.ts";

function pod(labels: Record<string, unknown> | undefined = { app: "web" }): ApiObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "web-1",
      namespace: "default",
      uid: "u1",
      labels: labels as Record<string, string>,
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "rs-1", controller: true },
      ],
    },
    spec: {},
    status: { phase: "Pending" },
  };
}

function indexWith(p: ApiObject) {
  const index = new PodIndex();
  const see = (type: WatchEventType = "MODIFIED") => index.observe({ type, object: p });
  expect(see("ADDED")).toBe(true);
  return { index, see };
}

describe("PodIndex.observe", () => {
  it("reports an event that changes nothing a sync reads as unchanged", () => {
    const p = pod();
    const { see } = indexWith(p);
    expect(see()).toBe(false);
    (p.status as Record<string, unknown>).containerStatuses = [{ restartCount: 1 }];
    expect(see()).toBe(false);
  });

  it("sees phase, deletion, Ready, node and owner changes", () => {
    const p = pod();
    const { see, index } = indexWith(p);
    const status = p.status as { phase: string; conditions?: unknown[] };
    status.phase = "Running";
    expect(see()).toBe(true);
    status.conditions = [{ type: "Ready", status: "False" }];
    expect(see()).toBe(true);
    status.conditions = [{ type: "Ready", status: "False", lastTransitionTime: "2025-01-01T00:00:01Z" }];
    expect(see()).toBe(true);
    status.conditions = [{ type: "Ready", status: "True", lastTransitionTime: "2025-01-01T00:00:01Z" }];
    expect(see()).toBe(true);
    expect(see()).toBe(false);
    (p.spec as Record<string, unknown>).nodeName = "node-1";
    expect(see()).toBe(true);
    p.metadata.deletionTimestamp = "2025-01-01T00:00:31Z";
    expect(see()).toBe(true);
    p.metadata.ownerReferences = [];
    expect(see()).toBe(true);
    expect(index.controlledBy("rs-1")).toEqual([]);
    expect(index.orphans("default")).toEqual([p]);
    expect(see("DELETED")).toBe(true);
    expect(index.orphans("default")).toEqual([]);
  });

  it("compares labels as their JSON text, whether edited in place or replaced", () => {
    const p = pod({ app: "web", tier: "a" });
    const { see } = indexWith(p);
    const labels = p.metadata.labels as Record<string, string>;
    labels.tier = "b";
    expect(see()).toBe(true);
    expect(see()).toBe(false);
    delete labels.tier;
    expect(see()).toBe(true);
    labels.tier = "b";
    expect(see()).toBe(true);
    // The same labels in another order make another JSON text.
    p.metadata.labels = { tier: "b", app: "web" };
    expect(see()).toBe(true);
    // An equal copy is no change.
    p.metadata.labels = { tier: "b", app: "web" };
    expect(see()).toBe(false);
    expect(see()).toBe(false);
    p.metadata.labels = undefined;
    expect(see()).toBe(true);
    p.metadata.labels = {};
    expect(see()).toBe(false);
  });

  it("compares labels with values that are not strings by their JSON text", () => {
    const p = pod({ app: "web", n: 1 });
    const { see } = indexWith(p);
    expect(see()).toBe(false);
    (p.metadata.labels as Record<string, unknown>).n = "1";
    expect(see()).toBe(true);
    expect(see()).toBe(false);
    (p.metadata.labels as Record<string, unknown>).n = 1;
    expect(see()).toBe(true);
    // An undefined value is left out of the JSON text, as a missing label is.
    p.metadata.labels = { app: "web", n: 1, gone: undefined } as unknown as Record<string, string>;
    expect(see()).toBe(false);
  });

  it("treats a label set to undefined in place as absent, as JSON does", () => {
    const p = pod({ app: "web", "0": "zero" });
    const { see } = indexWith(p);
    const labels = p.metadata.labels as Record<string, unknown>;
    labels.gone = undefined;
    expect(see()).toBe(false);
    labels.gone = "back";
    expect(see()).toBe(true);
    p.metadata.labels = ["web"] as unknown as Record<string, string>;
    expect(see()).toBe(true);
    p.metadata.labels = { "0": "web" };
    expect(see()).toBe(true);
    p.metadata.labels = JSON.parse('{"__proto__": "x", "app": "web"}') as Record<string, string>;
    expect(see()).toBe(true);
    p.metadata.labels = JSON.parse('{"__proto__": "x", "app": "web", "n": null}') as Record<string, string>;
    expect(see()).toBe(true);
    p.metadata.labels = JSON.parse('{"__proto__": "x", "app": "web", "n": null}') as Record<string, string>;
    expect(see()).toBe(false);
  });
});

describe("PodIndex deletion facts", () => {
  it("keeps each pod's facts as the pod reads now, through every change and owner move", () => {
    const p = pod();
    const { see, index } = indexWith(p);
    const facts = () => [...index.liveFactsControlledBy("rs-1")];
    const status = p.status as Record<string, unknown>;
    const check = () => {
      see();
      const owned = facts();
      if (owned.length === 0) return;
      expect(owned).toHaveLength(1);
      expect(owned[0]!.stale).toBe(true);
      expect({ ...currentFacts(owned[0]!) }).toEqual(deletionFacts(p));
      expect(owned[0]!.stale).toBe(false);
      expect(owned[0]!.pod).toBe(p);
    };
    check();
    const kept = facts()[0];
    status.phase = "Running";
    check();
    // Changes the index does not call changes (restarts, deletion cost) still reach the facts.
    status.containerStatuses = [{ restartCount: 3 }];
    check();
    status.initContainerStatuses = [{ restartCount: 1 }];
    check();
    p.metadata.annotations = { "controller.kubernetes.io/pod-deletion-cost": "-5" };
    check();
    p.metadata.creationTimestamp = "2025-01-01T00:00:00Z";
    status.conditions = [{ type: "Ready", status: "True", lastTransitionTime: "2025-01-01T00:00:07Z" }];
    check();
    (p.spec as Record<string, unknown>).nodeName = "node-2";
    check();
    p.metadata.deletionTimestamp = "2025-01-01T00:00:31Z";
    check();
    expect(facts()[0]).toBe(kept);
    // Released and adopted again: the facts move with the pod.
    const refs = p.metadata.ownerReferences;
    p.metadata.ownerReferences = [];
    see();
    expect(facts()).toEqual([]);
    p.metadata.ownerReferences = refs;
    check();
    see("DELETED");
    expect(facts()).toEqual([]);
  });

  it("stops vouching for the facts when a second object arrives under the same uid", () => {
    const p = pod();
    const { see, index } = indexWith(p);
    expect(see()).toBe(false);
    expect(index.factsCurrent).toBe(true);
    const twin = structuredClone(p);
    expect(index.observe({ type: "MODIFIED", object: twin })).toBe(false);
    expect(index.factsCurrent).toBe(false);
    // The index still holds the object it had, as it always did.
    expect(index.controlledBy("rs-1")).toEqual([p]);
    expect(index.controlledBy("rs-1")[0]).toBe(p);
  });
});
