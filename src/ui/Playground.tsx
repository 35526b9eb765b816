/**
 * The playground: the scenario editor on the left, the swimlanes and the problems on the right.
 * Every edit re-simulates (debounced) and redraws; the scenario is kept in the URL's hash and
 * saved in the browser as local work (`use-local-work.ts`).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { encodeScenarioHash } from "../share/scenario-hash.ts";
import type { Diagnostic } from "../sim/index.ts";
import { BottomPanels } from "./BottomPanels.tsx";
import { DetailsPanel } from "./DetailsPanel.tsx";
import { DiagnosticsPanel } from "./DiagnosticsPanel.tsx";
import type { YamlEditor as YamlEditorApi } from "./editor/monaco.ts";
import { YamlEditor } from "./editor/YamlEditor.tsx";
import { DEFAULT_EXAMPLE, EXAMPLES } from "./examples.ts";
import { Gallery } from "./Gallery.tsx";
import type { Launch } from "./launch.ts";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { usePlayback } from "./playback.ts";
import { SharedLinkPrompt } from "./SharedLinkPrompt.tsx";
import { ThemeSwitch } from "./ThemeSwitch.tsx";
import { SimulationStatus, TimelineView } from "./TimelineView.tsx";
import { useLocalWork, useSaveAsYouType } from "./use-local-work.ts";
import { useSimulation } from "./use-simulation.ts";

export function Playground({ launch }: { launch: Launch }) {
  const work = useLocalWork(launch, DEFAULT_EXAMPLE.text);
  const [text, setText] = useState(work.start.text);
  const [exampleId, setExampleId] = useState(work.start.source === "default" ? DEFAULT_EXAMPLE.id : "");
  useSaveAsYouType(work, text);
  const { pendingSharedText } = work;
  const editorRef = useRef<YamlEditorApi | null>(null);
  const sim = useSimulation(text);
  const playback = usePlayback(sim.timeline);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);

  // Keep the scenario in the URL so a reload or a shared link opens the same text (at once when
  // the page is left, so a quick reload finds the hash and the saved work in step). While a
  // shared link waits for the user's choice, its hash stays.
  const startSource = work.start.source;
  useEffect(() => {
    if (pendingSharedText !== undefined) return;
    const writeHash = () => {
      const fromDefault = text === DEFAULT_EXAMPLE.text && startSource === "default";
      const hash = fromDefault ? "" : encodeScenarioHash(text);
      if (hash !== window.location.hash) {
        history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
      }
    };
    const timer = setTimeout(writeHash, 400);
    window.addEventListener("pagehide", writeHash);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", writeHash);
    };
  }, [text, startSource, pendingSharedText]);

  const openShared = () => {
    const shared = work.openShared();
    if (shared === undefined) return;
    setExampleId("");
    setSelectedId(undefined);
    setText(shared);
    editorRef.current?.setValue(shared);
  };

  const pickExample = (id: string) => {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    setExampleId(id);
    setSelectedId(undefined);
    playback.setPlayhead(Number.POSITIVE_INFINITY);
    setText(ex.text);
    editorRef.current?.setValue(ex.text);
  };

  const onEdit = useCallback((t: string) => setText(t), []);
  const { recordCommand } = sim;
  const recordAction = useCallback(
    async (atMs: number, line: string): Promise<string | undefined> => {
      const reply = await recordCommand(atMs, line);
      if (reply.type !== "scenario-text") return reply.diagnostics[0]?.message ?? "unknown error";
      setText(reply.text);
      editorRef.current?.setValue(reply.text);
      return undefined;
    },
    [recordCommand],
  );
  const onReady = useCallback((e: YamlEditorApi | null) => {
    editorRef.current = e;
  }, []);
  const reveal = useCallback((d: Diagnostic) => {
    if (d.line !== undefined) editorRef.current?.reveal(d.line, d.column ?? 1);
  }, []);

  const embedUrl = `${window.location.pathname}?embed=1${encodeScenarioHash(text)}`;

  return (
    <div className="app playground">
      <header className="topbar">
        <h1>
          Podlife <span className="tagline">what Kubernetes does with your Pod, second by second</span>
        </h1>
        <div className="actions">
          <Gallery onPick={pickExample} />
          <label>
            Example{" "}
            <select
              value={exampleId}
              onChange={(e) => pickExample(e.target.value)}
              data-testid="example-picker"
            >
              {exampleId === "" && <option value="">(your scenario)</option>}
              {EXAMPLES.map((ex) => (
                <option key={ex.id} value={ex.id}>
                  {ex.title}
                </option>
              ))}
            </select>
          </label>
          <a href={embedUrl} target="_blank" rel="noreferrer" data-testid="embed-link">
            Embed view
          </a>
          <ThemeSwitch />
        </div>
      </header>
      {launch.hashError && (
        <p className="banner" role="alert" data-testid="link-error">
          {launch.hashError} Showing{" "}
          {work.start.source === "local" ? "your saved work" : "the default scenario"}.
        </p>
      )}
      {pendingSharedText !== undefined && (
        <SharedLinkPrompt onOpenShared={openShared} onKeepMine={work.keepMine} />
      )}
      <main className="panes">
        <section className="pane editor-pane" aria-label="Scenario">
          <YamlEditor value={text} onChange={onEdit} diagnostics={sim.diagnostics} onReady={onReady} />
        </section>
        <section className="pane view-pane" aria-label="Simulation">
          <SimulationStatus sim={sim} />
          <PlaybackBar playback={playback} />
          <TimelineView sim={sim} playback={playback} selectedId={selectedId} onSelect={setSelectedId} />
          <DetailsPanel timeline={sim.timeline} selectedId={selectedId} />
          <BottomPanels
            timeline={sim.timeline}
            playheadMs={playback.playheadMs}
            selectedId={selectedId}
            kubectl={sim.kubectl}
            record={recordAction}
          />
          <DiagnosticsPanel diagnostics={sim.diagnostics} onSelect={reveal} />
        </section>
      </main>
    </div>
  );
}
