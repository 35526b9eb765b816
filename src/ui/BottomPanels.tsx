/** The tabbed panels under the swimlanes: events, the pod's status, and the kubectl console. */
import { type KeyboardEvent, useState } from "react";
import type { Timeline } from "../sim/index.ts";
import { describeItem, podIndexOf } from "../viz/items.ts";
import type { EventFilter } from "./describe-events.ts";
import { EventsPanel } from "./EventsPanel.tsx";
import { useMessages } from "./i18n/i18n.tsx";
import { KubectlConsole } from "./KubectlConsole.tsx";
import { PodStatusPanel } from "./PodStatusPanel.tsx";
import type { KubectlCommandReply } from "./sim-client.ts";
import { WatchPanel } from "./WatchPanel.tsx";

/** The tabs; the last two are named after the kubectl commands they show, in every language. */
const TABS = [{ id: "events" }, { id: "status" }, { id: "watch" }, { id: "console" }] as const;
type TabId = (typeof TABS)[number]["id"];

export interface BottomPanelsProps {
  timeline: Timeline | undefined;
  playheadMs: number;
  selectedId: string | undefined;
  kubectl: (atMs: number, line: string) => Promise<KubectlCommandReply>;
  /** Records a console action in the scenario (see `KubectlConsole`). */
  record?: (atMs: number, line: string) => Promise<string | undefined>;
}

export function BottomPanels({ timeline, playheadMs, selectedId, kubectl, record }: BottomPanelsProps) {
  const m = useMessages();
  const labels: Record<TabId, string> = {
    events: m.tabEvents,
    status: m.tabPodStatus,
    watch: "get pods -w",
    console: "kubectl",
  };
  const [tab, setTab] = useState<TabId>("events");
  const selected = timeline && selectedId ? describeItem(timeline, selectedId) : undefined;
  const filter: EventFilter = {};
  if (selected?.podName) {
    filter.podName = selected.podName;
    if (selected.containerName !== undefined) filter.containerName = selected.containerName;
  }
  const podIndex =
    selected && selected.podIndex >= 0 ? selected.podIndex : selectedId ? (podIndexOf(selectedId) ?? 0) : 0;

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
    e.preventDefault();
  };

  return (
    <section className="bottom-panels" aria-label={m.panels}>
      <div className="tabs" role="tablist" aria-label={m.panels} onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {labels[t.id]}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          id={`tabpanel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          hidden={tab !== t.id}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs: a panel that scrolls must be reachable to scroll it from the keyboard
          tabIndex={0}
          className="tabpanel"
        >
          {/* The console stays mounted so its history survives switching tabs. */}
          {t.id === "console" ? (
            <KubectlConsole playheadMs={playheadMs} run={kubectl} {...(record ? { record } : {})} />
          ) : tab === t.id && timeline ? (
            t.id === "events" ? (
              <EventsPanel timeline={timeline} playheadMs={playheadMs} filter={filter} />
            ) : t.id === "watch" ? (
              <WatchPanel timeline={timeline} playheadMs={playheadMs} />
            ) : (
              <PodStatusPanel timeline={timeline} podIndex={podIndex} playheadMs={playheadMs} />
            )
          ) : null}
        </div>
      ))}
    </section>
  );
}
