/**
 * The playground: the scenario editor on the left, the swimlanes and the problems on the right.
 * Every edit re-simulates (debounced) and redraws; the scenario is kept in the URL's hash and
 * saved in the browser as local work (`use-local-work.ts`).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { encodeScenarioHash } from "../share/scenario-hash.ts";
import type { Diagnostic } from "../sim/index.ts";
import { splitVariantId } from "../viz/compare.ts";
import { BottomPanels } from "./BottomPanels.tsx";
import { CompareBar } from "./CompareBar.tsx";
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
import { useComparison } from "./use-comparison.ts";
import { useLocalWork, useSaveAsYouType } from "./use-local-work.ts";
import { useSimulation } from "./use-simulation.ts";

export function Playground({ launch }: { launch: Launch }) {
  const work = useLocalWork(launch, DEFAULT_EXAMPLE.text);
  const [text, setText] = useState(work.start.text);
  const [exampleId, setExampleId] = useState(work.start.source === "default" ? DEFAULT_EXAMPLE.id : "");
  useSaveAsYouType(work, text);
  const { pendingSharedText } = work;
  const editorRef = useRef<YamlEditorApi | null>(null);
  // Compare mode: variant B's text and the variants' titles; the editor shows the active tab's text.
  const [compareB, setCompareB] = useState<{ text: string; titles: [string, string] } | undefined>();
  const [tab, setTab] = useState<"A" | "B">("A");
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const activeText = tab === "B" && compareB ? compareB.text : text;
  const sim = useSimulation(activeText);
  const comparison = useComparison(
    sim.compare,
    compareB
      ? [
          { label: "A", title: compareB.titles[0], text },
          { label: "B", title: compareB.titles[1], text: compareB.text },
        ]
      : undefined,
  );
  const playback = usePlayback(sim.timeline);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  // In compare mode a selected id names its variant (`B:0.c1.s2`): the panels read that variant.
  const selection = (() => {
    if (!comparison.variants || !selectedId) return { timeline: sim.timeline, id: selectedId };
    const { label, id } = splitVariantId(selectedId);
    return { timeline: comparison.variants.find((v) => v.label === label)?.timeline, id };
  })();
  const showText = (t: string) => {
    setText(t);
    editorRef.current?.setValue(t);
  };
  const switchTab = (next: "A" | "B") => {
    if (!compareB || next === tab) return;
    setTab(next);
    // The editor reports the new text as an edit: it must land in the tab switched to.
    tabRef.current = next;
    editorRef.current?.setValue(next === "B" ? compareB.text : text);
  };
  const startCompare = () => {
    setCompareB({ text, titles: ["original", "changed copy"] });
    setTab("B");
    setSelectedId(undefined);
  };
  const stopCompare = () => {
    if (compareB && tab === "B") setText(compareB.text);
    setCompareB(undefined);
    setTab("A");
    tabRef.current = "A";
    setSelectedId(undefined);
  };

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
    setCompareB(undefined);
    setTab("A");
    tabRef.current = "A";
    showText(shared);
  };

  const pickExample = (id: string) => {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    setExampleId(id);
    setSelectedId(undefined);
    playback.setPlayhead(Number.POSITIVE_INFINITY);
    setCompareB(ex.compare ? { text: ex.compare.text, titles: ex.compare.titles } : undefined);
    setTab("A");
    tabRef.current = "A";
    showText(ex.text);
  };

  const onEdit = useCallback((t: string) => {
    if (tabRef.current === "B") setCompareB((c) => (c ? { ...c, text: t } : c));
    else setText(t);
  }, []);
  const { recordCommand } = sim;
  const recordAction = useCallback(
    async (atMs: number, line: string): Promise<string | undefined> => {
      const reply = await recordCommand(atMs, line);
      if (reply.type !== "scenario-text") return reply.diagnostics[0]?.message ?? "unknown error";
      onEdit(reply.text);
      editorRef.current?.setValue(reply.text);
      return undefined;
    },
    [recordCommand, onEdit],
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
          <CompareBar
            titles={compareB?.titles}
            active={tab}
            results={comparison.results}
            onStart={startCompare}
            onStop={stopCompare}
            onSwitch={switchTab}
          />
          <YamlEditor value={activeText} onChange={onEdit} diagnostics={sim.diagnostics} onReady={onReady} />
        </section>
        <section className="pane view-pane" aria-label="Simulation">
          <SimulationStatus sim={sim} />
          <PlaybackBar playback={playback} />
          <TimelineView
            sim={sim}
            playback={playback}
            selectedId={selectedId}
            onSelect={setSelectedId}
            variants={comparison.variants}
          />
          <DetailsPanel timeline={selection.timeline} selectedId={selection.id} />
          <BottomPanels
            timeline={selection.timeline}
            playheadMs={playback.playheadMs}
            selectedId={selection.id}
            kubectl={sim.kubectl}
            record={recordAction}
          />
          <DiagnosticsPanel diagnostics={sim.diagnostics} onSelect={reveal} />
        </section>
      </main>
    </div>
  );
}
