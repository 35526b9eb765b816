/**
 * The embed view (`?embed=1`): read-only swimlanes for an iframe. It renders no editor and never
 * imports the editor module, so no Monaco code is downloaded.
 */

import { useState } from "react";
import { DetailsPanel } from "./DetailsPanel.tsx";
import type { Launch } from "./launch.ts";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { usePlayback } from "./playback.ts";
import { SimulationStatus, TimelineView } from "./TimelineView.tsx";
import { useSimulation } from "./use-simulation.ts";

export function EmbedView({ launch }: { launch: Launch }) {
  const sim = useSimulation(launch.text);
  const playback = usePlayback(sim.timeline);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const playgroundUrl = `${window.location.pathname}${window.location.hash}`;
  return (
    <div className="app embed">
      <header className="embed-bar">
        <span className="brand">Podlife</span>
        <SimulationStatus sim={sim} />
        <a href={playgroundUrl} target="_blank" rel="noreferrer" data-testid="open-in-playground">
          Open in playground ↗
        </a>
      </header>
      {launch.hashError && <p className="banner">{launch.hashError} Showing the default scenario.</p>}
      <PlaybackBar playback={playback} />
      <TimelineView sim={sim} playback={playback} selectedId={selectedId} onSelect={setSelectedId} />
      <DetailsPanel timeline={sim.timeline} selectedId={selectedId} />
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
