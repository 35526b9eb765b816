/**
 * Golden-test normalisation: a timeline and command records reduced to the facts that matter
 * (times rounded to 10 ms, ids and random suffixes replaced, long outputs as a digest), so goldens
 * are readable and stable.
 */
import type { CommandRecord } from "../simulation.ts";
import type { Timeline } from "../timeline/types.ts";

const round = (ms: number) => Math.round(ms / 10) / 100;

/** Replaces container ids, uids and resource versions with placeholders. */
export function scrub(text: string): string {
  return text
    .replace(/("resourceVersion": ?)"\d+"/g, '$1"<rv>"')
    .replace(/(resourceVersion: )"\d+"/g, '$1"<rv>"')
    .replace(/containerd:\/\/[0-9a-f]{64}/g, "containerd://<id>")
    .replace(/sha256:[0-9a-f]{64}/g, "sha256:<digest>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, "<uid>");
}

/** Outputs longer than this are kept as a line count and a digest, not verbatim. */
const VERBATIM_LIMIT = 2000;

/** FNV-1a of a text, as 8 hex digits: enough to notice any change in a long output. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

function output(text: string): string {
  const t = scrub(text);
  return t.length <= VERBATIM_LIMIT ? t : `<${t.split("\n").length} lines, fnv1a ${digest(t)}>`;
}

/** The normalised form of a run. */
export function normalise(timeline: Timeline, records: CommandRecord[]) {
  return {
    pods: timeline.pods.map((p) => ({
      name: p.name,
      node: p.nodeName,
      deletedAt: p.deletedMs === undefined ? undefined : round(p.deletedMs),
      lanes: Object.fromEntries(
        p.lanes.map((l) => [l.name, l.spans.map((s) => `${round(s.startMs)}-${round(s.endMs)} ${s.value}`)]),
      ),
      containers: p.containers.map((c) => ({
        name: c.name,
        kind: c.kind,
        spans: c.spans.map((s) => `${round(s.startMs)}-${round(s.endMs)} ${s.kind}: ${s.label}`),
        marks: c.marks.map((m) => `${round(m.atMs)} ${m.label}`),
        probes: Object.fromEntries(
          c.probes.map((pr) => [
            pr.type,
            pr.attempts.map(
              (a) =>
                `${round(a.atMs)} ${a.result}${a.output ? `: ${scrub(a.output).trim().slice(0, 80)}` : ""}`,
            ),
          ]),
        ),
      })),
    })),
    events: timeline.events.map(
      (e) =>
        `${round(e.atMs)} ${e.type} ${e.reason} ${e.object.kind.toLowerCase()}/${e.object.name}${e.object.fieldPath ? ` ${e.object.fieldPath}` : ""}: ${scrub(e.message)}`,
    ),
    commands: records.map((r) => ({
      at: round(r.atMs),
      end: round(r.endMs),
      command: r.command,
      exitCode: r.exitCode,
      stdout: output(r.stdout),
      stderr: output(r.stderr),
    })),
  };
}
