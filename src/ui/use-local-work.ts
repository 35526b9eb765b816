/**
 * The playground's side of local work (`src/share/local-work.ts` has the design): decides what
 * the editor starts with, saves the work (both variants in compare mode) as you type, and answers the "open the shared link?"
 * prompt. The embed view never calls it, so it never touches storage.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  decideStart,
  isOwnEntryChange,
  latestWork,
  newWorkId,
  readWork,
  type StartDecision,
  type StorageLike,
  saveWork,
  setWorkId,
  tabWorkId,
} from "../share/local-work.ts";
import { type ScenarioWork, sameWork } from "../share/scenario-work.ts";
import type { Launch } from "./launch.ts";

/** How long typing must pause before the text is saved (a page hide saves at once). */
const SAVE_DELAY_MS = 400;

/** `window.localStorage` or `window.sessionStorage`, or nothing where reading it throws. */
function browserStorage(name: "localStorage" | "sessionStorage"): StorageLike | undefined {
  try {
    const s = window[name];
    void s.length; // a blocked storage can throw on first use rather than on access
    return s;
  } catch {
    return undefined;
  }
}

/** The local-work state of one playground. */
export interface LocalWork {
  /** What the editor starts with. */
  start: StartDecision;
  /** A link's work waiting for the user's choice (the editor shows the local work meanwhile). */
  pendingShared: ScenarioWork | undefined;
  /** Opens the waiting shared work (the local work stays saved); returns it. */
  openShared: () => ScenarioWork | undefined;
  /** Keeps the local work and drops the waiting shared work. */
  keepMine: () => void;
  /** Saves `work` as this tab's work unless it is already saved. */
  save: (work: ScenarioWork) => void;
  /**
   * Saves `current` now and moves this tab to a fresh entry that starts as `next` (an example
   * opened over work), so the work stays saved under its old entry.
   */
  setAside: (current: ScenarioWork, next: ScenarioWork) => void;
}

/** Reads local work once and returns the playground's start and the prompt's answers. */
export function useLocalWork(launch: Launch, defaultText: string): LocalWork {
  const [init] = useState(() => {
    const local = browserStorage("localStorage");
    const session = browserStorage("sessionStorage");
    const id = tabWorkId(session, newWorkId());
    const tabWork = readWork(local, id);
    const start = decideStart({
      shared: launch.source === "hash" ? { text: launch.text, compare: launch.compare } : undefined,
      tabWork,
      latestWork: latestWork(local),
      defaultText,
    });
    // Work that is exactly what a link (or the default) opened is saved as not edited.
    const opened: ScenarioWork | undefined = start.source === "local" ? undefined : start;
    const lastSaved: string | undefined = tabWork ? savedKey(tabWork) : undefined;
    return { local, session, id, lastSaved, opened, start };
  });
  const state = useRef(init);
  const [pendingShared, setPending] = useState(init.start.pendingShared);

  const save = useCallback(
    (work: ScenarioWork) => {
      const s = state.current;
      const key = savedKey(work);
      if (key === s.lastSaved || (s.lastSaved === undefined && !work.compare && work.text === defaultText))
        return;
      const edited = !s.opened || !sameWork(work, s.opened);
      if (saveWork(s.local, s.id, work, Date.now(), edited)) s.lastSaved = key;
    },
    [defaultText],
  );

  /** Moves this tab to a fresh work id, leaving what was saved under the old one in place. */
  const startNewEntry = useCallback(() => {
    const s = state.current;
    s.id = newWorkId();
    s.lastSaved = undefined;
    setWorkId(s.session, s.id);
  }, []);

  const openShared = useCallback(() => {
    const shared = pendingShared;
    if (shared === undefined) return undefined;
    startNewEntry();
    state.current.opened = shared;
    save(shared);
    setPending(undefined);
    return shared;
  }, [pendingShared, save, startNewEntry]);

  const keepMine = useCallback(() => setPending(undefined), []);

  const setAside = useCallback(
    (current: ScenarioWork, next: ScenarioWork) => {
      save(current);
      startNewEntry();
      state.current.opened = next;
    },
    [save, startNewEntry],
  );

  // A duplicated tab shares this tab's work id: when another document writes our entry, move to a
  // fresh one and save our own text there, so neither tab's text is lost.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      const s = state.current;
      if (!isOwnEntryChange(e, s.id)) return;
      const mine = s.lastSaved;
      startNewEntry();
      if (mine !== undefined) save(JSON.parse(mine) as ScenarioWork);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [save, startNewEntry]);

  return { start: init.start, pendingShared, openShared, keepMine, save, setAside };
}

/** What identifies saved work: both texts, the titles and the open tab (so a reload reopens it). */
function savedKey(work: ScenarioWork): string {
  return JSON.stringify({ text: work.text, compare: work.compare });
}

/** Saves `work` a moment after it stops changing, and at once when the page is hidden or left. */
export function useSaveAsYouType(local: LocalWork, work: ScenarioWork): void {
  const { save } = local;
  const key = savedKey(work);
  useEffect(() => {
    const flush = () => save(JSON.parse(key) as ScenarioWork);
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    window.addEventListener("pagehide", flush);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", flush);
    };
  }, [save, key]);
}
