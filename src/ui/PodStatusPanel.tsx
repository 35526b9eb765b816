/** The selected pod's status at the playhead: phase, conditions, container states and restarts. */
import type { Timeline } from "../sim/index.ts";
import { useMessages } from "./i18n/i18n.tsx";
import { Columns } from "./KubectlTableColumns.tsx";
import { podStatusAt } from "./pod-status.ts";

export function PodStatusPanel({
  timeline,
  podIndex,
  playheadMs,
}: {
  timeline: Timeline;
  podIndex: number;
  playheadMs: number;
}) {
  const m = useMessages();
  const pod = timeline.pods[podIndex] ?? timeline.pods[0];
  if (!pod) return <p className="panel-note">{m.noPods}</p>;
  const s = podStatusAt(pod, playheadMs);
  return (
    <div className="pod-status" data-testid="pod-status">
      <p className="panel-note">
        Pod <strong data-testid="pod-status-name">{s.name}</strong> at the playhead
        {timeline.pods.length > 1 ? " (select an item of another pod to see that one)" : ""}.
      </p>
      <dl className="pod-status-summary">
        <dt>Status</dt>
        <dd data-testid="pod-status-phase">{s.deleted ? "(deleted)" : s.phase}</dd>
        {s.conditions.map((c) => (
          <div key={c.type} className="condition">
            <dt>{c.type}</dt>
            <dd data-testid={`pod-condition-${c.type}`}>{c.status}</dd>
          </div>
        ))}
      </dl>
      <table className="kubectl-table">
        <Columns widths={["22ch", undefined, "7ch", "15ch"]} />
        <thead>
          <tr>
            <th>Container</th>
            <th>State</th>
            <th>Ready</th>
            <th>Restart Count</th>
          </tr>
        </thead>
        <tbody>
          {s.containers.map((c) => (
            <tr key={c.name} data-testid={`container-status-${c.name}`}>
              <td>
                {c.name}
                {c.kind !== "regular" && <span className="tag"> {c.kind}</span>}
              </td>
              <td>
                {c.state}
                <span className="muted"> {c.detail}</span>
              </td>
              <td>{String(c.ready)}</td>
              <td data-testid="restart-count">{c.restarts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
