/**
 * Records a console action in the scenario text: the command becomes an entry of the Scenario
 * document's `spec.timeline` (`- at: 30s\n  run: kubectl delete pod web`), so the run can be
 * replayed and shared. Only the Scenario document is rewritten; when there is none, one is
 * appended. Runs in the worker, where the YAML library already is.
 */
import { isMap, isSeq, parseAllDocuments } from "yaml";

/** The `at` of a timeline entry for a virtual time: `30s`, `1m30s`, or `1500ms` when not whole seconds. */
export function formatAt(atMs: number): string {
  const ms = Math.max(0, Math.round(atMs));
  if (ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const out = `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${rest ? `${rest}s` : ""}`;
  return out || "0s";
}

function isScenarioDoc(js: unknown): boolean {
  const o = js as { apiVersion?: unknown; kind?: unknown } | null;
  return (
    !!o && typeof o === "object" && o.kind === "Scenario" && String(o.apiVersion).startsWith("podlife.dev/")
  );
}

/** The scenario text with `line` added to its timeline at `atMs`, or an error message. */
export function recordCommand(
  text: string,
  atMs: number,
  line: string,
): { ok: true; text: string } | { ok: false; message: string } {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { ok: false, message: "the scenario is empty" };
  if (docs.some((d) => d.errors.length > 0)) return { ok: false, message: "the scenario has YAML errors" };
  const entry = { at: formatAt(atMs), run: line };
  const scenario = docs.find((d) => isScenarioDoc(d.toJS()));
  if (!scenario) {
    const sep = text.endsWith("\n") || text === "" ? "" : "\n";
    return {
      ok: true,
      text: `${text}${sep}---\napiVersion: podlife.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: recorded\nspec:\n  timeline:\n  - at: ${entry.at}\n    run: ${JSON.stringify(line)}\n`,
    };
  }
  const spec = scenario.get("spec");
  if (spec !== undefined && !isMap(spec))
    return { ok: false, message: "the Scenario's spec is not a mapping" };
  const timeline = scenario.getIn(["spec", "timeline"]);
  if (timeline === undefined || timeline === null) {
    scenario.setIn(["spec", "timeline"], scenario.createNode([entry]));
  } else if (isSeq(timeline)) {
    // Keep the timeline in time order: insert after the last entry at or before this time.
    const items = timeline.items;
    let at = items.length;
    while (at > 0) {
      const prev = (items[at - 1] as { toJSON?: () => unknown })?.toJSON?.() as { at?: unknown } | undefined;
      const prevMs = typeof prev?.at === "string" ? parseAt(prev.at) : undefined;
      if (prevMs === undefined || prevMs <= atMs) break;
      at--;
    }
    items.splice(at, 0, scenario.createNode(entry));
  } else {
    return { ok: false, message: "the Scenario's spec.timeline is not a list" };
  }
  const [start, , end] = scenario.range;
  return { ok: true, text: `${text.slice(0, start)}${scenario.toString()}${text.slice(end)}` };
}

/** Reads a timeline `at` (`90s`, `1m30s`, `1500ms`, `2h`); undefined when it is something else. */
function parseAt(s: string): number | undefined {
  const t = s.trim();
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(t)) return undefined;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(m[1]) * unit[m[2]!]!;
  return ms;
}
