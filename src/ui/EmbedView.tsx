/**
 * The embed view (`?embed=1`): read-only swimlanes, playback and the events panel for an iframe.
 * It renders no editor and never imports the editor module, so no Monaco code is downloaded, and
 * it touches no storage (a sandboxed iframe has none). The link's parameters choose the start
 * time, autoplay, a loop range, the speed, which lanes, the theme and the height; "Open in
 * playground" carries the scenario and the view as they are on screen. A compare link (`#v2/`)
 * shows both variants on one time axis, each under a header with its title and failed requests.
 */

import { useMemo, useState } from "react";
import { pageBase, playgroundLink } from "../share/links.ts";
import { encodeScenarioHash } from "../share/scenario-hash.ts";
import { type CompareVariant, playbackTimeline, selectionIn } from "../viz/compare.ts";
import { filterLanes } from "../viz/filter-lanes.ts";
import { DetailsPanel } from "./DetailsPanel.tsx";
import { EventsPanel } from "./EventsPanel.tsx";
import { useMessages } from "./i18n/i18n.tsx";
import "./share.css";
import type { Launch } from "./launch.ts";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { usePlayback } from "./playback.ts";
import { SimulationStatus, TimelineView } from "./TimelineView.tsx";
import { compareVariants, useComparison } from "./use-comparison.ts";
import { useSimulation } from "./use-simulation.ts";
import { currentView } from "./use-url-sync.ts";

export function EmbedView({ launch }: { launch: Launch }) {
  const m = useMessages();
  const sim = useSimulation(launch.text);
  const { embed, view: linkView } = launch;
  const lanes = embed.lanes;
  const compare = launch.compare;
  const comparison = useComparison(sim.compare, compareVariants(launch.text, compare));
  const timeline = useMemo(() => sim.timeline && filterLanes(sim.timeline, lanes), [sim.timeline, lanes]);
  const variants = useMemo<CompareVariant[] | undefined>(
    () => comparison.variants?.map((v) => ({ ...v, timeline: filterLanes(v.timeline, lanes) })),
    [comparison.variants, lanes],
  );
  const shown = useMemo(() => ({ ...sim, timeline }), [sim, timeline]);
  const playback = usePlayback(playbackTimeline(timeline, variants), {
    initialMs: linkView.playheadMs ?? embed.loop?.fromMs ?? (embed.autoplay ? 0 : undefined),
    speed: linkView.speed,
    autoplay: embed.autoplay,
    loop: embed.loop,
  });
  const [selectedId, setSelectedId] = useState<string | undefined>(lanes ? undefined : linkView.selectedId);
  const view = currentView(playback, selectedId, linkView.theme ?? "system", linkView.lang);
  // Selection ids index the full run; with only some lanes shown they would point elsewhere.
  if (lanes) delete view.selectedId;
  const scenarioHash = useMemo(() => encodeScenarioHash(launch.text, compare), [launch.text, compare]);
  const playgroundUrl = playgroundLink(pageBase(window.location.href), scenarioHash, view);
  const selection = selectionIn(timeline, variants, selectedId);
  return (
    <div
      className="app embed"
      style={embed.heightPx !== undefined ? { height: `${embed.heightPx}px` } : undefined}
      data-testid="embed"
    >
      <header className="embed-bar">
        <span className="brand">Podlife</span>
        <SimulationStatus sim={shown} />
        <a href={playgroundUrl} target="_blank" rel="noopener noreferrer" data-testid="open-in-playground">
          {m.openInPlayground}
        </a>
      </header>
      {launch.hashError && (
        <p className="banner">
          {launch.hashError} {m.embedLinkErrorShowing}
        </p>
      )}
      <PlaybackBar playback={playback} />
      <TimelineView
        sim={shown}
        playback={playback}
        selectedId={selectedId}
        onSelect={setSelectedId}
        variants={variants}
      />
      <DetailsPanel timeline={selection.timeline} selectedId={selection.id} />
      {selection.timeline && (
        <EventsPanel timeline={selection.timeline} playheadMs={playback.playheadMs} filter={{}} />
      )}
      {sim.failed && (
        <ul className="embed-errors" data-testid="diagnostics">
          {sim.diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity beyond their order
            <li key={i}>
              {d.line !== undefined ? `${d.line}:${d.column ?? 1} ` : ""}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
