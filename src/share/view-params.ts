/**
 * The view settings a link carries besides the scenario: playhead time, playback speed, the
 * selected item, theme and language. They live in the query string (`?t=1m30s&speed=25`), only
 * when they differ from the defaults, so a plain link stays short; the scenario travels in the
 * hash. Reading never throws: a value that does not parse is ignored.
 */
import { formatDuration, parseDuration } from "./duration.ts";

/** Playback speeds a link may ask for (virtual seconds per wall second). */
export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;
/** The speed when a link says nothing. */
export const DEFAULT_SPEED = 10;

/** Interface languages. */
export type Language = "en" | "zh";
/** Themes a link may force (the default follows the viewer's choice or system). */
export type LinkTheme = "light" | "dark";

/** View settings; an absent field means the default. */
export interface ViewParams {
  /** Playhead time (virtual ms); absent: at the end of the run, everything shown. */
  playheadMs?: number;
  speed?: number;
  /** Id of the selected swimlane item (`0.c1.s3`; in compare mode with its variant, `B:0.c1.s3`). */
  selectedId?: string;
  theme?: LinkTheme;
  lang?: Language;
}

/** The query keys this module owns. */
export const VIEW_KEYS = ["t", "speed", "sel", "theme", "lang"] as const;

/** A swimlane item id, optionally prefixed by a compare variant's label. */
const ITEM_ID = /^(?:[AB]:)?[0-9a-z.]{1,40}$/;

/** A language tag (`zh-CN`, `zh-Hans`, `en-GB`, `zh`) as one of ours, if it is one. */
export function languageOf(tag: string | null | undefined): Language | undefined {
  const t = tag?.trim().toLowerCase();
  if (!t) return undefined;
  if (t === "zh" || t.startsWith("zh-")) return "zh";
  if (t === "en" || t.startsWith("en-")) return "en";
  return undefined;
}

/** Reads the view settings from a query string (`?t=90s&lang=zh`). */
export function readViewParams(search: string): ViewParams {
  const q = new URLSearchParams(search);
  const view: ViewParams = {};
  const t = q.get("t");
  const playheadMs = t === null ? undefined : parseDuration(t);
  if (playheadMs !== undefined) view.playheadMs = playheadMs;
  const speed = Number(q.get("speed"));
  if ((PLAYBACK_SPEEDS as readonly number[]).includes(speed) && speed !== DEFAULT_SPEED) view.speed = speed;
  const sel = q.get("sel");
  if (sel !== null && ITEM_ID.test(sel)) view.selectedId = sel;
  const theme = q.get("theme");
  if (theme === "light" || theme === "dark") view.theme = theme;
  const lang = languageOf(q.get("lang"));
  if (lang) view.lang = lang;
  return view;
}

/**
 * Writes `view` into `search` (keeping keys that are not ours, such as `embed`) and returns the
 * query with its `?`, or "" when nothing is left. Defaults are left out.
 */
export function writeViewParams(search: string, view: ViewParams): string {
  const q = new URLSearchParams(search);
  for (const k of VIEW_KEYS) q.delete(k);
  if (view.playheadMs !== undefined && Number.isFinite(view.playheadMs))
    q.set("t", formatDuration(view.playheadMs));
  if (view.speed !== undefined && view.speed !== DEFAULT_SPEED) q.set("speed", String(view.speed));
  if (view.selectedId !== undefined) q.set("sel", view.selectedId);
  if (view.theme) q.set("theme", view.theme);
  if (view.lang) q.set("lang", view.lang);
  const s = q.toString();
  return s ? `?${s}` : "";
}
