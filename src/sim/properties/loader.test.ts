/**
 * The scenario loader is the one place that decodes untrusted text: on any input it returns a
 * simulation or diagnostics, never throws; and whatever it accepts, the simulator can run.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { createSimulation } from "../index.ts";
import { loadScenario } from "../scenario/load.ts";
import { mutatedScenarioText, oddPodText, yamlishText } from "./arbitraries.ts";
import { fcParams } from "./params.ts";

/** Problems with a load result: thrown errors, rejected text without an error, malformed diagnostics. */
function loadProblems(text: string): string[] {
  const out: string[] = [];
  const loaded = loadScenario(text);
  const diagnostics = loaded.ok ? loaded.scenario.diagnostics : loaded.diagnostics;
  if (!loaded.ok && !diagnostics.some((d) => d.severity === "error"))
    out.push(`rejected without an error diagnostic: ${JSON.stringify(diagnostics)}`);
  const lines = text.split("\n").length;
  for (const d of diagnostics) {
    if (typeof d.message !== "string" || d.message.length === 0)
      out.push(`empty message: ${JSON.stringify(d)}`);
    if (d.line !== undefined && !(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1))
      out.push(`line ${d.line} outside 1–${lines}: ${JSON.stringify(d)}`);
    if (d.column !== undefined && !(Number.isInteger(d.column) && d.column >= 1))
      out.push(`bad column: ${JSON.stringify(d)}`);
  }
  return out;
}

/** Loads and runs the text; any throw fails the property. */
function check(text: string): void {
  loadAndRun(text);
}

/** Loads the text and, when it loads, simulates 20 seconds and lists the pods. */
function loadAndRun(text: string): void {
  const problems = loadProblems(text);
  if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- text\n${text}`);
  const created = createSimulation(text);
  if (!created.ok) return;
  const sim = created.simulation;
  sim.runUntil(20_000);
  const r = sim.run("kubectl get pods -o wide");
  if (r.stderr.includes("internal error")) throw new Error(`${r.stderr}\n--- text\n${text}`);
  sim.timeline();
}

describe("scenario loader on arbitrary text", { timeout: 120_000 }, () => {
  it("returns diagnostics, never throws, on YAML-ish noise", () => {
    fc.assert(
      fc.property(yamlishText, (t) => check(t)),
      fcParams(100),
    );
  });

  it("returns diagnostics, never throws, on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (t) => check(t)),
      fcParams(100),
    );
  });

  it("loads or rejects edited scenarios, and runs what it loads", () => {
    fc.assert(
      fc.property(mutatedScenarioText, (t) => check(t)),
      fcParams(25),
    );
  });

  it("validates odd field values instead of crashing, and runs what it accepts", () => {
    fc.assert(
      fc.property(oddPodText, (t) => check(t)),
      fcParams(50),
    );
  });
});
