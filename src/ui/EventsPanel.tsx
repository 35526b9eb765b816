/** Events as `kubectl describe` prints them, at the playhead, filtered to the selection. */
import type { Timeline } from "../sim/index.ts";
import { describeEvents, type EventFilter } from "./describe-events.ts";
import { useMessages } from "./i18n/i18n.tsx";
import { Columns } from "./KubectlTableColumns.tsx";

// Fixed column widths (in ch of the table's monospace font, cell padding included): the columns
// stay put while the playhead moves and the rows change; Message takes the rest.
const EVENT_COLUMNS = ["11ch", "17ch", "22ch", "12ch", undefined];
const EVENT_COLUMNS_WITH_OBJECT = ["11ch", "17ch", "22ch", "12ch", "20ch", undefined];

export function EventsPanel({
  timeline,
  playheadMs,
  filter,
}: {
  timeline: Timeline;
  playheadMs: number;
  filter: EventFilter;
}) {
  const m = useMessages();
  const rows = describeEvents(timeline, playheadMs, filter);
  const scope =
    filter.podName === undefined
      ? m.eventsScopeAll
      : m.eventsScopePod(filter.podName, filter.containerName ?? "");
  const showObject = filter.podName === undefined;
  return (
    <div className="events" data-testid="events">
      <p className="panel-note" data-testid="events-scope">
        {scope}
      </p>
      {rows.length === 0 ? (
        <p className="panel-note">{m.noEvents}</p>
      ) : (
        <table className="kubectl-table">
          <Columns widths={showObject ? EVENT_COLUMNS_WITH_OBJECT : EVENT_COLUMNS} />
          <thead>
            <tr>
              <th>Type</th>
              <th>Reason</th>
              <th>Age</th>
              <th>From</th>
              {showObject && <th>Object</th>}
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.type}${r.reason}${r.message}${r.object.name}${r.object.fieldPath ?? ""}${r.from}`}
                className={r.type === "Warning" ? "warning" : undefined}
                data-testid="event-row"
              >
                <td>{r.type}</td>
                <td>{r.reason}</td>
                <td data-testid="event-age">{r.age}</td>
                <td>{r.from}</td>
                {showObject && (
                  <td>
                    {r.object.kind.toLowerCase()}/{r.object.name}
                  </td>
                )}
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
