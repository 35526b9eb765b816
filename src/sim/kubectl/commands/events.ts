/**
 * `kubectl events [--for TYPE/NAME] [--types=Warning,…] [-A] [-o json|yaml]` (pkg/cmd/events):
 * events sorted by last seen, with describe-style ages (`4s (x3 over 78s)`) and `Kind/name`.
 */
import type { ApiEvent } from "../api.ts";
import type { FlagSpec } from "../args.ts";
import type { Invocation } from "../context.ts";
import { parseTimestamp, since } from "../duration.ts";
import { clientError } from "../errors.ts";
import { formatObjects } from "../printers/output-format.ts";
import { TABLE_TABWRITER, tabwrite } from "../printers/tabwriter.ts";
import { resolveResource } from "../resources.ts";

/** Flags of `kubectl events`. */
export const EVENTS_FLAGS: FlagSpec[] = [
  { name: "for", kind: "string" },
  { name: "types", kind: "strings" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "no-headers", kind: "bool" },
  { name: "watch", short: "w", kind: "bool" },
  { name: "chunk-size", kind: "int" },
];

/** `getInterval`: the first-seen age, or `LAST (xN over FIRST)` for repeated events. */
function interval(e: ApiEvent, now: number): string {
  // Kubelet events have no eventTime in a real cluster: the whole-second firstTimestamp counts.
  const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  return e.count > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
}

/** Runs `kubectl events`. */
export function events(inv: Invocation): number {
  const { flags, api, out } = inv;
  if (flags.bool("watch"))
    throw clientError("--watch is not supported in Podlife: run the command again later");
  const all = flags.bool("all-namespaces");
  let list = api.events(all ? undefined : inv.namespace);
  const forText = flags.string("for");
  if (forText !== undefined) {
    const slash = forText.indexOf("/");
    if (slash < 0) throw clientError(`--for must be in resource/name form`);
    const type = resolveResource(forText.slice(0, slash));
    if (!type) throw clientError(`the server doesn't have a resource type "${forText.slice(0, slash)}"`);
    const name = forText.slice(slash + 1);
    list = list.filter((e) => e.involvedObject.kind === type.kind && e.involvedObject.name === name);
  }
  const types = flags.strings("types").flatMap((t) => t.split(","));
  for (const t of types) {
    if (t !== "Normal" && t !== "Warning") throw clientError(`valid --types are Normal or Warning`);
  }
  if (types.length > 0) list = list.filter((e) => types.includes(e.type));
  // Why (events.go SortableEvents): ordered by last timestamp (event time when unset).
  const lastOf = (e: ApiEvent) => parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime) ?? 0;
  list = list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => lastOf(a.e) - lastOf(b.e) || a.i - b.i)
    .map((x) => x.e);

  const output = flags.string("output") ?? "";
  if (output !== "") {
    const r = formatObjects(output, list, false);
    if (!r.ok) throw clientError(r.error.replace(/^error: /, ""));
    out.out(r.text);
    return 0;
  }
  if (list.length === 0) {
    out.err(all ? "No events found.\n" : `No events found in ${inv.namespace} namespace.\n`);
    return 0;
  }
  const now = inv.now();
  const lines: string[] = [];
  if (!flags.bool("no-headers"))
    lines.push(`${all ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`);
  for (const e of list) {
    const ns = all ? `${e.metadata.namespace ?? ""}\t` : "";
    const io = e.involvedObject;
    lines.push(
      `${ns}${interval(e, now)}\t${e.type}\t${e.reason}\t${io.kind}/${io.name}\t${(e.message ?? "").trim()}`,
    );
  }
  out.out(tabwrite(`${lines.join("\n")}\n`, TABLE_TABWRITER));
  return 0;
}
