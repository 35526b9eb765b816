/** What the selected swimlane item is, when it happened and why: the sentence tied to the rule. */
import type { Timeline } from "../sim/index.ts";
import { describeItem } from "../viz/items.ts";
import { formatVirtualTime } from "../viz/time-format.ts";
import { useDetailsLanguage, useMessages } from "./i18n/i18n.tsx";

export interface DetailsPanelProps {
  timeline: Timeline | undefined;
  selectedId: string | undefined;
}

export function DetailsPanel({ timeline, selectedId }: DetailsPanelProps) {
  const m = useMessages();
  const lang = useDetailsLanguage();
  const d = timeline && selectedId ? describeItem(timeline, selectedId, lang) : undefined;
  return (
    <section
      className="details"
      data-testid="details"
      aria-label={m.selection}
      aria-live="polite"
      aria-atomic="true"
    >
      {d ? (
        <>
          <p className="details-head">
            <strong data-testid="details-heading">{d.heading}</strong>
            <span className="details-where" data-testid="details-where">
              {d.where ? [d.where, d.podName && m.inPod(d.podName)].filter(Boolean).join(", ") : d.podName}
              {d.containerName ? ` / ${d.containerName}` : ""}
            </span>
            <span className="details-time" data-testid="details-time">
              {formatVirtualTime(d.startMs)}
              {d.endMs !== undefined && d.endMs !== d.startMs ? ` → ${formatVirtualTime(d.endMs)}` : ""}
            </span>
          </p>
          <p className="details-why" data-testid="details-why">
            {d.why}
          </p>
          {d.facts.length > 0 && (
            <p className="details-facts">
              {d.facts.map((f) => (
                <span key={f} className="details-fact">
                  {f}
                </span>
              ))}
            </p>
          )}
        </>
      ) : (
        <p className="details-empty">{m.selectHint}</p>
      )}
    </section>
  );
}
