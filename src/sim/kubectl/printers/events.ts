/**
 * Events as kubectl shows them: the `kubectl get events` table (`printEvent`: LAST SEEN TYPE
 * REASON OBJECT MESSAGE, wide adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME) and the Events section
 * of `kubectl describe` (`DescribeEvents`, with `4s (x3 over 78s)` ages).
 */
import type { ApiEvent, ApiObject } from "../api.ts";
import { parseTimestamp, since } from "../duration.ts";
import type { PrefixWriter } from "./describe-writer.ts";
import type { Table } from "./table.ts";

/** Column names of the events table. */
export const EVENT_COLUMNS = ["Last Seen", "Type", "Reason", "Object", "Message"];
/** Columns with `-o wide`. */
export const EVENT_WIDE_COLUMNS = [
  "Last Seen",
  "Type",
  "Reason",
  "Object",
  "Subobject",
  "Source",
  "Message",
  "First Seen",
  "Count",
  "Name",
];

function formatSource(e: ApiEvent): string {
  const component = e.source?.component || e.reportingComponent || "";
  const host = e.source?.host || e.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

/** The events table (events in the order given: kubectl does not sort them). */
export function eventTable(events: ApiEvent[], nowEpochMs: number, wide: boolean): Table {
  return {
    columns: wide ? EVENT_WIDE_COLUMNS : EVENT_COLUMNS,
    rows: events.map((e) => {
      const first = e.firstTimestamp ? since(e.firstTimestamp, nowEpochMs) : since(e.eventTime, nowEpochMs);
      const last = e.lastTimestamp ? since(e.lastTimestamp, nowEpochMs) : first;
      const count = e.count ? e.count : 1;
      const io = e.involvedObject;
      const target = io.name ? `${io.kind.toLowerCase()}/${io.name}` : io.kind.toLowerCase();
      const message = (e.message ?? "").trim();
      const cells = wide
        ? [
            last,
            e.type,
            e.reason,
            target,
            io.fieldPath ?? "",
            formatSource(e),
            message,
            first,
            String(count),
            e.metadata.name,
          ]
        : [last, e.type, e.reason, target, message];
      return { cells, object: e as ApiObject };
    }),
  };
}

/** The events `kubectl describe` shows for an object: same name, namespace and (if known) uid. */
export function eventsFor(events: ApiEvent[], obj: ApiObject, matchKind: boolean): ApiEvent[] {
  return events.filter(
    (e) =>
      e.involvedObject.name === obj.metadata.name &&
      (obj.metadata.namespace === undefined || e.involvedObject.namespace === obj.metadata.namespace) &&
      (!obj.metadata.uid || !e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid) &&
      (!matchKind || e.involvedObject.kind === obj.kind),
  );
}

/** `DescribeEvents`: flushes the writer, then prints the events sorted by last timestamp. */
export function describeEvents(events: ApiEvent[] | undefined, w: PrefixWriter, nowEpochMs: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  const lastOf = (e: ApiEvent) => parseTimestamp(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => lastOf(a.e) - lastOf(b.e) || a.i - b.i)
    .map((x) => x.e);
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    // Why: real kubelet events come from the core/v1 recorder with no eventTime, so describe falls
    // back to the whole-second firstTimestamp; Podlife fills eventTime for its own API contract.
    const first = e.firstTimestamp ? since(e.firstTimestamp, nowEpochMs) : since(e.eventTime, nowEpochMs);
    const interval =
      e.count > 1 ? `${since(e.lastTimestamp, nowEpochMs)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}
