/**
 * Keeps the playground's address in step with what is on screen: the scenario in the hash and
 * the non-default view settings in the query, so a reload or a copied address opens the same
 * thing. Written with `history.replaceState` a moment after things settle (at once when the page
 * is left), so playing does not flood the history and no `hashchange` fires.
 */
import { useEffect, useState } from "react";
import { type ViewParams, writeViewParams } from "../share/view-params.ts";
import type { Playback } from "./playback.ts";
import { currentThemeChoice, onThemeChoiceChange, type ThemeChoice } from "./theme.ts";

/** How long things must stay still before the address is rewritten. */
const WRITE_DELAY_MS = 400;

/** The view settings a link should carry for what is on screen (defaults left out). */
export function currentView(
  playback: Pick<Playback, "playheadMs" | "endMs" | "speed">,
  selectedId: string | undefined,
  theme: ThemeChoice,
  lang: ViewParams["lang"],
): ViewParams {
  const view: ViewParams = { speed: playback.speed };
  if (playback.playheadMs < playback.endMs) view.playheadMs = Math.round(playback.playheadMs);
  if (selectedId !== undefined) view.selectedId = selectedId;
  if (theme !== "system") view.theme = theme;
  if (lang) view.lang = lang;
  return view;
}

/** The theme choice in effect, following the theme switch. */
export function useThemeChoice(): ThemeChoice {
  const [choice, setChoice] = useState<ThemeChoice>(currentThemeChoice);
  useEffect(() => onThemeChoiceChange(setChoice), []);
  return choice;
}

/**
 * Writes `hash` (from `encodeWorkHash`; no hash when `omitHash`) and `view` into the address. `paused` stops writing
 * (a shared link waiting for the user's answer keeps its hash); `view` is written only once
 * `viewReady` (before the first run, the playhead is not known yet).
 */
export function useUrlSync(opts: {
  hash: string;
  omitHash: boolean;
  paused: boolean;
  view: ViewParams;
  viewReady: boolean;
}): void {
  const { hash: workHash, omitHash, paused, viewReady } = opts;
  const viewKey = viewReady ? JSON.stringify(opts.view) : undefined;
  useEffect(() => {
    if (paused) return;
    const write = () => {
      const hash = omitHash ? "" : workHash;
      const view = viewKey === undefined ? undefined : (JSON.parse(viewKey) as ViewParams);
      const search = view ? writeViewParams(window.location.search, view) : window.location.search;
      if (hash !== window.location.hash || search !== window.location.search)
        history.replaceState(history.state, "", `${window.location.pathname}${search}${hash}`);
    };
    const timer = setTimeout(write, WRITE_DELAY_MS);
    window.addEventListener("pagehide", write);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", write);
    };
  }, [workHash, omitHash, paused, viewKey]);
}
