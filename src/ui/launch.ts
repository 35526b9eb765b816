/**
 * What the page was opened with, read from its location: playground or embed view, which
 * scenario (from the hash, or the default demo), the view settings and the embed parameters of
 * the query. Takes the location as a parameter so it is testable without a browser.
 */
import { type EmbedParams, readEmbedParams } from "../share/embed-params.ts";
import { decodeScenarioHash } from "../share/scenario-hash.ts";
import type { CompareSession } from "../share/scenario-work.ts";
import { readViewParams, type ViewParams } from "../share/view-params.ts";

/** How to start the app. */
export interface Launch {
  mode: "playground" | "embed";
  /** The scenario text to open (variant A of a compare link). */
  text: string;
  /** Variant B, when the link was made in compare mode. */
  compare?: CompareSession;
  /** Where the text came from. */
  source: "hash" | "default";
  /** Set when the hash held a scenario that could not be read (the default is shown instead). */
  hashError?: string;
  /** Playhead, speed, selection, theme and language asked for by the link. */
  view: ViewParams;
  /** The embed view's own parameters (autoplay, loop, lanes, height). */
  embed: EmbedParams;
}

/** Reads the launch parameters from `location` (only `search` and `hash` are used). */
export function readLaunch(location: { search: string; hash: string }, defaultText: string): Launch {
  const embed = readEmbedParams(location.search);
  const view = readViewParams(location.search);
  const mode = embed.embed ? "embed" : "playground";
  const decoded = decodeScenarioHash(location.hash);
  if (decoded.kind === "scenario") {
    const launch: Launch = { mode, text: decoded.text, source: "hash", view, embed };
    if (decoded.compare) launch.compare = decoded.compare;
    return launch;
  }
  const launch: Launch = { mode, text: defaultText, source: "default", view, embed };
  if (decoded.kind === "error") launch.hashError = decoded.message;
  return launch;
}
