/**
 * The playground's side of local work (`src/share/local-work.ts` has the design): decides what
 * the editor starts with, saves the text as you type, and answers the "open the shared link?"
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
  /** A link's scenario waiting for the user's choice (the editor shows the local work meanwhile). */
  pendingSharedText: string | undefined;
  /** Opens the waiting shared scenario (the local work stays saved); returns its text. */
  openShared: () => string | undefined;
  /** Keeps the local work and drops the waiting shared scenario. */
  keepMine: () => void;
  /** Saves `text` as this tab's work unless it is already saved. */
  save: (text: string) => void;
  /**
   * Saves `current` now and moves this tab to a fresh entry that starts as `next` (an example
   * opened over work), so the work stays saved under its old entry.
   */
  setAside: (current: string, next: string) => void;
}

/** Reads local work once and returns the playground's start and the prompt's answers. */
export function useLocalWork(launch: Launch, defaultText: string): LocalWork {
  const [init] = useState(() => {
    const local = browserStorage("localStorage");
    const session = browserStorage("sessionStorage");
    const id = tabWorkId(session, newWorkId());
    const tabWork = readWork(local, id);
    const start = decideStart({
      sharedText: launch.source === "hash" ? launch.text : undefined,
      tabWork,
      latestWork: latestWork(local),
      defaultText,
    });
    // Text that is exactly what a link (or the default) opened is saved as not edited.
    const opened = start.source === "local" ? undefined : start.text;
    return { local, session, id, lastSaved: tabWork?.text, opened, start };
  });
  const state = useRef(init);
  const [pendingSharedText, setPending] = useState(init.start.pendingSharedText);

  const save = useCallback(
    (text: string) => {
      const s = state.current;
      if (text === s.lastSaved || (s.lastSaved === undefined && text === defaultText)) return;
      if (saveWork(s.local, s.id, text, Date.now(), text !== s.opened)) s.lastSaved = text;
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
    const shared = pendingSharedText;
    if (shared === undefined) return undefined;
    startNewEntry();
    state.current.opened = shared;
    save(shared);
    setPending(undefined);
    return shared;
  }, [pendingSharedText, save, startNewEntry]);

  const keepMine = useCallback(() => setPending(undefined), []);

  const setAside = useCallback(
    (current: string, next: string) => {
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
      if (mine !== undefined) save(mine);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [save, startNewEntry]);

  return { start: init.start, pendingSharedText, openShared, keepMine, save, setAside };
}

/** Saves `text` a moment after it stops changing, and at once when the page is hidden or left. */
export function useSaveAsYouType(work: LocalWork, text: string): void {
  const { save } = work;
  useEffect(() => {
    const flush = () => save(text);
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    window.addEventListener("pagehide", flush);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", flush);
    };
  }, [save, text]);
}
