/** `kubectl get pods -w` up to the playhead: a line each time a pod's columns changed. */
import type { Timeline } from "../sim/index.ts";
import { formatVirtualTime } from "../viz/time-format.ts";
import { Columns } from "./KubectlTableColumns.tsx";
import { watchPods } from "./status-history.ts";

export function WatchPanel({ timeline, playheadMs }: { timeline: Timeline; playheadMs: number }) {
  const rows = watchPods(timeline, playheadMs);
  return (
    <div className="watch" data-testid="watch">
      <p className="panel-note">
        <code>kubectl get pods -w</code> from the start to the playhead (the first column is the virtual time
        each line appeared).
      </p>
      <table className="kubectl-table">
        <Columns widths={["11ch", undefined, "8ch", "20ch", "14ch", "8ch"]} />
        <thead>
          <tr>
            <th>TIME</th>
            <th>NAME</th>
            <th>READY</th>
            <th>STATUS</th>
            <th>RESTARTS</th>
            <th>AGE</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}@${r.atMs}`} data-testid="watch-row">
              <td className="muted">{formatVirtualTime(r.atMs)}</td>
              <td>{r.name}</td>
              <td>{r.ready}</td>
              <td data-testid="watch-status">{r.status}</td>
              <td>{r.restarts}</td>
              <td>{r.age}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
