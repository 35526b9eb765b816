/**
 * Parameters of the embed view, read from the query string (`?embed=1&autoplay=1&loop=10s-1m`).
 * Only non-default settings appear in the query; the scenario itself travels in the hash, and the
 * view settings it shares with the playground (start time `t`, `speed`, `theme`, `lang`) are read
 * by `view-params.ts`. Reading never throws: a value that does not parse is ignored.
 */
import { formatDuration, parseDuration } from "./duration.ts";

/** How the page was asked to show itself. */
export interface EmbedParams {
  /** Read-only swimlanes for an iframe: no editor, small download. */
  embed: boolean;
  /** Start playing as soon as the run is simulated. */
  autoplay: boolean;
  /** Play this range of virtual time over and over. */
  loop?: { fromMs: number; toMs: number };
  /** Which lanes to show: pod names (`web`) or one container of a pod (`web/nginx`). */
  lanes?: string[];
  /** Height of the embed in CSS pixels (the swimlanes scroll inside it). */
  heightPx?: number;
}

/** The query keys only the embed view reads. */
export const EMBED_KEYS = ["embed", "autoplay", "loop", "lanes", "height"] as const;

const MIN_HEIGHT_PX = 120;
const MAX_HEIGHT_PX = 4000;

const isOn = (v: string | null) => v !== null && v !== "0" && v !== "false";

/** Reads the embed parameters from a query string such as `?embed=1`. */
export function readEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const params: EmbedParams = { embed: isOn(q.get("embed")), autoplay: isOn(q.get("autoplay")) };
  const loop = q.get("loop")?.split("-");
  if (loop?.length === 2) {
    const fromMs = parseDuration(loop[0] ?? "");
    const toMs = parseDuration(loop[1] ?? "");
    if (fromMs !== undefined && toMs !== undefined && toMs > fromMs) params.loop = { fromMs, toMs };
  }
  const lanes = q
    .get("lanes")
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (lanes?.length) params.lanes = lanes;
  const height = Number(q.get("height"));
  if (Number.isInteger(height) && height >= MIN_HEIGHT_PX && height <= MAX_HEIGHT_PX)
    params.heightPx = height;
  return params;
}

/** Writes embed parameters into `search` (keeping other keys); returns the query with its `?`. */
export function writeEmbedParams(search: string, p: EmbedParams): string {
  const q = new URLSearchParams(search);
  for (const k of EMBED_KEYS) q.delete(k);
  if (p.embed) q.set("embed", "1");
  if (p.autoplay) q.set("autoplay", "1");
  if (p.loop) q.set("loop", `${formatDuration(p.loop.fromMs)}-${formatDuration(p.loop.toMs)}`);
  if (p.lanes?.length) q.set("lanes", p.lanes.join(","));
  if (p.heightPx !== undefined) q.set("height", String(p.heightPx));
  const s = q.toString();
  return s ? `?${s}` : "";
}
