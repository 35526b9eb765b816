/**
 * The simulator's public surface: load a scenario text and simulate it. Pure and deterministic:
 * the same text, seed and range give the same timeline in the browser worker and in Node.
 */
import { parseAllDocuments } from "yaml";
import type { Diagnostic } from "./scenario/types.ts";
import type { ContainerTrack, PodTrack, Timeline } from "./timeline/types.ts";

export type { Diagnostic } from "./scenario/types.ts";
export type * from "./timeline/types.ts";

/** Options for a simulation run. */
export interface SimulateOptions {
  /** Simulate up to this virtual time (default 5 minutes). */
  untilMs?: number;
  /** Overrides the Scenario document's seed. */
  seed?: number;
}

/** A timeline, or the diagnostics that stopped the scenario from loading. */
export type SimulateResult =
  | { ok: true; timeline: Timeline; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Simulates a scenario text.
 * PLACEHOLDER (walking skeleton): pull → running per container; replaced by the kubelet engine.
 */
export function simulate(text: string, opts: SimulateOptions = {}): SimulateResult {
  const untilMs = opts.untilMs ?? 300_000;
  const docs = parseAllDocuments(text);
  const diagnostics: Diagnostic[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((d, i) => {
    for (const e of d.errors) {
      const pos = e.linePos?.[0];
      diagnostics.push({
        severity: "error",
        document: i + 1,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        message: e.message.split("\n")[0] ?? e.message,
        code: "yaml",
      });
    }
  });
  if (diagnostics.length) return { ok: false, diagnostics };
  const pods: PodTrack[] = [];
  for (const d of list) {
    const o = d.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { containers?: { name: string; image: string }[] } };
    if (o?.kind !== "Pod") continue;
    const containers: ContainerTrack[] = (o.spec?.containers ?? []).map((c, i) => ({
      name: String(c.name),
      kind: "regular",
      image: String(c.image),
      spans: [
        { kind: "pulling", startMs: 1000 + i * 2000, endMs: 3000 + i * 2000, label: "Pulling" },
        { kind: "running", startMs: 3000 + i * 2000, endMs: untilMs, label: "Running", ready: true },
      ],
      marks: [],
      probes: [],
    }));
    pods.push({
      uid: `uid-${pods.length}`,
      name: o.metadata?.name ?? "pod",
      namespace: "default",
      createdMs: 0,
      containers,
      lanes: [],
    });
  }
  return { ok: true, timeline: { version: 1, startTimeMs: 0, endMs: untilMs, pods, events: [] }, diagnostics };
}
