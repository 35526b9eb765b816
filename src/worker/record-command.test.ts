import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { formatAt, recordCommand } from "./record-command.ts";

const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the pod\nspec:\n  containers:\n  - {name: nginx, image: nginx}\n";

function timelineOf(text: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error("no documents");
  const scenario = docs.map((d) => d.toJS() as { kind?: string; spec: { timeline: unknown } });
  return scenario.find((o) => o?.kind === "Scenario")?.spec.timeline;
}

describe("recordCommand", () => {
  it("appends a Scenario document when there is none, leaving the rest as it was", () => {
    const r = recordCommand(POD, 30_000, "kubectl delete pod web");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(POD)).toBe(true);
    expect(timelineOf(r.text)).toEqual([{ at: "30s", run: "kubectl delete pod web" }]);
  });

  it("adds to an existing timeline in time order, keeping comments", () => {
    const text = `${POD}---\napiVersion: podlife.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  seed: 3 # fixed\n  timeline:\n  - at: 10s\n    run: kubectl get pods\n  - at: 1m\n    run: kubectl get pods -o wide\n`;
    const r = recordCommand(text, 20_500, "kubectl exec web -- ls /");
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toContain("# the pod");
    expect(r.text).toContain("# fixed");
    expect(timelineOf(r.text)).toEqual([
      { at: "10s", run: "kubectl get pods" },
      { at: "20500ms", run: "kubectl exec web -- ls /" },
      { at: "1m", run: "kubectl get pods -o wide" },
    ]);
  });

  it("creates spec.timeline in a Scenario document that has none", () => {
    const text = `${POD}---\napiVersion: podlife.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  seed: 3\n`;
    const r = recordCommand(text, 90_000, "kubectl delete pod web");
    if (!r.ok) throw new Error(r.message);
    expect(timelineOf(r.text)).toEqual([{ at: "1m30s", run: "kubectl delete pod web" }]);
  });

  it("refuses broken YAML", () => {
    expect(recordCommand("a: b: c", 0, "kubectl get pods").ok).toBe(false);
  });

  it.each([
    [0, "0s"],
    [30_000, "30s"],
    [90_000, "1m30s"],
    [3_600_000, "1h"],
    [1500, "1500ms"],
  ])("formats %d ms as %s", (ms, at) => {
    expect(formatAt(ms)).toBe(at);
  });
});
