/**
 * The playground: the scenario editor on the left, the swimlanes and the problems on the right.
 * Every edit re-simulates (debounced) and redraws; the scenario is kept in the URL's hash and
 * saved in the browser as local work (`use-local-work.ts`). In compare mode the work is the pair
 * of variants: links, saved work and the example prompt's Undo carry both.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { embedLink, pageBase } from "../share/links.ts";
import { encodeWorkHash } from "../share/scenario-hash.ts";
import type { ScenarioWork } from "../share/scenario-work.ts";
import type { Diagnostic } from "../sim/index.ts";
import { playbackTimeline, selectionIn } from "../viz/compare.ts";
import { BottomPanels } from "./BottomPanels.tsx";
import { CompareBar } from "./CompareBar.tsx";
import { DetailsPanel } from "./DetailsPanel.tsx";
import { DiagnosticsPanel } from "./DiagnosticsPanel.tsx";
import { ExamplePrompt } from "./ExamplePrompt.tsx";
import type { YamlEditor as YamlEditorApi } from "./editor/monaco.ts";
import { YamlEditor } from "./editor/YamlEditor.tsx";
import { DEFAULT_EXAMPLE, EXAMPLES, type Example } from "./examples.ts";
import { Gallery } from "./Gallery.tsx";
import { exampleText } from "./i18n/example-text.ts";
import { useLanguage, useMessages } from "./i18n/i18n.tsx";
import type { Launch } from "./launch.ts";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { usePlayback } from "./playback.ts";
import { SharedLinkPrompt } from "./SharedLinkPrompt.tsx";
import { ShareMenu } from "./ShareMenu.tsx";
import { ThemeSwitch } from "./ThemeSwitch.tsx";
import { SimulationStatus, TimelineView } from "./TimelineView.tsx";
import { compareVariants, useComparison } from "./use-comparison.ts";
import { useLocalWork, useSaveAsYouType } from "./use-local-work.ts";
import { useSimulation } from "./use-simulation.ts";
import { currentView, useThemeChoice, useUrlSync } from "./use-url-sync.ts";

export function Playground({ launch }: { launch: Launch }) {
  const m = useMessages();
  const lang = useLanguage();
  const work = useLocalWork(launch, DEFAULT_EXAMPLE.text);
  const [text, setText] = useState(work.start.text);
  const [exampleId, setExampleId] = useState(work.start.source === "default" ? DEFAULT_EXAMPLE.id : "");
  const { pendingShared } = work;
  const editorRef = useRef<YamlEditorApi | null>(null);
  // Compare mode: variant B's text and the variants' titles; the editor shows the active tab's text.
  const [compareB, setCompareB] = useState<{ text: string; titles: [string, string] } | undefined>(() =>
    variantB(work.start),
  );
  const [tab, setTab] = useState<"A" | "B">(work.start.compare?.tab ?? "A");
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const activeText = tab === "B" && compareB ? compareB.text : text;
  const current: ScenarioWork = { text, compare: compareB && { ...compareB, tab } };
  useSaveAsYouType(work, current);
  const sim = useSimulation(activeText);
  const comparison = useComparison(sim.compare, compareVariants(text, compareB));
  const playback = usePlayback(playbackTimeline(sim.timeline, comparison.variants), {
    initialMs: launch.view.playheadMs,
    speed: launch.view.speed,
  });
  const [selectedId, setSelectedId] = useState<string | undefined>(launch.view.selectedId);
  const view = currentView(playback, selectedId, useThemeChoice(), launch.view.lang);
  // In compare mode a selected id names its variant (`B:0.c1.s2`): the panels read that variant.
  const selection = selectionIn(sim.timeline, comparison.variants, selectedId);
  const switchTab = (next: "A" | "B") => {
    if (!compareB || next === tab) return;
    setTab(next);
    // The editor reports the new text as an edit: it must land in the tab switched to.
    tabRef.current = next;
    editorRef.current?.setValue(next === "B" ? compareB.text : text);
  };
  const startCompare = () => {
    setCompareB({ text, titles: [m.variantOriginal, m.variantCopy] });
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

  // Keep the scenario and the view in the URL so a reload or a shared link opens the same thing.
  // While a shared link waits for the user's choice, its hash stays.
  const currentKey = JSON.stringify(current);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `currentKey` stands for `current`
  const scenarioHash = useMemo(() => encodeWorkHash(current), [currentKey]);
  useUrlSync({
    hash: scenarioHash,
    omitHash: text === DEFAULT_EXAMPLE.text && !compareB && work.start.source === "default",
    paused: pendingShared !== undefined,
    view,
    viewReady: sim.timeline !== undefined,
  });

  /** Puts `w` in the editor: variant A, and variant B with its open tab in compare mode. */
  const showWork = (w: ScenarioWork) => {
    const next = w.compare?.tab ?? "A";
    setCompareB(variantB(w));
    setTab(next);
    // Set before the editor reports its new text as an edit, so the edit lands in this tab.
    tabRef.current = next;
    setSelectedId(undefined);
    playback.setPlayhead(Number.POSITIVE_INFINITY);
    setText(w.text);
    editorRef.current?.setValue(next === "B" && w.compare ? w.compare.text : w.text);
  };

  const openShared = () => {
    const shared = work.openShared();
    if (shared === undefined) return;
    setExampleId("");
    showWork(shared);
  };

  const openExample = (ex: Example) => {
    setExampleId(ex.id);
    showWork(exampleWork(ex));
  };
  // An example never silently replaces a scenario that is not one of the examples: ask first,
  // set the work aside in its own saved entry, and offer to go back to it.
  const [examplePrompt, setExamplePrompt] = useState<{ example?: Example; setAside?: ScenarioWork }>({});
  const pickExample = (id: string) => {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    // Nothing to lose when A is an example's text and B (if any) is untouched or an example's.
    const pristine =
      EXAMPLES.some((e) => e.text === text) &&
      (!compareB || compareB.text === text || EXAMPLES.some((e) => e.compare?.text === compareB.text));
    if (pristine) {
      setExamplePrompt({});
      openExample(ex);
    } else setExamplePrompt({ example: ex });
  };
  const confirmExample = () => {
    const ex = examplePrompt.example;
    if (!ex) return;
    work.setAside(current, exampleWork(ex));
    setExamplePrompt({ setAside: current });
    openExample(ex);
  };
  const undoExample = () => {
    const mine = examplePrompt.setAside;
    setExamplePrompt({});
    if (mine === undefined) return;
    setExampleId("");
    showWork(mine);
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

  const { playheadMs: _playhead, selectedId: _selected, ...embedView } = view;
  const embedUrl = embedLink(pageBase(window.location.href), scenarioHash, embedView, { autoplay: false });

  return (
    <div className="app playground">
      <header className="topbar">
        <h1>
          Podlife <span className="tagline">{m.tagline}</span>
        </h1>
        <div className="actions">
          <Gallery onPick={pickExample} />
          <label>
            {m.example}{" "}
            <select
              value={exampleId}
              onChange={(e) => pickExample(e.target.value)}
              data-testid="example-picker"
            >
              {exampleId === "" && <option value="">{m.yourScenario}</option>}
              {EXAMPLES.map((ex) => (
                <option key={ex.id} value={ex.id}>
                  {exampleText(ex, lang).title}
                </option>
              ))}
            </select>
          </label>
          <a href={embedUrl} target="_blank" rel="noreferrer" data-testid="embed-link">
            {m.embedView}
          </a>
          <ShareMenu
            scenarioHash={scenarioHash}
            view={view}
            timeline={sim.timeline}
            variants={comparison.variants}
          />
          <ThemeSwitch />
        </div>
      </header>
      {launch.hashError && (
        <p className="banner" role="alert" data-testid="link-error">
          {launch.hashError} {m.linkErrorShowing(work.start.source === "local")}
        </p>
      )}
      {pendingShared !== undefined && (
        <SharedLinkPrompt onOpenShared={openShared} onKeepMine={work.keepMine} />
      )}
      {(examplePrompt.example || examplePrompt.setAside !== undefined) && (
        <ExamplePrompt
          asking={examplePrompt.example && exampleText(examplePrompt.example, lang).title}
          onOpen={confirmExample}
          onKeep={() => setExamplePrompt({})}
          onUndo={undoExample}
        />
      )}
      <main className="panes">
        <section className="pane editor-pane" aria-label={m.scenarioPane}>
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
        <section className="pane view-pane" aria-label={m.simulationPane}>
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

/** Variant B's text and the tabs' titles, as the compare state holds them, when `w` has one. */
function variantB(w: ScenarioWork): { text: string; titles: [string, string] } | undefined {
  return w.compare && { text: w.compare.text, titles: w.compare.titles };
}

/** An example as a piece of work: compare examples open on tab A. */
function exampleWork(ex: Example): ScenarioWork {
  return { text: ex.text, compare: ex.compare && { ...ex.compare, tab: "A" } };
}
